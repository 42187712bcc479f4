/**
 * Generated datasets for the benchmarks: deterministic (seeded), varied text with some non-ASCII
 * characters so UTF-8 decoding is exercised, written in large chunks; JSONL, or the same examples as CSV
 * or JSON.
 */
import * as fs from "node:fs";

// Mostly ASCII, like most training text; about 1 word in 40 carries a non-ASCII character.
const ASCII_WORDS = [
  "the", "model", "answers", "with", "the", "next", "number", "after", "every", "question", "ticket", "customer",
  "invoice", "refund", "shipping", "delayed", "quickly", "please", "summarize", "classify", "translate", "explain",
  "why", "how", "when", "where", "data", "pipeline", "cluster", "latency", "throughput", "budget", "forecast",
  "quarter", "revenue", "growth", "risk", "a", "of", "to", "in", "is", "it", "for", "on", "that", "this", "we",
];
const OTHER_WORDS = ["café", "naïve", "résumé", "München", "Straße", "déjà", "—", "“quoted”", "€20", "日本"];

/** A small seeded PRNG (mulberry32): the same seed gives the same file on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number, approxChars: number, asciiOnly: boolean): string {
  const words: string[] = [];
  let length = 0;
  while (length < approxChars) {
    const pick = random();
    const word = pick < 0.025 && !asciiOnly ? OTHER_WORDS[Math.floor((pick / 0.025) * OTHER_WORDS.length)] : ASCII_WORDS[Math.floor(random() * ASCII_WORDS.length)];
    words.push(word);
    length += word.length + 1;
  }
  return words.join(" ");
}

/** What {@link writeJsonlDataset} wrote. */
export interface GeneratedDataset {
  path: string;
  examples: number;
  bytes: number;
}

/** The file formats a dataset file can have. */
export type GeneratedFormat = "jsonl" | "csv" | "json";

/**
 * Writes `examples` lines of `{"textInput": ..., "output": ...}` of about `lineBytes` bytes each.
 * `marker` is put into every input (tests use it to prove the examples are not in state). With
 * `asciiOnly`, no word has a non-ASCII character.
 */
export function writeJsonlDataset(
  file: string,
  options: { examples: number; lineBytes: number; seed?: number; marker?: string; asciiOnly?: boolean },
): GeneratedDataset {
  return writeDataset(file, "jsonl", options);
}

/**
 * Writes the examples {@link writeJsonlDataset} writes for the same options, in `format`: JSONL; CSV with
 * a `textInput,output` header, every field quoted (the texts have commas and quotes); or JSON, one
 * `{"examples": [...]}` document with an example per line. The same seed gives the same examples, so the
 * same fingerprint, in every format.
 */
export function writeDataset(
  file: string,
  format: GeneratedFormat,
  options: { examples: number; lineBytes: number; seed?: number; marker?: string; asciiOnly?: boolean },
): GeneratedDataset {
  const random = seededRandom(options.seed ?? 6);
  const outputChars = Math.max(8, Math.round(options.lineBytes * 0.15));
  const inputChars = Math.max(8, options.lineBytes - outputChars - 40);
  const fd = fs.openSync(file, "w");
  let bytes = 0;
  try {
    let chunk: string[] = [format === "csv" ? "textInput,output\n" : format === "json" ? '{"examples": [\n' : ""];
    const flush = () => {
      const text = chunk.join("");
      bytes += fs.writeSync(fd, text);
      chunk = [];
    };
    for (let i = 0; i < options.examples; i++) {
      const textInput = `${options.marker ?? ""}#${i} ${sentence(random, inputChars, options.asciiOnly ?? false)}`;
      const output = sentence(random, outputChars, options.asciiOnly ?? false);
      chunk.push(exampleText(format, textInput, output, i === 0));
      if (chunk.length >= 2000) flush();
    }
    if (format === "json") chunk.push("\n]}\n");
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return { path: file, examples: options.examples, bytes };
}

function exampleText(format: GeneratedFormat, textInput: string, output: string, first: boolean): string {
  switch (format) {
    case "jsonl":
      return `${JSON.stringify({ textInput, output })}\n`;
    case "json":
      return `${first ? "" : ",\n"}${JSON.stringify({ textInput, output })}`;
    case "csv":
      return `${csvField(textInput)},${csvField(output)}\n`;
  }
}

function csvField(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

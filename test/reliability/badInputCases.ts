/**
 * The bad-input table: invalid programs that must fail at `pulumi preview` with a message naming the
 * property, or the file and line, and without a single mutating request reaching the service.
 *
 * One case is one line: what is wrong, the arguments that differ from a valid TunedModel (or the stack
 * config to set), and the message expected in the engine's output. Dataset files are fixtures written by
 * {@link writeFixtures}; `f("name")` is the path of one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as gemini from "../../sdk";
import { fakeGoogleApiKey } from "../fixtures/fakeApiKey";

/** The key-shaped part of an API key with a line break, made per run; no output may show it. */
const LINE_BREAK_KEY = fakeGoogleApiKey();

/** One invalid program. */
export interface BadInputCase {
  /** What is wrong (the test's name). */
  what: string;
  /** Arguments replacing those of {@link VALID_ARGS}; `undefined` removes one. */
  args?: (f: (file: string) => string) => Partial<gemini.TunedModelArgs>;
  /** Stack config to set for this case (connection settings). */
  config?: Record<string, string>;
  /** What the engine's output must say. */
  message: RegExp;
  /** Text that must appear nowhere in the engine's output (a password inside the value). */
  secret?: string;
}

/** The password of the baseUrl cases: shown nowhere. */
const URL_PASSWORD = "pa55-w0rd-in-url";

/** A valid TunedModel: each case changes one thing. */
export const VALID_ARGS: gemini.TunedModelArgs = {
  baseModel: "models/gemini-1.5-flash-001-tuning",
  displayName: "valid",
  hyperparameters: { epochCount: 2, batchSize: 5 },
  trainingData: [
    { textInput: "1", output: "2" },
    { textInput: "2", output: "3" },
  ],
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** How the engine prints a check failure: `property <path> value ... has a problem: <reason>`. */
const prop = (property: string, reason: string) => new RegExp(`property ${escape(property)} value .*has a problem: .*${reason}`);
/** A dataset problem: the `trainingData` property, then `<file>:<line>: <reason>` (no line for whole-file problems). */
const file = (name: string, line: number | undefined, reason: string) =>
  prop("trainingData", `${escape(name)}${line === undefined ? "" : `:${line}`}: ${reason}`);

const long = (n: number) => "x".repeat(n);
const line = (record: unknown) => JSON.stringify(record);

/** Writes the dataset fixtures the table refers to into `dir`. */
export function writeFixtures(dir: string): void {
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const ok = line({ textInput: "1", output: "2" });
  write("broken.jsonl", `${ok}\n{"textInput": oops}\n`);
  write("other-keys.jsonl", `${line({ textInput: "1", output: "2" })}\n`);
  write("long-output.jsonl", `${ok}\n${ok}\n${line({ textInput: "3", output: long(5001) })}\n`);
  write("long-input.jsonl", `${ok}\n${line({ textInput: long(40_001), output: "y" })}\n`);
  write("empty-input.jsonl", `${ok}\n${ok}\n${ok}\n${line({ textInput: "", output: "y" })}\n`);
  write("array-line.jsonl", `${ok}\n[1, 2]\n`);
  write("object-input.jsonl", `${line({ textInput: { text: "1" }, output: "2" })}\n`);
  write("no-output.jsonl", `${ok}\n${ok}\n${line({ textInput: "3" })}\n`);
  write("empty.jsonl", "");
  write("blank-lines.jsonl", "\n\n\n");
  fs.mkdirSync(path.join(dir, "a-directory.jsonl"));
  write("columns.csv", "question,answer\n1,2\n");
  write("unclosed.csv", 'textInput,output\n1,2\n"3,4\n');
  write("long.csv", `textInput,output\n1,2\n3,${long(5001)}\n`);
  write("object.json", line({ data: [] }));
  write("broken.json", '[{"textInput": "1", "output": "2"},');
  write("no-output.json", line([{ textInput: "1", output: "2" }, { textInput: "2" }]));
}

/** The table. Every line is one invalid program. */
export const BAD_INPUTS: BadInputCase[] = [
  // Arguments.
  { what: "id with upper case and underscore", args: () => ({ tunedModelId: "Not_Valid" }), message: prop("tunedModelId", "must be 1-40 characters") },
  { what: "id of 41 characters", args: () => ({ tunedModelId: `a${long(40)}` }), message: prop("tunedModelId", "must be 1-40 characters") },
  { what: "id ending with a hyphen", args: () => ({ tunedModelId: "model-" }), message: prop("tunedModelId", "must be 1-40 characters") },
  { what: "id starting with a digit", args: () => ({ tunedModelId: "1model" }), message: prop("tunedModelId", "starting with a letter") },
  { what: "display name over 40 characters", args: () => ({ displayName: long(41) }), message: prop("displayName", "must be at most 40 characters") },
  { what: "temperature above 1", args: () => ({ temperature: 3 }), message: prop("temperature", "must be between 0 and 1") },
  { what: "negative temperature", args: () => ({ temperature: -0.1 }), message: prop("temperature", "must be between 0 and 1") },
  { what: "topP above 1", args: () => ({ topP: 1.5 }), message: prop("topP", "must be between 0 and 1") },
  { what: "topK of 0", args: () => ({ topK: 0 }), message: prop("topK", "must be greater than 0") },
  { what: "fractional topK", args: () => ({ topK: 2.5 }), message: prop("topK", "must be a whole number") },
  { what: "negative epoch count", args: () => ({ hyperparameters: { epochCount: -1 } }), message: prop("hyperparameters.epochCount", "must be greater than 0") },
  { what: "fractional epoch count", args: () => ({ hyperparameters: { epochCount: 1.5 } }), message: prop("hyperparameters.epochCount", "must be a whole number") },
  { what: "batch size 0", args: () => ({ hyperparameters: { batchSize: 0 } }), message: prop("hyperparameters.batchSize", "must be greater than 0") },
  { what: "learning rate 0", args: () => ({ hyperparameters: { learningRate: 0 } }), message: prop("hyperparameters.learningRate", "must be greater than 0") },
  { what: "negative learning-rate multiplier", args: () => ({ hyperparameters: { learningRateMultiplier: -2 } }), message: prop("hyperparameters.learningRateMultiplier", "must be greater than 0") },
  { what: "both learning-rate fields", args: () => ({ hyperparameters: { learningRate: 0.001, learningRateMultiplier: 2 } }), message: prop("hyperparameters", "not both") },
  { what: "epoch count given as text", args: () => ({ hyperparameters: { epochCount: "5" as unknown as number } }), message: prop("hyperparameters.epochCount", "must be a number") },
  { what: "neither base nor source model", args: () => ({ baseModel: undefined }), message: prop("baseModel", "set exactly one of baseModel and sourceModel") },
  { what: "both base and source model", args: () => ({ sourceModel: "tunedModels/earlier-model" }), message: prop("baseModel", "set exactly one of baseModel and sourceModel") },
  { what: "base model with a space", args: () => ({ baseModel: "models/gemini 1.5 flash" }), message: prop("baseModel", "must name a base model") },
  { what: "malformed source model", args: () => ({ baseModel: undefined, sourceModel: "tunedModels/Bad_Name" }), message: prop("sourceModel", "must name a tuned model") },
  { what: "reader project that is not a number", args: () => ({ readerProjectNumbers: ["my-project"] }), message: prop("readerProjectNumbers[0]", "must be a Google Cloud project number") },
  { what: "no training data", args: () => ({ trainingData: undefined }), message: prop("trainingData", "trainingData is required") },
  { what: "adoptExisting without an id", args: () => ({ adoptExisting: true }), message: prop("tunedModelId", "adoptExisting needs the tunedModelId") },
  { what: "inline dataset with no examples", args: () => ({ trainingData: [] }), message: prop("trainingData.examples", "the dataset has no examples") },
  { what: "inline example output over 5,000 characters", args: () => ({ trainingData: [{ textInput: "a", output: long(5001) }] }), message: prop("trainingData.examples[0]", "the output has 5001 characters") },
  { what: "inline example input over 40,000 characters", args: () => ({ trainingData: [{ textInput: long(40_001), output: "b" }] }), message: prop("trainingData.examples[0]", "the input has 40001 characters") },
  { what: "inline example with an empty input", args: () => ({ trainingData: [{ textInput: "a", output: "b" }, { textInput: "", output: "b" }] }), message: prop("trainingData.examples[1]", "the input text is empty") },
  { what: "create timeout that is not a duration", args: () => ({ timeouts: { create: "soon" } }), message: prop("timeouts.create", "must be a duration") },
  { what: "negative delete timeout", args: () => ({ timeouts: { delete: "-5m" } }), message: prop("timeouts.delete", "must be a duration") },
  // Wire-type bounds (int32, int64, float) and limits counted as the API counts them.
  { what: "epoch count above int32", args: () => ({ hyperparameters: { epochCount: 2 ** 31 } }), message: prop("hyperparameters.epochCount", "must be at most 2147483647") },
  { what: "batch size above int32", args: () => ({ hyperparameters: { batchSize: 1e10 } }), message: prop("hyperparameters.batchSize", "must be at most 2147483647") },
  { what: "topK above int32", args: () => ({ topK: 2 ** 31 }), message: prop("topK", "must be at most 2147483647") },
  { what: "learning rate beyond a float", args: () => ({ hyperparameters: { learningRate: 1e39 } }), message: prop("hyperparameters.learningRate", "must be at most 3.4028234663852886e\\+38") },
  { what: "learning-rate multiplier that is 0 as a float", args: () => ({ hyperparameters: { learningRateMultiplier: 1e-50 } }), message: prop("hyperparameters.learningRateMultiplier", "would reach the service as 0") },
  { what: "display name of 41 characters outside the BMP", args: () => ({ displayName: "\u{1F642}".repeat(41) }), message: prop("displayName", "must be at most 40 characters") },
  { what: "reader project number beyond int64", args: () => ({ readerProjectNumbers: ["9223372036854775808"] }), message: prop("readerProjectNumbers[0]", "must be at most 9223372036854775807") },
  { what: "reader project number too large to be exact", args: () => ({ readerProjectNumbers: [2 ** 60 as unknown as string] }), message: prop("readerProjectNumbers[0]", "give the project number as a string") },
  { what: "create timeout over 8760h", args: () => ({ timeouts: { create: "9000h" } }), message: prop("timeouts.create", 'must be at most "8760h"') },
  { what: "update timeout in seconds that overflows", args: () => ({ timeouts: { update: 1e308 as unknown as string } }), message: prop("timeouts.update", "must be a duration") },
  // Dataset files: the file, and the line where there is one.
  { what: "JSONL line that is not JSON", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("broken.jsonl")) }), message: file("broken.jsonl", 2, "not valid JSON") },
  { what: "JSONL without the mapped keys", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("other-keys.jsonl"), { input: "question", output: "answer" }) }), message: file("other-keys.jsonl", 1, 'missing "question"') },
  { what: "JSONL output over 5,000 characters", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("long-output.jsonl")) }), message: file("long-output.jsonl", 3, "the output has 5001 characters") },
  { what: "JSONL input over 40,000 characters", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("long-input.jsonl")) }), message: file("long-input.jsonl", 2, "the input has 40001 characters") },
  { what: "JSONL line with an empty input", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("empty-input.jsonl")) }), message: file("empty-input.jsonl", 4, "the input text is empty") },
  { what: "JSONL line that is an array", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("array-line.jsonl")) }), message: file("array-line.jsonl", 2, "expected an object") },
  { what: "JSONL input that is an object", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("object-input.jsonl")) }), message: file("object-input.jsonl", 1, '"textInput" must be a string') },
  { what: "JSONL line without an output", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("no-output.jsonl")) }), message: file("no-output.jsonl", 3, 'missing "output"') },
  { what: "empty JSONL file", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("empty.jsonl")) }), message: file("empty.jsonl", undefined, "the dataset has no examples") },
  { what: "JSONL file of blank lines", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("blank-lines.jsonl")) }), message: file("blank-lines.jsonl", undefined, "the dataset has no examples") },
  { what: "missing JSONL file", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("nope.jsonl")) }), message: file("nope.jsonl", undefined, "file not found") },
  { what: "dataset path that is a directory", args: (f) => ({ trainingData: gemini.Dataset.fromJsonl(f("a-directory.jsonl")) }), message: file("a-directory.jsonl", undefined, "is not a file") },
  { what: "CSV without the default columns", args: (f) => ({ trainingData: gemini.Dataset.fromCsv(f("columns.csv")) }), message: file("columns.csv", 2, 'missing column "textInput"') },
  { what: "CSV with an unclosed quote", args: (f) => ({ trainingData: gemini.Dataset.fromCsv(f("unclosed.csv")) }), message: file("unclosed.csv", 3, "not valid CSV") },
  { what: "CSV output over 5,000 characters", args: (f) => ({ trainingData: gemini.Dataset.fromCsv(f("long.csv")) }), message: file("long.csv", 3, "the output has 5001 characters") },
  { what: "missing CSV file", args: (f) => ({ trainingData: gemini.Dataset.fromCsv(f("nope.csv")) }), message: file("nope.csv", undefined, "file not found") },
  { what: "JSON file without an examples array", args: (f) => ({ trainingData: gemini.Dataset.fromJson(f("object.json")) }), message: file("object.json", undefined, "expected an array of examples") },
  { what: "JSON file that does not parse", args: (f) => ({ trainingData: gemini.Dataset.fromJson(f("broken.json")) }), message: file("broken.json", undefined, "not valid JSON") },
  { what: "JSON example without an output", args: (f) => ({ trainingData: gemini.Dataset.fromJson(f("no-output.json")) }), message: file("no-output.json", undefined, 'examples\\[1\\]: missing "output"') },
  // Connection settings.
  { what: "baseUrl that is not a URL", args: () => ({ baseUrl: "not a url" }), message: prop("baseUrl", "must be an http\\(s\\) URL") },
  { what: "baseUrl with another scheme", args: () => ({ baseUrl: "ftp://generativelanguage.googleapis.com" }), message: prop("baseUrl", "must be an http\\(s\\) URL") },
  { what: "baseUrl with user and password", args: () => ({ baseUrl: `http://user:${URL_PASSWORD}@127.0.0.1:9` }), message: prop("baseUrl", "must not carry a user name or password"), secret: URL_PASSWORD },
  { what: "baseUrl with a password only", args: () => ({ baseUrl: `https://:${URL_PASSWORD}@generativelanguage.googleapis.com` }), message: prop("baseUrl", "must not carry a user name or password"), secret: URL_PASSWORD },
  { what: "empty apiKey", args: () => ({ apiKey: "" }), message: prop("apiKey", "must not be empty") },
  { what: "apiKey of blanks", args: () => ({ apiKey: "  \n" }), message: prop("apiKey", "must not be empty") },
  { what: "apiKey with a line break inside", args: () => ({ apiKey: `${LINE_BREAK_KEY}\nsecond-line` }), message: prop("apiKey", "printable ASCII"), secret: LINE_BREAK_KEY },
  { what: "empty project", args: () => ({ project: "" }), message: prop("project", "must not be empty") },
  { what: "gemini:baseUrl config that is not a URL", config: { "gemini:baseUrl": "not a url" }, message: /gemini:baseUrl.*(URL|url)/ },
  { what: "gemini:baseUrl config with another scheme", config: { "gemini:baseUrl": "ftp://generativelanguage.googleapis.com" }, message: /gemini:baseUrl.*(URL|url)/ },
  { what: "gemini:baseUrl config with user and password", config: { "gemini:baseUrl": `http://user:${URL_PASSWORD}@127.0.0.1:9` }, message: /gemini:baseUrl must not carry a user name or password/, secret: URL_PASSWORD },
];

import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";
import type { DatasetFileSource } from "./scanDataset";
import type { VertexJsonlFile } from "./vertexJsonl";

/**
 * What identifies a file's current content without reading it: size, modification and change times in
 * nanoseconds, inode and device. Any write to a file moves its change time (ctime), which no program can
 * set back (unlike the modification time); replacing the file changes the inode. So equal identities mean
 * the bytes were not touched since the identity was taken.
 */
export interface FileIdentity {
  /** Size in bytes. */
  size: string;
  /** Modification time, nanoseconds since the epoch. */
  mtimeNs: string;
  /** Change time (content or metadata), nanoseconds since the epoch. */
  ctimeNs: string;
  /** Inode number. */
  ino: string;
  /** Device number. */
  dev: string;
}

/**
 * The record of one conversion of a dataset file into Vertex JSONL, kept next to the converted files: the
 * source file's identity and the fingerprint it had, and the converted file with its identity. It lets the
 * next program run skip the conversion without reading the converted file: the source is read anyway (for
 * its fingerprint), and when that fingerprint is the recorded one and the converted file still has its
 * recorded identity, the file is the conversion of this very data.
 */
export interface VertexJsonlRecord {
  /** Identity of the source file when it was converted. */
  source: FileIdentity;
  /** The source's dataset fingerprint then. */
  fingerprint: string;
  /** The converted file. */
  file: VertexJsonlFile;
  /** Its identity after it was written. */
  output: FileIdentity;
}

/** The identity of the file at `file`, or undefined when there is none. */
export async function fileIdentity(file: string): Promise<FileIdentity | undefined> {
  try {
    const info = await stat(file, { bigint: true });
    if (!info.isFile()) return undefined;
    return { size: String(info.size), mtimeNs: String(info.mtimeNs), ctimeNs: String(info.ctimeNs), ino: String(info.ino), dev: String(info.dev) };
  } catch {
    return undefined;
  }
}

/** Whether two identities are of the same, untouched file. */
export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino && a.dev === b.dev;
}

/** `<cacheDir>/sources/<hash of path, format and mapping>.json`: one record per way of reading a file. */
function recordPath(cacheDir: string, source: DatasetFileSource): string {
  const key = createHash("sha256").update(JSON.stringify([source.path, source.format, source.mapping.input, source.mapping.output])).digest("hex");
  return path.join(cacheDir, "sources", `${key}.json`);
}

/** The record of the last conversion of `source` into `cacheDir`, or undefined (none, or unreadable). */
export async function readVertexJsonlRecord(cacheDir: string, source: DatasetFileSource): Promise<VertexJsonlRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(recordPath(cacheDir, source), "utf8")) as VertexJsonlRecord;
    return typeof record.fingerprint === "string" && typeof record.file?.path === "string" ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the record's converted file is still there, untouched: its identity is compared, the file is not
 * read (reading and hashing it would cost as much as converting it again).
 */
export async function recordedFileIntact(record: VertexJsonlRecord): Promise<boolean> {
  return sameIdentity(record.output, await fileIdentity(record.file.path));
}

/** Records a conversion just made (atomically: a concurrent run sees the old record or the new one). */
export async function writeVertexJsonlRecord(
  cacheDir: string,
  source: DatasetFileSource,
  entry: { source: FileIdentity; fingerprint: string; file: VertexJsonlFile },
): Promise<void> {
  const output = await fileIdentity(entry.file.path);
  if (output === undefined) return;
  const target = recordPath(cacheDir, source);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify({ ...entry, output } satisfies VertexJsonlRecord));
    await rename(temporary, target);
  } catch {
    // A record is only an optimization: without it the next run converts again.
    await rm(temporary, { force: true });
  }
}

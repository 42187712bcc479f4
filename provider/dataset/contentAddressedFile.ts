import { randomUUID } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import * as path from "node:path";
import type { Utf8Sink } from "./exampleText";
import { HashingFileWriter } from "./hashingFileWriter";

/** A file named by the SHA-256 of its content. */
export interface ContentAddressedFile {
  /** `<dir>/<sha256><extension>`, absolute. */
  path: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

/**
 * Writes a file whose name is the SHA-256 of its content: `produce` streams the content into a temporary
 * file in `dir`, which is then renamed to `<sha256><extension>`. The rename is atomic, so a reader (or a
 * concurrent run producing the same content) never sees a partial file, and equal content always lands at
 * the same path, which is what lets Pulumi see "no change" for a regenerated file. An existing file of the
 * same name is replaced, not trusted, so a file left damaged by a crash heals on the next run. When
 * `produce` throws, the temporary file is removed and the error is rethrown.
 */
export async function writeContentAddressedFile<T>(
  dir: string,
  extension: string,
  produce: (output: Utf8Sink) => Promise<T>,
): Promise<ContentAddressedFile & { result: T }> {
  const directory = path.resolve(dir);
  await mkdir(directory, { recursive: true });
  // In the target directory, so the final rename never crosses file systems.
  const temporary = path.join(directory, `.${randomUUID()}.tmp`);
  const writer = new HashingFileWriter(temporary);
  try {
    const result = await produce(writer);
    const sha256 = writer.finish();
    const target = path.join(directory, `${sha256}${extension}`);
    await rename(temporary, target);
    return { path: target, sha256, result };
  } catch (error) {
    writer.close();
    await rm(temporary, { force: true });
    throw error;
  }
}

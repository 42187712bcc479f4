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
 * A file being written whose name will be the SHA-256 of its content: the content is streamed into a
 * temporary file in the target directory, which {@link finish} renames to `<sha256><extension>`. The
 * rename is atomic, so a reader (or a concurrent run producing the same content) never sees a partial
 * file, and equal content always lands at the same path, which is what lets Pulumi see "no change" for a
 * regenerated file. An existing file of the same name is replaced, not trusted, so a file left damaged by
 * a crash heals on the next run.
 */
export class ContentAddressedWriter {
  private constructor(
    private readonly directory: string,
    private readonly extension: string,
    private readonly temporary: string,
    private readonly writer: HashingFileWriter,
  ) {}

  /** Starts a file in `dir` (created when missing; a relative path resolves against the current directory). */
  static async create(dir: string, extension: string): Promise<ContentAddressedWriter> {
    const directory = path.resolve(dir);
    await mkdir(directory, { recursive: true });
    // In the target directory, so the final rename never crosses file systems.
    const temporary = path.join(directory, `.${randomUUID()}.tmp`);
    return new ContentAddressedWriter(directory, extension, temporary, new HashingFileWriter(temporary));
  }

  /** Where the content goes. */
  get output(): Utf8Sink {
    return this.writer;
  }

  /** Completes the file and gives it its name. */
  async finish(): Promise<ContentAddressedFile> {
    const sha256 = this.writer.finish();
    const target = path.join(this.directory, `${sha256}${this.extension}`);
    await rename(this.temporary, target);
    return { path: target, sha256 };
  }

  /** Drops the file (after an error). */
  async abort(): Promise<void> {
    this.writer.close();
    await rm(this.temporary, { force: true });
  }
}

/**
 * Writes a content-addressed file (see {@link ContentAddressedWriter}) whose content `produce` streams into
 * the sink it is given. When `produce` throws, the temporary file is removed and the error is rethrown.
 */
export async function writeContentAddressedFile<T>(
  dir: string,
  extension: string,
  produce: (output: Utf8Sink) => Promise<T>,
): Promise<ContentAddressedFile & { result: T }> {
  const file = await ContentAddressedWriter.create(dir, extension);
  try {
    const result = await produce(file.output);
    return { ...(await file.finish()), result };
  } catch (error) {
    await file.abort();
    throw error;
  }
}

import { stat } from "node:fs/promises";
import { DatasetError } from "./datasetError";

/**
 * Fails with a {@link DatasetError} naming the path when it is missing, not a regular file, or unreadable,
 * so the user sees "file not found" instead of a raw `ENOENT` stack from the stream that reads it.
 */
export async function assertReadableFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new DatasetError({ file: path, message: "is not a file" });
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError({ file: path, message: code === "ENOENT" ? "file not found" : `cannot be read (${code})` });
  }
}

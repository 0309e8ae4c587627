import { open, type FileHandle } from "node:fs/promises";
import { causeText, sourceFailed } from "./source-failed.ts";

/** Opens a source file for reading, or fails naming the sync and what is wrong with the path. */
export async function openSourceFile(path: string, sync: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    const code = cause instanceof Error && "code" in cause ? cause.code : undefined;
    const problem = code === "ENOENT" ? `the source file ${path} does not exist` : `cannot open the source file ${path}: ${causeText(cause)}`;
    throw sourceFailed(sync, problem, { subject: path, fix: "Check the path (a relative path is relative to the config file's folder).", cause });
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw sourceFailed(sync, `the source ${path} is not a file`, { subject: path });
  }
  return handle;
}

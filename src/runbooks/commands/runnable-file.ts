import type { RunbookFile } from "../runbook-file.js";
import { isKnownAs, runbookIdOf } from "../runbook-identity.js";
import type { Runbook } from "../schema.js";

/** A file's name without its folder and `.yml`/`.yaml`. */
export function fileStem(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.ya?ml$/, "");
}

/** How a runbook file is named in commands and lists: its runbook's id, the id its name gives when it has errors. */
export function fileRunbookId(file: Pick<RunbookFile, "path" | "runbook">): string {
  return file.runbook?.name ?? runbookIdOf(file.path) ?? fileStem(file.path);
}

/**
 * The valid runbook a command names — by its id (the file's base name), else by the old slug
 * `name:` it still answers to — or the reply
 * that says why it cannot run: `notFound` when no file matches, the file's errors when it
 * has any.
 */
export function runnableFile(
  files: readonly RunbookFile[],
  name: string,
  notFound: string,
): { file: RunbookFile & { runbook: Runbook } } | { reply: string } {
  const file =
    files.find((f) => fileRunbookId(f) === name) ?? files.find((f) => f.runbook !== undefined && isKnownAs(f.runbook, name));
  if (!file) return { reply: notFound };
  if (!file.runbook)
    return {
      reply: `\`${file.path}\` has errors, so it cannot run:\n\n${file.errors.map((e) => `- line ${e.line}: ${e.message}`).join("\n")}`,
    };
  return { file: { ...file, runbook: file.runbook } };
}

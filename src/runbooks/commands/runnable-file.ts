import type { RunbookFile } from "../runbook-file.js";
import type { Runbook } from "../schema.js";

/** A file's name without its folder and `.yml`/`.yaml`: how a runbook with errors is named. */
export function fileStem(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.ya?ml$/, "");
}

/**
 * The valid runbook a command names — by its `name`, else by its file's name — or the reply
 * that says why it cannot run: `notFound` when no file matches, the file's errors when it
 * has any.
 */
export function runnableFile(
  files: readonly RunbookFile[],
  name: string,
  notFound: string,
): { file: RunbookFile & { runbook: Runbook } } | { reply: string } {
  const file =
    files.find((f) => f.runbook?.name === name) ?? files.find((f) => fileStem(f.path) === name);
  if (!file) return { reply: notFound };
  if (!file.runbook)
    return {
      reply: `\`${file.path}\` has errors, so it cannot run:\n\n${file.errors.map((e) => `- line ${e.line}: ${e.message}`).join("\n")}`,
    };
  return { file: { ...file, runbook: file.runbook } };
}

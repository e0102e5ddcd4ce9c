/** Changed runbook files checked per pull request (each is one API request). */
export const MAX_CHECKED_FILES = 50;

/**
 * The runbook files a pull request changes that the check reads: YAML files in the runbook
 * directory that still exist (a removed runbook has nothing to check), at most
 * {@link MAX_CHECKED_FILES}.
 */
export function changedRunbookPaths(
  changed: readonly { filename: string; status: string }[],
  directory: string,
): string[] {
  const folder = `${directory.replace(/\/+$/, "")}/`;
  return changed
    .filter(
      (f) => f.status !== "removed" && f.filename.startsWith(folder) && /\.ya?ml$/.test(f.filename),
    )
    .map((f) => f.filename)
    .slice(0, MAX_CHECKED_FILES);
}

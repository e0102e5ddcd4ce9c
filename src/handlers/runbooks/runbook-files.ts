import { statusOf } from "../../github/client.js";
import type { RunbookFile } from "../../runbooks/runbook-file.js";
import { validateRunbook } from "../../runbooks/validate-runbook.js";
import { DEFAULT_MAX_YAML_BYTES } from "../../yaml/load-yaml.js";
import type { EventScope } from "../event-scope.js";

export type { RunbookFile } from "../../runbooks/runbook-file.js";

const RUNBOOK_FILE = /\.ya?ml$/;
/** At most this many runbook files are read from the directory (each is one API request). */
export const MAX_RUNBOOK_FILES = 50;

/** The commit at the tip of a branch: the version every runbook read with it has. */
export async function headCommit(scope: EventScope, branch: string): Promise<string> {
  const { data } = await scope.octokit.rest.git.getRef({ ...scope.repo, ref: `heads/${branch}` });
  return data.object.sha;
}

/** The repository's default branch, from the webhook when the caller has it, else from GitHub. */
export async function defaultBranch(scope: EventScope, known?: string): Promise<string> {
  if (known) return known;
  const { data } = await scope.octokit.rest.repos.get({ ...scope.repo });
  return data.default_branch;
}

/**
 * Every runbook in the configured directory at commit `sha`, each validated on its own: one
 * bad file never hides the others. A commit's files never change, so they are read and
 * validated once per commit (and allow-list) and kept in the app's cache.
 */
export async function loadRunbookFiles(scope: EventScope, sha: string): Promise<RunbookFile[]> {
  const key = JSON.stringify([
    scope.repo,
    sha,
    scope.config.runbooks.directory,
    scope.config.runbooks.http_allow,
  ]);
  const cached = scope.caches?.runbookFilesByCommit.get(key);
  if (cached) return cached;
  const files = await readRunbookFiles(scope, sha);
  scope.caches?.runbookFilesByCommit.set(key, files);
  return files;
}

async function readRunbookFiles(scope: EventScope, ref: string): Promise<RunbookFile[]> {
  const directory = scope.config.runbooks.directory.replace(/\/+$/, "");
  let listing: unknown;
  try {
    ({ data: listing } = await scope.octokit.rest.repos.getContent({
      ...scope.repo,
      path: directory,
      ref,
    }));
  } catch (error) {
    if (statusOf(error) === 404) return [];
    throw error;
  }
  const entries = (Array.isArray(listing) ? (listing as { type: string; path: string }[]) : [])
    .filter((e) => e.type === "file" && RUNBOOK_FILE.test(e.path))
    .slice(0, MAX_RUNBOOK_FILES);
  return Promise.all(entries.map((e) => loadRunbookFile(scope, e.path, ref)));
}

/** One runbook file at `ref`, validated against this repository's allowed hosts. */
export async function loadRunbookFile(
  scope: EventScope,
  path: string,
  ref: string,
): Promise<RunbookFile> {
  const read = await readFile(scope, path, ref);
  if (typeof read !== "string") return { path, errors: [{ ...read, path, field: "" }] };
  try {
    const result = validateRunbook(read, path, {
      httpAllow: scope.config.runbooks.http_allow,
      httpAllowCidrs: scope.deps.httpAllowCidrs ?? [],
    });
    return result.runbook
      ? { path, runbook: result.runbook, errors: [] }
      : { path, errors: result.errors };
  } catch (error) {
    scope.log.error({ err: error, delivery: scope.deliveryId, path }, "validating a runbook threw");
    return {
      path,
      errors: [
        {
          message: "Firewatch could not check this file (an internal error was logged)",
          line: 1,
          column: 1,
          path,
          field: "",
        },
      ],
    };
  }
}

/** The file's text, or why it cannot be used (too large, missing, not a file). */
async function readFile(
  scope: EventScope,
  path: string,
  ref: string,
): Promise<string | { message: string; line: number; column: number }> {
  try {
    const { data } = await scope.octokit.rest.repos.getContent({ ...scope.repo, path, ref });
    if (Array.isArray(data) || data.type !== "file")
      return { message: "not a file", line: 1, column: 1 };
    if (data.size > DEFAULT_MAX_YAML_BYTES)
      return {
        message: `the file is ${formatKb(data.size)}; the limit is ${formatKb(DEFAULT_MAX_YAML_BYTES)}`,
        line: 1,
        column: 1,
      };
    const content = "content" in data && typeof data.content === "string" ? data.content : "";
    return Buffer.from(content, "base64").toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404)
      return { message: `${path} does not exist at ${ref.slice(0, 12)}`, line: 1, column: 1 };
    throw error;
  }
}

function formatKb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

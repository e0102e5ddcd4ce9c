import type { Context } from "probot";
import type { AppDeps } from "../../app/deps.js";
import { openScope } from "../event-scope.js";
import { ANNOTATIONS_PER_REQUEST, CHECK_NAME, checkRunbookFiles } from "./check-runbook-files.js";
import { loadRunbookFile } from "./runbook-files.js";

/** Changed runbook files checked per pull request (each is one API request). */
const MAX_CHECKED_FILES = 50;

/**
 * A pull request that changes runbooks gets the `firewatch/runbooks` check on its head
 * commit: an annotation at the line of every error and a dry run of each changed runbook.
 * One check run per head commit: a redelivery finds it and does nothing.
 */
export async function onRunbookPullRequest(
  context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">,
  deps: AppDeps,
): Promise<void> {
  const pull = context.payload.pull_request;
  const scope = await openScope(context, deps);
  const { octokit, repo } = scope;
  const directory = `${scope.config.runbooks.directory.replace(/\/+$/, "")}/`;
  const changed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: pull.number,
    per_page: 100,
  });
  const paths = changed
    .filter(
      (f) =>
        f.status !== "removed" && f.filename.startsWith(directory) && /\.ya?ml$/.test(f.filename),
    )
    .map((f) => f.filename);
  if (paths.length === 0) return;
  const headSha = pull.head.sha;
  const { data: existing } = await octokit.rest.checks.listForRef({
    ...repo,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "all",
  });
  if (existing.check_runs.length > 0) return;
  const files = await Promise.all(
    paths.slice(0, MAX_CHECKED_FILES).map((path) => loadRunbookFile(scope, path, headSha)),
  );
  const outcome = checkRunbookFiles(files);
  const batches: (typeof outcome.annotations)[] = [];
  for (let i = 0; i < outcome.annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(outcome.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const output = (annotations: typeof outcome.annotations) => ({
    title: outcome.title,
    summary: outcome.summary,
    ...(annotations.length > 0 ? { annotations } : {}),
  });
  const last = batches.length <= 1;
  const { data: created } = await octokit.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    ...(last
      ? {
          status: "completed" as const,
          conclusion: outcome.conclusion,
          completed_at: deps.now().toISOString(),
        }
      : { status: "in_progress" as const }),
    started_at: deps.now().toISOString(),
    output: output(batches[0] ?? []),
  });
  for (let i = 1; i < batches.length; i++) {
    const final = i === batches.length - 1;
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: created.id,
      ...(final
        ? {
            status: "completed" as const,
            conclusion: outcome.conclusion,
            completed_at: deps.now().toISOString(),
          }
        : {}),
      output: output(batches[i]!),
    });
  }
}

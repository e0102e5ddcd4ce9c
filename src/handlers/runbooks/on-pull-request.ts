import type { Context } from "probot";
import type { AppDeps } from "../../app/deps.js";
import { openScope } from "../event-scope.js";
import { annotationBatches } from "../../runbooks/check/annotation-batches.js";
import { changedRunbookPaths } from "../../runbooks/check/changed-runbook-paths.js";
import { CHECK_NAME, checkRunbookFiles } from "../../runbooks/check/check-runbook-files.js";
import { loadRunbookFile } from "./runbook-files.js";

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
  const changed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: pull.number,
    per_page: 100,
  });
  const paths = changedRunbookPaths(changed, scope.config.runbooks.directory);
  if (paths.length === 0) return;
  const headSha = pull.head.sha;
  const { data: existing } = await octokit.rest.checks.listForRef({
    ...repo,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "all",
  });
  if (existing.check_runs.length > 0) return;
  const files = await Promise.all(paths.map((path) => loadRunbookFile(scope, path, headSha)));
  const outcome = checkRunbookFiles(files);
  const batches = annotationBatches(outcome.annotations);
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

import type { Context } from "probot";
import type { AppDeps } from "../../app/deps.js";
import { issueOfPostmortemBranch } from "../../reports/data/report-location.js";
import { reportsOf, withReports } from "../../reports/data/report-state.js";
import { openScope } from "../event-scope.js";

/**
 * `pull_request.closed`: when a postmortem pull request (`firewatch/postmortem-<n>`) is
 * merged, incident n moves to `post-incident` and its card records the pull request and
 * when it was merged.
 */
export async function onPostmortemMerged(
  context: Context<"pull_request.closed">,
  deps: AppDeps,
): Promise<void> {
  const pull = context.payload.pull_request;
  const issue = issueOfPostmortemBranch(pull.head.ref);
  if (!pull.merged || issue === undefined || pull.head.repo?.id !== context.payload.repository.id)
    return;
  const scope = await openScope(context, deps);
  const loaded = await scope.incident(issue);
  if (!loaded.state) return;
  const reports = reportsOf(loaded.state);
  const mergedAt = pull.merged_at ?? deps.now().toISOString();
  const record = reports.postmortem ?? {
    pr: pull.number,
    branch: pull.head.ref,
    path: "",
    blobSha: "",
    writtenAt: mergedAt,
  };
  const status = loaded.history.current;
  if (status === "resolved") {
    const remove = loaded.issue.labels.filter(scope.names.isStatusLabel);
    await scope.apply([
      { kind: "setLabels", issue, add: [scope.names.status("post-incident")], remove },
    ]);
  }
  const next = withReports(loaded.state, {
    ...reports,
    postmortem: {
      ...record,
      pr: pull.number,
      mergedAt,
      mergedBy: pull.merged_by?.login ?? context.payload.sender.login,
    },
  });
  scope.recordState(issue, next);
}

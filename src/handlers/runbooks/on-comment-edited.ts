import type { Context } from "probot";
import type { AppDeps } from "../../app/deps.js";
import { getPermission, hasAtLeast } from "../../github/get-permission.js";
import { readDataBlock } from "../../markdown/hidden-block.js";
import { parseExecutionState, type ExecutionState } from "../../runbooks/engine/execution-state.js";
import { parseTickedSteps } from "../../runbooks/engine/parse-ticked-steps.js";
import {
  EXECUTION_BLOCK,
  renderExecutionComment,
} from "../../runbooks/engine/render-execution-comment.js";
import { openScope, type EventScope } from "../event-scope.js";
import { driveExecution } from "./drive-execution.js";
import { executionKey } from "./execution-store.js";
import { recordExecutions } from "./incident-runbooks.js";
import { loadRunbookFile } from "./runbook-files.js";

/**
 * A responder ticked a box in a runbook comment (`issue_comment.edited` on the app's own
 * comment; the sender is the person who edited it). Ticks of permitted users complete their
 * manual steps; anything else in the edit — an unpermitted tick, a changed hidden block — is
 * undone by writing the comment back from the stored state.
 */
export async function onRunbookCommentEdited(
  context: Context<"issue_comment.edited">,
  deps: AppDeps,
): Promise<void> {
  const { comment, issue, sender } = context.payload;
  if (comment.user?.type !== "Bot" || !comment.body.includes("<!-- firewatch:key runbook:")) return;
  const before = parseExecutionState(
    readDataBlock(context.payload.changes.body?.from, EXECUTION_BLOCK),
  );
  if (!before || before.incident.number !== issue.number) return;
  const scope = await openScope(context, deps);
  const state = await trustedState(scope, comment.id, comment.body, before);
  const stored = { commentId: comment.id, state };
  const file = await loadRunbookFile(scope, stored.state.file, stored.state.sha);
  if (!file.runbook) return;
  const ticked = parseTickedSteps(comment.body, file.runbook, stored.state);
  const permitted =
    ticked.length > 0 &&
    hasAtLeast(
      await getPermission(scope.octokit, scope.repo, sender.login),
      scope.config.permissions.commands,
    );
  const ctx = {
    scope,
    issue: issue.number,
    defaultBranch: context.payload.repository.default_branch,
  };
  const events = permitted
    ? ticked.map((stepId) => ({ type: "stepCompleted" as const, stepId, by: sender.login }))
    : [];
  const result =
    events.length > 0
      ? await driveExecution(ctx, file.runbook, stored.state, events)
      : { state: stored.state };
  // Always write the comment back from state: restores unticked boxes and any tampering.
  await scope.apply([
    {
      kind: "upsertComment",
      issue: issue.number,
      key: executionKey(result.state.executionId),
      body: renderExecutionComment(file.runbook, result.state),
    },
  ]);
  if (ticked.length > 0 && !permitted) {
    await scope.apply([
      {
        kind: "createComment",
        issue: issue.number,
        key: `tick-refused-${scope.deliveryId}`,
        body: `@${sender.login} only people with at least \`${scope.config.permissions.commands}\` access can complete runbook steps, so the box was unticked.`,
      },
    ]);
  }
  if (result.state.status !== stored.state.status)
    await recordExecutions(scope, issue.number, [result.state]);
}

/**
 * The state the app last wrote. Until the app writes again, that is the block GitHub recorded
 * before this edit (the editor may have changed the block in the edited body). Once the app
 * has written since (a redelivery of this edit, a later step), the current comment is newer.
 */
async function trustedState(
  scope: EventScope,
  commentId: number,
  editedBody: string,
  before: ExecutionState,
): Promise<ExecutionState> {
  const { data } = await scope.octokit.rest.issues.getComment({
    ...scope.repo,
    comment_id: commentId,
  });
  if ((data.body ?? "") === editedBody) return before;
  return parseExecutionState(readDataBlock(data.body, EXECUTION_BLOCK)) ?? before;
}

import type { Context } from "probot";
import type { AppDeps } from "../../app/deps.js";
import { isAppAuthor } from "../../github/app-author.js";
import { permissionAtLeast } from "../../config/permission-at-least.js";
import { getPermission } from "../../github/get-permission.js";
import { decideCheckboxTicks } from "../../runbooks/decide/checkbox-ticks.js";
import { executionBeforeEdit } from "../../runbooks/decide/execution-before-edit.js";
import { trustedExecution } from "../../runbooks/decide/trusted-execution.js";
import { parseTickedSteps } from "../../runbooks/engine/parse-ticked-steps.js";
import { renderExecutionComment } from "../../runbooks/engine/render-execution-comment.js";
import { executionKey } from "../../runbooks/execution-ids.js";
import { openScope } from "../event-scope.js";
import { driveExecution } from "./drive-execution.js";
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
  const before = executionBeforeEdit({
    byApp: isAppAuthor(context.octokit, comment.user),
    body: comment.body,
    bodyBefore: context.payload.changes.body?.from,
    issue: issue.number,
  });
  if (!before) return;
  const scope = await openScope(context, deps);
  const { data: current } = await scope.octokit.rest.issues.getComment({
    ...scope.repo,
    comment_id: comment.id,
  });
  const state = trustedExecution(before, comment.body, current.body ?? "");
  const file = await loadRunbookFile(scope, state.file, state.sha);
  if (!file.runbook) return;
  const ticked = parseTickedSteps(comment.body, file.runbook, state);
  const needed = scope.config.permissions.commands;
  const decision = decideCheckboxTicks({
    ticked,
    editor: sender.login,
    permitted:
      ticked.length > 0 &&
      permissionAtLeast(await getPermission(scope.octokit, scope.repo, sender.login), needed),
    needed,
    deliveryId: scope.deliveryId,
  });
  const ctx = {
    scope,
    issue: issue.number,
    defaultBranch: context.payload.repository.default_branch,
    // The box was ticked when GitHub says the comment was edited.
    at: comment.updated_at,
  };
  const result =
    decision.events.length > 0
      ? await driveExecution(ctx, file.runbook, state, decision.events)
      : { state };
  // Always write the comment back from state: restores unticked boxes and any tampering.
  await scope.apply([
    {
      kind: "upsertComment",
      issue: issue.number,
      key: executionKey(result.state.executionId),
      body: renderExecutionComment(file.runbook, result.state),
    },
  ]);
  if (decision.refusal)
    await scope.apply([{ kind: "createComment", issue: issue.number, ...decision.refusal }]);
  if (result.state.status !== state.status)
    await recordExecutions(scope, issue.number, [result.state]);
}

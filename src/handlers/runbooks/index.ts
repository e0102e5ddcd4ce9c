/** The runbook feature's entry points: webhook handlers and the slash-command operations. */
export { onIssueRunbooks } from "./on-issue-event.js";
export { onWorkflowRun } from "./on-workflow-run.js";
export { onRunbookCommentEdited } from "./on-comment-edited.js";
export { onRunbookPullRequest } from "./on-pull-request.js";
export { startMatchingRunbooks } from "./start-matching-runbooks.js";
export { runRunbookCommand, type CommandOutcome } from "./runbook-commands.js";
export { runStepCommand, runApproveCommand, stepCommand, approveCommand } from "./step-commands.js";

import { readDataBlock } from "../../markdown/hidden-block.js";
import { parseExecutionState, type ExecutionState } from "../engine/execution-state.js";
import { EXECUTION_BLOCK } from "../engine/render-execution-comment.js";

/** What an `issue_comment.edited` payload says about the comment. */
export interface CommentEdit {
  /** Written by the app's own account (`isAppAuthor`): hidden state counts only there. */
  byApp: boolean;
  body: string;
  /** The body before the edit, as GitHub recorded it. */
  bodyBefore: string | undefined;
  issue: number;
}

/**
 * The execution an edited comment held before the edit, when the edit can concern a runbook:
 * the app's own comment with a runbook key whose earlier body holds an execution of this issue
 * (another bot's copy of it may carry a planted block).
 * Anything else is dropped from the payload alone, before any request.
 */
export function executionBeforeEdit(edit: CommentEdit): ExecutionState | undefined {
  if (!edit.byApp || !edit.body.includes("<!-- firewatch:key runbook:"))
    return undefined;
  const before = parseExecutionState(readDataBlock(edit.bodyBefore, EXECUTION_BLOCK));
  return before && before.incident.number === edit.issue ? before : undefined;
}

import { readDataBlock } from "../../markdown/hidden-block.js";
import { parseExecutionState, type ExecutionState } from "../engine/execution-state.js";
import { EXECUTION_BLOCK } from "../engine/render-execution-comment.js";

/**
 * The state the app last wrote in a runbook comment. While the comment on GitHub is still the
 * edited body, that is the block GitHub recorded before the edit (the editor may have changed
 * the block in the edited body). Once the app has written since (a redelivery of this edit, a
 * later step), the comment's current block is newer; unreadable, the earlier one stands.
 */
export function trustedExecution(
  before: ExecutionState,
  editedBody: string,
  currentBody: string,
): ExecutionState {
  if (currentBody === editedBody) return before;
  return parseExecutionState(readDataBlock(currentBody, EXECUTION_BLOCK)) ?? before;
}

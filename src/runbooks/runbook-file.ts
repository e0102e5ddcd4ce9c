import type { Runbook } from "./schema.js";
import type { RunbookError } from "./validate-runbook.js";

/** One runbook file as read at a commit: the runbook when valid, else its errors. */
export interface RunbookFile {
  path: string;
  runbook?: Runbook;
  errors: RunbookError[];
}

import type { Repository, User } from "./model.js";
import type { WorkflowRun } from "./runbook-model.js";

/** `workflow_run.completed`: a dispatched run finished (the sender is whoever triggered it). */
export interface WorkflowRunWebhookIntent {
  event: "workflow_run";
  action: "completed";
  repo: Repository;
  sender: User;
  run: WorkflowRun;
}

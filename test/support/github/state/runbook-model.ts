import type { User } from "./model.js";

/** One `workflow_dispatch` as GitHub received it. */
export interface WorkflowDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  at: string;
  actor: string;
}

/** A workflow run created by a dispatch; a test completes it with `gh.completeWorkflowRun`. */
export interface WorkflowRun {
  id: number;
  workflowId: number;
  /** `.github/workflows/<file>` */
  path: string;
  name: string;
  /** The workflow's `run-name` with its inputs filled in (what GitHub shows as the run's title). */
  displayTitle: string;
  headBranch: string;
  headSha: string;
  runNumber: number;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  inputs: Record<string, string>;
  actor: User;
  /** What started it: `workflow_dispatch` (the default) for a dispatched run; `pull_request`, `push`, … */
  event?: string;
  createdAt: string;
  updatedAt: string;
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

/** A check run; annotations accumulate over create and updates, as on GitHub. */
export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  externalId: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations: CheckAnnotation[];
  /** How many create/update requests carried annotations, and the most in one (GitHub takes 50). */
  annotationBatches: number[];
}

/** What the runbook feature adds to a stand-in repository (kept apart from the shared model). */
export interface RunbookRepositoryData {
  dispatches: WorkflowDispatch[];
  workflowRuns: WorkflowRun[];
  checkRuns: CheckRun[];
}

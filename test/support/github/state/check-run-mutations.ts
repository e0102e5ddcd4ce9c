import { ApiError } from "../http/api-error.js";
import type { Repository } from "./model.js";
import type { MutationContext } from "./mutation-context.js";
import type { CheckAnnotation, CheckRun } from "./runbook-model.js";
import { runbookData } from "./runbook-repository-data.js";

export interface CheckRunInput {
  name?: string;
  head_sha?: string;
  status?: CheckRun["status"];
  conclusion?: string;
  external_id?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: CheckAnnotation[] };
}

/** GitHub refuses more than 50 annotations in one request. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

export function createCheckRun(ctx: MutationContext, repo: Repository, input: CheckRunInput): CheckRun {
  const now = ctx.state.clock.iso();
  const run: CheckRun = {
    id: ctx.state.nextId(),
    name: input.name ?? "",
    headSha: input.head_sha ?? "",
    status: "queued",
    conclusion: null,
    startedAt: input.started_at ?? now,
    completedAt: null,
    externalId: null,
    title: null,
    summary: null,
    text: null,
    annotations: [],
    annotationBatches: [],
  };
  change(ctx, run, input);
  runbookData(repo).checkRuns.push(run);
  return run;
}

/** PATCH: fields given replace the old ones; annotations are appended, as GitHub does. */
export function updateCheckRun(ctx: MutationContext, repo: Repository, id: number, input: CheckRunInput): CheckRun {
  const run = runbookData(repo).checkRuns.find((r) => r.id === id);
  if (!run) throw ApiError.notFound();
  change(ctx, run, input);
  return run;
}

function change(ctx: MutationContext, run: CheckRun, input: CheckRunInput): void {
  const annotations = input.output?.annotations ?? [];
  if (annotations.length > MAX_ANNOTATIONS_PER_REQUEST) throw new ApiError(422, `Only ${MAX_ANNOTATIONS_PER_REQUEST} annotations are allowed per request`);
  if (input.conclusion !== undefined && input.status !== undefined && input.status !== "completed") throw new ApiError(422, "conclusion requires status completed");
  if (input.status) run.status = input.status;
  if (input.conclusion !== undefined) {
    run.status = "completed";
    run.conclusion = input.conclusion;
  }
  if (run.status === "completed") run.completedAt = input.completed_at ?? run.completedAt ?? ctx.state.clock.iso();
  if (input.external_id !== undefined) run.externalId = input.external_id;
  if (input.output) {
    if (input.output.title !== undefined) run.title = input.output.title;
    if (input.output.summary !== undefined) run.summary = input.output.summary;
    if (input.output.text !== undefined) run.text = input.output.text;
    if (annotations.length > 0) {
      run.annotations.push(...annotations);
      run.annotationBatches.push(annotations.length);
    }
  }
}

import { z } from "zod";
import { emptyRcaState, rcaStateSchema, type RcaState } from "../../analysis/rca-state.js";
import type { IncidentState } from "../../incident/incident-state.js";

/** What the app knows about the postmortem pull request it opened for an incident. */
export const postmortemRecordSchema = z.object({
  /** The pull request's number. */
  pr: z.number(),
  branch: z.string(),
  /** The report file's path on the branch. */
  path: z.string(),
  /** The blob SHA of the file as the app last wrote it: a different SHA means a person edited it. */
  blobSha: z.string(),
  /** When the app last wrote it. */
  writtenAt: z.string(),
  /** Set when the pull request was merged. */
  mergedAt: z.string().optional(),
  mergedBy: z.string().optional(),
});

/** A recovery report pull request, one per run of a recovery plan. */
export const recoveryRecordSchema = z.object({
  /** The run of the plan it reports on. */
  executionId: z.string(),
  plan: z.string(),
  /** How the plan ended (`succeeded`, `failed`, `rolled-back`, …). */
  outcome: z.string(),
  pr: z.number(),
  branch: z.string(),
  path: z.string(),
  /** The blob SHA of the file as the app last wrote it. */
  blobSha: z.string(),
  writtenAt: z.string(),
});

/** Reports and what they draw on, kept in the incident card's state. */
export const reportsStateSchema = z.object({
  postmortem: postmortemRecordSchema.optional(),
  /** Fault trees (`.github/fault-trees/<name>.yml`) attached with `/fault-tree`, in order. */
  faultTrees: z.array(z.object({ name: z.string(), by: z.string(), at: z.string() })).max(20).default([]),
  /** Recovery report pull requests, in the order the plans finished. */
  recovery: z.array(recoveryRecordSchema).max(50).optional(),
});

export type PostmortemRecord = z.infer<typeof postmortemRecordSchema>;
export type RecoveryRecord = z.infer<typeof recoveryRecordSchema>;
export type ReportsState = z.infer<typeof reportsStateSchema>;

/** The incident's RCA notes; an incident declared before RCA existed has none. */
export function rcaOf(state: IncidentState): RcaState {
  const parsed = rcaStateSchema.safeParse((state as { rca?: unknown }).rca);
  return parsed.success ? parsed.data : emptyRcaState();
}

export function reportsOf(state: IncidentState): ReportsState {
  const parsed = reportsStateSchema.safeParse((state as { reports?: unknown }).reports ?? {});
  return parsed.success ? parsed.data : { faultTrees: [] };
}

export function withRca(state: IncidentState, rca: RcaState): IncidentState {
  return { ...state, rca } as IncidentState;
}

export function withReports(state: IncidentState, reports: ReportsState): IncidentState {
  return { ...state, reports } as IncidentState;
}

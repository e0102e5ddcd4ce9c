import type { IncidentRef, Instant } from "./postmortem-data.js";

/**
 * The recovery report template's view model: one run of a recovery plan (a runbook with
 * `kind: recovery`). Every instant comes from the run's records; `computed.*` derives
 * the durations and whether the objectives were met.
 */
export interface RecoveryReportData {
  readonly incident: IncidentRef;
  /** When the report was generated (passed in). */
  readonly generatedAt: Instant;
  readonly plan: {
    readonly name: string;
    /** Path of the plan in the repository, e.g. `.github/runbooks/rollback-model.yml`. */
    readonly path: string | null;
    /** The commit SHA the plan was read at. */
    readonly version: string;
  };
  readonly objectives: {
    /** Recovery time objective in ms: the longest acceptable time from the incident's start to recovery. */
    readonly rtoMs: number | null;
    /** Recovery point objective in ms: the most data, as time, that may be lost. */
    readonly rpoMs: number | null;
    /** The service level to be back at, in words. */
    readonly serviceLevel: string | null;
  };
  readonly run: {
    /** The incident's start, from which the RTO is measured (normally its declaration). */
    readonly incidentStartedAt: Instant;
    /** What `incidentStartedAt` is: `detected` (the issue form's "detected at") or `declared`. */
    readonly incidentStartedFrom?: "detected" | "declared" | null;
    readonly startedAt: Instant;
    readonly finishedAt: Instant | null;
    /** When verification passed and service was back; `null` if it never was. */
    readonly recoveredAt: Instant | null;
    /** `recovered`, `failed`, `rolled-back`, `running`. */
    readonly outcome: string;
    /** Measured data loss window in ms (last good copy → incident start), if known. */
    readonly dataLossMs: number | null;
    /** Who started it (`/recovery start`). */
    readonly startedBy: string | null;
  };
  readonly steps: ReadonlyArray<{
    readonly name: string;
    /** `succeeded`, `failed`, `skipped`, `pending`. */
    readonly result: string;
    readonly startedAt: Instant | null;
    readonly finishedAt: Instant | null;
    readonly detail: string | null;
  }>;
  readonly verification: ReadonlyArray<{
    /** The criterion, in words. */
    readonly criterion: string;
    /** `passed`, `failed`, `pending`. */
    readonly result: string;
    readonly checkedAt: Instant | null;
    /** `automated` or `manual`. */
    readonly method: string;
    readonly detail: string | null;
  }>;
  readonly rollbacks: ReadonlyArray<{
    readonly name: string;
    /** Why it ran (e.g. the failed verification). */
    readonly reason: string | null;
    readonly result: string;
    readonly startedAt: Instant | null;
    readonly finishedAt: Instant | null;
  }>;
}

/** Derived by renderReport; templates read it as `computed.*`. */
export interface RecoveryReportComputed {
  /** incidentStartedAt → recoveredAt in ms; `null` while not recovered. */
  readonly recoveryTimeMs: number | null;
  /** Whether recoveryTimeMs ≤ rtoMs; `null` when either is unknown. */
  readonly rtoMet: boolean | null;
  /** Whether dataLossMs ≤ rpoMs; `null` when either is unknown. */
  readonly rpoMet: boolean | null;
  /** startedAt → finishedAt of the plan run, in ms. */
  readonly runDurationMs: number | null;
  readonly failedSteps: number;
  readonly failedVerifications: number;
}

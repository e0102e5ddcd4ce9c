import { elapsedMs } from "../time/duration.js";
import type { RecoveryReportComputed, RecoveryReportData } from "./recovery-report-data.js";

const nonNegative = (ms: number | undefined): number | null => (ms === undefined || ms < 0 ? null : ms);

/** Whether the recovery met its objectives, computed from real timestamps, never typed in. */
export function computeRecoveryReport(data: RecoveryReportData): RecoveryReportComputed {
  const recoveryTimeMs = nonNegative(elapsedMs(data.run.incidentStartedAt, data.run.recoveredAt));
  const { rtoMs, rpoMs } = data.objectives;
  const dataLossMs = data.run.dataLossMs;
  return {
    recoveryTimeMs,
    // A plan that ended without bringing service back (failed, rolled back) missed the RTO;
    // one still running may yet meet it.
    rtoMet: rtoMs === null ? null : recoveryTimeMs !== null ? recoveryTimeMs <= rtoMs : data.run.finishedAt !== null ? false : null,
    rpoMet: dataLossMs === null || rpoMs === null ? null : dataLossMs <= rpoMs,
    runDurationMs: nonNegative(elapsedMs(data.run.startedAt, data.run.finishedAt)),
    failedSteps: data.steps.filter((s) => s.result === "failed").length,
    failedVerifications: data.verification.filter((v) => v.result === "failed").length,
  };
}

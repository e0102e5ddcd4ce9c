import { postmortemPath } from "./report-location.js";

/** Which run of the plan on the incident an execution id (`fw<issue>-<plan>-<n>`) is. */
function runOf(executionId: string): number {
  return Number(/-(\d{1,4})$/.exec(executionId)?.[1] ?? 1);
}

/**
 * `firewatch/recovery-<issue>-<plan>`: one branch per run of a plan, so a redelivery or a
 * regeneration finds the same pull request; a second run of the same plan gets `-run-2`.
 * The plan's name is `[a-z0-9-]` by the runbook schema, so the branch is always valid.
 */
export function recoveryBranch(issue: number, plan: string, executionId: string): string {
  const n = runOf(executionId);
  return `firewatch/recovery-${issue}-${plan}${n > 1 ? `-run-${n}` : ""}`;
}

/**
 * Next to the incident's postmortem, in the postmortem directory:
 * `<directory>/<date>-<slug>-recovery-<plan>.md`, so one setting places both reports and
 * they sort together. Safe whatever the title, as the postmortem's name is.
 */
export function recoveryPath(directory: string, date: string, title: string, issue: number, plan: string, executionId: string): string {
  const n = runOf(executionId);
  return postmortemPath(directory, date, title, issue).replace(/\.md$/, `-recovery-${plan}${n > 1 ? `-run-${n}` : ""}.md`);
}

import { tableCell } from "../../markdown/index.js";
import { isKnownAs } from "../runbook-identity.js";
import type { Runbook } from "../schema.js";

/** `/recovery list`: every recovery plan with its RTO, its update cadence and how its last run on this incident stands. */
export function recoveryPlanTable(
  directory: string,
  plans: readonly { runbook: Runbook }[],
  executions: readonly { runbook: string; status: string }[],
): string {
  if (plans.length === 0)
    return `There are no recovery plans (\`kind: recovery\`) in \`${directory}\` yet.`;
  const rows = plans.map(({ runbook }) => {
    const last = executions.filter((e) => isKnownAs(runbook, e.runbook)).at(-1);
    const cadence = tableCell(
      (runbook.communication ?? []).map((c) => `${c.audience} every ${c.every}`).join(", ") || "—",
    );
    return `| \`${runbook.name}\` | ${runbook.objectives?.rto ?? "—"} | ${cadence} | ${last ? last.status : "not run"} |`;
  });
  return [
    "| Recovery plan | RTO | Updates | On this incident |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/**
 * The names that tie GitHub objects to a runbook execution: the execution's id (stable, so a
 * redelivery finds the same comment), its comment's marker key, and the correlation id a
 * workflow run carries in its title (`fw<issue>-<runbook>-<n>.<step>`).
 */

/** The id of an issue's n-th execution of a runbook. */
export function executionIdFor(issue: number, runbook: string, n: number): string {
  return `fw${issue}-${runbook}-${n}`;
}

/** The marker key of an execution's comment. */
export const executionKey = (executionId: string): string => `runbook:${executionId}`;

/** The execution and step a correlation id names, if the text holds a well-formed one. */
export function parseCorrelationId(
  text: string,
): { correlationId: string; executionId: string; issue: number } | undefined {
  const match = /\b(fw(\d{1,9})-[a-z0-9-]{1,60}-\d{1,4})\.([a-z0-9][a-z0-9_-]{0,62})\b/.exec(text);
  if (!match) return undefined;
  return {
    correlationId: `${match[1]}.${match[3]}`,
    executionId: match[1]!,
    issue: Number(match[2]),
  };
}

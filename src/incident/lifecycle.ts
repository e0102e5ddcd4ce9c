/** The incident lifecycle (DESIGN.md "Lifecycle"): statuses in order, and which moves are allowed. */
export const STATUSES = [
  "detected",
  "investigating",
  "identified",
  "containing",
  "eradicating",
  "recovering",
  "resolved",
  "post-incident",
] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

export function statusRank(status: Status): number {
  return STATUSES.indexOf(status);
}

/** Statuses that mean the incident is over; the issue is closed in them. */
export function isClosedStatus(status: Status): boolean {
  return status === "resolved" || status === "post-incident";
}

export type TransitionVerdict =
  { allowed: true; regression: boolean } | { allowed: false; reason: string };

/**
 * Decides whether an incident may move from `from` to `to`. Forward moves may skip
 * states; a move backwards is a regression, allowed while the issue is open;
 * `post-incident` only follows `resolved`.
 */
export function checkTransition(
  from: Status | undefined,
  to: Status,
  issueOpen: boolean,
): TransitionVerdict {
  if (to === "post-incident" && from !== "resolved" && from !== "post-incident") {
    return {
      allowed: false,
      reason: `\`post-incident\` can only follow \`resolved\`, and this incident is \`${from ?? "unknown"}\`. Resolve it first.`,
    };
  }
  if (from === undefined || from === to) return { allowed: true, regression: false };
  const regression = statusRank(to) < statusRank(from);
  if (regression && !issueOpen) {
    return {
      allowed: false,
      reason: `this incident is \`${from}\` and its issue is closed; reopen the issue to move it back to \`${to}\`.`,
    };
  }
  return { allowed: true, regression };
}

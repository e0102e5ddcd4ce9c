import type { IncidentState, StampedText } from "./incident-state.js";
import { isClosedStatus } from "./lifecycle.js";
import type { StatusHistory } from "./status-history.js";

/**
 * The resolution of the incident as it stands: none while it is open again, and none
 * recorded before its latest move backwards (a reopen out of `resolved`), which belonged
 * to an earlier resolution. The state keeps the text; this only says whether it is current.
 */
export function currentResolution(
  state: IncidentState,
  history: StatusHistory,
): StampedText | undefined {
  const { resolution } = state;
  if (!resolution || !history.current || !isClosedStatus(history.current)) return undefined;
  const lastRegression = history.entries.filter((e) => e.regression).at(-1);
  if (lastRegression && Date.parse(resolution.at) < Date.parse(lastRegression.at)) return undefined;
  return resolution;
}

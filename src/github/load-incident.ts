import type { IncidentState } from "../incident/incident-state.js";
import { incidentStateSchema } from "../incident/incident-state.js";
import type { IssueSnapshot } from "../incident/decide-declaration.js";
import type { LabelNames } from "../incident/label-names.js";
import { CARD_KEY, STATE_BLOCK } from "../incident/render-card.js";
import {
  creditStatusHistory,
  deriveStatusHistory,
  type IssueEvent,
  type StatusHistory,
} from "../incident/status-history.js";
import { hasMarker, readDataBlock } from "../markdown/hidden-block.js";
import type { IncidentReads } from "./incident-reads.js";

export interface LoadedIncident {
  issue: IssueSnapshot;
  history: StatusHistory;
  /** The issue's events, oldest first, as GitHub recorded them. */
  events: IssueEvent[];
  /** The card's state; undefined until the incident is declared (or if the card was lost). */
  state: IncidentState | undefined;
  cardId: number | undefined;
}

/**
 * What every incident decision starts from: the issue as it is now, its history, its card,
 * from the delivery's reads (each read once, kept current by the app's own writes). The
 * events are not read for an issue that is not an incident yet and has no status or
 * severity label: there is no history to derive.
 */
export async function loadIncident(
  reads: IncidentReads,
  number: number,
  names: LabelNames,
): Promise<LoadedIncident> {
  const [issue, comments] = await Promise.all([reads.issue(number), reads.issueComments(number)]);
  const card = comments.find((c) => c.byApp && hasMarker(c.body, CARD_KEY));
  const parsed = card
    ? incidentStateSchema.safeParse(readDataBlock(card.body, STATE_BLOCK))
    : undefined;
  const state = parsed?.success ? parsed.data : undefined;
  const needsEvents =
    state !== undefined || issue.labels.some((l) => names.isStatusLabel(l) || names.isSeverityLabel(l));
  const events = needsEvents ? await reads.issueEvents(number) : await reads.withoutHistory(number);
  return {
    issue,
    history: creditStatusHistory(deriveStatusHistory(events, names), state?.statusCredits ?? []),
    events,
    state,
    cardId: card?.id,
  };
}

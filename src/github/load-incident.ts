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
  /** The status history, with the people who asked for the app's changes credited. */
  history: StatusHistory;
  /** The same history before crediting: what the card stores for the next delivery. */
  baseHistory: StatusHistory;
  /** The issue's events, oldest first, as GitHub recorded them. */
  events: IssueEvent[];
  /** The card's state; undefined until the incident is declared (or if the card was lost). */
  state: IncidentState | undefined;
  cardId: number | undefined;
}

/**
 * What every incident decision starts from: the issue as it is now, its history, its card,
 * from the delivery's reads (each read once, kept current by the app's own writes). The
 * events are read only when the history cannot be known without them: not for an issue
 * that is not an incident yet and has no status or severity label (there is none), and not
 * when the card's stored history still describes the issue (its status label and open or
 * closed state are what the history says). `events: "always"` reads them in any case (a
 * label change is judged by the order of GitHub's events).
 */
export async function loadIncident(
  reads: IncidentReads,
  number: number,
  names: LabelNames,
  options: { events?: "always" | "when-needed" } = {},
): Promise<LoadedIncident> {
  const [issue, comments] = await Promise.all([reads.issue(number), reads.issueComments(number)]);
  const card = comments.find((c) => c.byApp && hasMarker(c.body, CARD_KEY));
  const parsed = card
    ? incidentStateSchema.safeParse(readDataBlock(card.body, STATE_BLOCK))
    : undefined;
  const state = parsed?.success ? parsed.data : undefined;
  const statuses = issue.labels.filter(names.isStatusLabel).map(names.parseStatus);
  const stored = state?.history;
  const storedStillTrue =
    options.events !== "always" &&
    !reads.hasEvents(number) &&
    stored !== undefined &&
    statuses.length === 1 &&
    stored.current === statuses[0] &&
    (stored.current === "resolved" || stored.current === "post-incident") === (issue.state === "closed");
  let events: IssueEvent[] = [];
  let base: StatusHistory;
  if (storedStillTrue) base = stored;
  else {
    const needsEvents =
      state !== undefined ||
      options.events === "always" ||
      issue.labels.some((l) => names.isStatusLabel(l) || names.isSeverityLabel(l));
    events = needsEvents ? await reads.issueEvents(number) : await reads.withoutHistory(number);
    base = deriveStatusHistory(events, names);
  }
  return {
    issue,
    history: creditStatusHistory(base, state?.statusCredits ?? []),
    baseHistory: base,
    events,
    state,
    cardId: card?.id,
  };
}

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
import type { GitHubClient, RepoRef } from "./client.js";
import { findCommentByKey } from "./find-comment-by-key.js";
import { readDataBlock } from "../markdown/hidden-block.js";

export interface LoadedIncident {
  issue: IssueSnapshot;
  history: StatusHistory;
  /** The issue's events, oldest first, as GitHub recorded them. */
  events: IssueEvent[];
  /** The card's state; undefined until the incident is declared (or if the card was lost). */
  state: IncidentState | undefined;
  cardId: number | undefined;
}

/** Loads what every incident decision starts from: the issue as it is now, its history, its card. */
export async function loadIncident(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  names: LabelNames,
): Promise<LoadedIncident> {
  const [{ data: issue }, events, card] = await Promise.all([
    octokit.rest.issues.get({ ...repo, issue_number: number }),
    octokit.paginate(octokit.rest.issues.listEvents, {
      ...repo,
      issue_number: number,
      per_page: 100,
    }),
    findCommentByKey(octokit, repo, number, CARD_KEY),
  ]);
  const parsed = card
    ? incidentStateSchema.safeParse(readDataBlock(card.body, STATE_BLOCK))
    : undefined;
  return {
    issue: {
      number,
      title: issue.title,
      body: issue.body ?? null,
      state: issue.state === "closed" ? "closed" : "open",
      labels: issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean),
      assignees: (issue.assignees ?? []).map((a) => a.login),
      url: issue.html_url,
    },
    history: creditStatusHistory(
      deriveStatusHistory(events as IssueEvent[], names),
      parsed?.success ? parsed.data.statusCredits : [],
    ),
    events: events as IssueEvent[],
    state: parsed?.success ? parsed.data : undefined,
    cardId: card?.id,
  };
}

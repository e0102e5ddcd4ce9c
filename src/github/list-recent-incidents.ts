import type { IncidentSummary } from "../analysis/related-incidents.js";
import type { LabelNames } from "../incident/label-names.js";
import { parseIssueForm } from "../incident/parse-issue-form.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** How many of the newest other incidents an incident is compared with. */
export const RECENT_INCIDENTS = 20;

/**
 * The newest other incidents, summarised from one listing request: detected at (from the
 * form, else the issue's creation) and services (from the form). Root causes live in each
 * card and cost a request per incident, so callers that need them read the cards.
 */
export async function listRecentIncidents(
  octokit: GitHubClient,
  repo: RepoRef,
  names: LabelNames,
  except: number,
  now: Date,
): Promise<IncidentSummary[]> {
  const { data } = await octokit.rest.issues.listForRepo({
    ...repo,
    labels: names.incident,
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: RECENT_INCIDENTS + 1,
  });
  return data
    .filter((i) => i.number !== except && !i.pull_request)
    .slice(0, RECENT_INCIDENTS)
    .map((i) => {
      const form = parseIssueForm(i.body ?? "", now);
      return {
        number: i.number,
        title: i.title,
        url: i.html_url,
        detectedAt: form.detectedAt ?? i.created_at,
        services: form.services,
      };
    });
}

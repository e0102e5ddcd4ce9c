import { isAppAuthor } from "../github/app-author.js";
import type { EventScope } from "../handlers/event-scope.js";
import { parseIssueForm } from "../incident/parse-issue-form.js";
import type { AlertIncident } from "./decide-alert-group.js";
import { STORM_MARKER_KEY } from "./render-alert-issue.js";

const GROUP_MARKER = /<!-- firewatch:key alert-group-([0-9a-f]{16}) -->/g;
const STORM_MARKER = `<!-- firewatch:key ${STORM_MARKER_KEY} -->`;

/**
 * The incidents the app opened for alerts in this repository, newest first, from one
 * listing of the `incident` issues (conditional: a 304 when nothing changed). Only issues the
 * app wrote count, so nobody can steer alerts onto an issue by pasting a marker.
 */
export async function loadAlertIncidents(scope: EventScope): Promise<AlertIncident[]> {
  const { octokit, repo, names } = scope;
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    state: "all",
    labels: names.incident,
    sort: "created",
    direction: "desc",
    per_page: 100,
  });
  const now = scope.deps.now();
  return issues
    .filter((i) => !i.pull_request && isAppAuthor(octokit, i.user))
    .flatMap((i): AlertIncident[] => {
      const body = i.body ?? "";
      const groups = [...body.matchAll(GROUP_MARKER)].map((m) => m[1]!);
      const storm = body.includes(STORM_MARKER);
      if (groups.length === 0 && !storm) return [];
      return [
        {
          number: i.number,
          state: i.state === "closed" ? "closed" : "open",
          createdAt: i.created_at,
          ...(i.closed_at ? { closedAt: i.closed_at } : {}),
          kind: storm ? "storm" : "group",
          groups,
          services: parseIssueForm(body, now).services,
        },
      ];
    })
    .sort((a, b) => b.number - a.number);
}

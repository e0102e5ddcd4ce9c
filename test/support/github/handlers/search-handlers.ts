import { ApiError } from "../http/api-error.js";
import { issueShape } from "../shapes/issue-shape.js";
import type { Issue, Repository } from "../state/model.js";
import type { HandlerRegistry } from "./operation-handler.js";

/**
 * `GET /search/issues` for the qualifiers Firewatch uses: `is:issue`,
 * `is:open`/`is:closed` (or `state:`), `label:` (quoted or not; `a,b` is either), `user:`,
 * `org:`, `repo:`. Any other term is a 422, so a query the stand-in does not understand
 * fails loudly instead of matching everything. Sorted by `sort=updated|created` (default:
 * best match, here newest first), paged like GitHub (`total_count`, `items`).
 */
export const searchHandlers: HandlerRegistry = {
  "search/issues-and-pull-requests": (ctx) => {
    const filters = parseQuery(ctx.query.get("q") ?? "");
    const matches: { repo: Repository; issue: Issue }[] = [];
    for (const repo of ctx.state.allRepositories()) {
      for (const issue of repo.issues.values()) {
        if (filters.every((f) => f(repo, issue))) matches.push({ repo, issue });
      }
    }
    const key = ctx.query.get("sort") === "created" ? "createdAt" : "updatedAt";
    const sign = ctx.query.get("order") === "asc" ? 1 : -1;
    matches.sort((a, b) => sign * (Date.parse(a.issue[key]) - Date.parse(b.issue[key])) || sign * (a.issue.id - b.issue.id));
    const perPage = Math.min(Number(ctx.query.get("per_page") ?? 30), 100);
    const page = Number(ctx.query.get("page") ?? 1);
    const items = matches
      .slice((page - 1) * perPage, page * perPage)
      // GitHub's description types a search item's body as a string (never null), unlike `issue`.
      .map(({ repo, issue }) => ({ ...issueShape(ctx.urls, repo, issue), body: issue.body ?? "", score: 1 }));
    return { status: 200, body: { total_count: matches.length, incomplete_results: false, items, search_type: "lexical" } };
  },
};

type Filter = (repo: Repository, issue: Issue) => boolean;

function parseQuery(q: string): Filter[] {
  const terms = q.match(/\S+?:"[^"]*"|\S+/g) ?? [];
  return terms.map((term) => {
    const [qualifier = "", ...rest] = term.split(":");
    const value = rest.join(":").replace(/^"|"$/g, "").toLowerCase();
    switch (`${qualifier.toLowerCase()}:${["issue", "pr", "open", "closed"].includes(value) ? value : "*"}`) {
      // The stand-in keeps pull requests apart from issues, so an issue search sees issues only.
      case "is:issue":
        return () => true;
      case "is:open":
      case "state:open":
        return (_r, i) => i.state === "open";
      case "is:closed":
      case "state:closed":
        return (_r, i) => i.state === "closed";
      case "label:*": {
        const wanted = value.split(",");
        return (_r, i) => i.labels.some((l) => wanted.includes(l.toLowerCase()));
      }
      case "user:*":
      case "org:*":
        return (r) => r.owner.login.toLowerCase() === value;
      case "repo:*":
        return (r) => `${r.owner.login}/${r.name}`.toLowerCase() === value;
      default:
        throw ApiError.validationFailed([{ message: `the stand-in does not understand "${term}" in a search` }]);
    }
  });
}

import { issueShape } from "../shapes/issue-shape.js";
import { createIssue, updateIssue, type IssueUpdate, type NewIssue } from "../state/issue-mutations.js";
import type { Issue } from "../state/model.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";

/** Issues: create, read, update, list. */
export const issueHandlers: HandlerRegistry = {
  "issues/create": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const input = ctx.body as Omit<NewIssue, "labels"> & { labels?: (string | { name?: string })[] };
    const labels = (input.labels ?? []).map((label) => (typeof label === "string" ? label : (label.name ?? "")));
    const issue = createIssue(ctx.mutation, repo, { ...input, title: String(input.title), labels });
    return { status: 201, body: issueShape(ctx.urls, repo, issue) };
  },

  "issues/get": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    return { status: 200, body: issueShape(ctx.urls, repo, ctx.state.issue(repo, ctx.params.issue_number ?? "")) };
  },

  "issues/update": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const issue = ctx.state.issue(repo, ctx.params.issue_number ?? "");
    updateIssue(ctx.mutation, repo, issue, ctx.body as IssueUpdate);
    return { status: 200, body: issueShape(ctx.urls, repo, issue) };
  },

  "issues/list-for-repo": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const issues = [...repo.issues.values()].filter(issueFilter(ctx)).sort(issueOrder(ctx.query));
    return { status: 200, body: issues.map((issue) => issueShape(ctx.urls, repo, issue)), paginate: true };
  },
};

/** GitHub's list filters: state (default open), labels (all of them), since, assignee, creator. */
function issueFilter({ query }: HandlerContext): (issue: Issue) => boolean {
  const state = query.get("state") ?? "open";
  const labels = (query.get("labels") ?? "").split(",").map((l) => l.trim().toLowerCase()).filter(Boolean);
  const since = query.get("since");
  const assignee = query.get("assignee");
  const creator = query.get("creator");
  return (issue) =>
    (state === "all" || issue.state === state) &&
    labels.every((wanted) => issue.labels.some((label) => label.toLowerCase() === wanted)) &&
    (!since || Date.parse(issue.updatedAt) >= Date.parse(since)) &&
    (!creator || issue.user.login.toLowerCase() === creator.toLowerCase()) &&
    matchesAssignee(issue, assignee);
}

function matchesAssignee(issue: Issue, assignee: string | null): boolean {
  if (!assignee) return true;
  if (assignee === "*") return issue.assignees.length > 0;
  if (assignee === "none") return issue.assignees.length === 0;
  return issue.assignees.some((user) => user.login.toLowerCase() === assignee.toLowerCase());
}

function issueOrder(query: URLSearchParams): (a: Issue, b: Issue) => number {
  const key = query.get("sort") === "updated" ? "updatedAt" : query.get("sort") === "comments" ? "comments" : "createdAt";
  const sign = query.get("direction") === "asc" ? 1 : -1;
  return (a, b) => {
    const order = key === "comments" ? a.comments.length - b.comments.length : a[key].localeCompare(b[key]);
    return sign * (order || a.number - b.number);
  };
}

import { ApiError } from "../http/api-error.js";
import { issueLabels, labelShape } from "../shapes/issue-shape.js";
import { addLabels, ensureLabel, removeLabel, setLabels } from "../state/label-mutations.js";
import type { Issue, Repository } from "../state/model.js";
import type { HandlerContext, HandlerRegistry, HandlerResult } from "./operation-handler.js";

type LabelsBody = { labels?: (string | { name: string })[] } | (string | { name: string })[] | undefined;

/** Labels of a repository and of its issues. */
export const labelHandlers: HandlerRegistry = {
  "issues/list-labels-on-issue": (ctx) => {
    const { repo, issue } = target(ctx);
    return { ...labelsOf(ctx, repo, issue), paginate: true };
  },
  "issues/add-labels": (ctx) => {
    const { repo, issue } = target(ctx);
    addLabels(ctx.mutation, repo, issue, labelNames(ctx.body as LabelsBody));
    return labelsOf(ctx, repo, issue);
  },
  "issues/set-labels": (ctx) => {
    const { repo, issue } = target(ctx);
    setLabels(ctx.mutation, repo, issue, labelNames(ctx.body as LabelsBody));
    return labelsOf(ctx, repo, issue);
  },
  "issues/remove-label": (ctx) => {
    const { repo, issue } = target(ctx);
    removeLabel(ctx.mutation, repo, issue, ctx.params.name ?? "");
    return labelsOf(ctx, repo, issue);
  },
  "issues/remove-all-labels": (ctx) => {
    const { repo, issue } = target(ctx);
    setLabels(ctx.mutation, repo, issue, []);
    return { status: 204 };
  },
  "issues/list-labels-for-repo": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const labels = [...repo.labels.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { status: 200, body: labels.map((label) => labelShape(ctx.urls, repo, label)), paginate: true };
  },
  "issues/get-label": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const label = repo.labels.get((ctx.params.name ?? "").toLowerCase());
    if (!label) throw ApiError.notFound();
    return { status: 200, body: labelShape(ctx.urls, repo, label) };
  },
  "issues/create-label": (ctx) => {
    const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const input = ctx.body as { name: string; color?: string; description?: string };
    if (repo.labels.has(input.name.toLowerCase())) {
      throw ApiError.validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
    }
    const label = ensureLabel(ctx.state, repo, input.name, (input.color ?? "ededed").replace(/^#/, ""));
    label.description = input.description ?? null;
    return { status: 201, body: labelShape(ctx.urls, repo, label) };
  },
};

function target(ctx: HandlerContext): { repo: Repository; issue: Issue } {
  const repo = ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
  return { repo, issue: ctx.state.issue(repo, ctx.params.issue_number ?? "") };
}

function labelsOf(ctx: HandlerContext, repo: Repository, issue: Issue): HandlerResult {
  return { status: 200, body: issueLabels(repo, issue).map((label) => labelShape(ctx.urls, repo, label)) };
}

/** GitHub accepts `{ labels: [...] }` or a bare array, of names or `{ name }` objects. */
function labelNames(body: LabelsBody): string[] {
  const list = Array.isArray(body) ? body : (body?.labels ?? []);
  return list.map((label) => (typeof label === "string" ? label : label.name));
}

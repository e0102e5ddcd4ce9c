import { pullShape, pullSimpleShape } from "../shapes/pull-shape.js";
import {
  createPull,
  mergePull,
  pullOf,
  pullsOf,
  requestReviewers,
  updatePull,
  type NewPull,
  type PullUpdate,
} from "../state/pull-mutations.js";
import { ApiError } from "../http/api-error.js";
import type { HandlerContext, HandlerRegistry } from "./operation-handler.js";

const repoOf = (ctx: HandlerContext) => ctx.state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");

/** Pull requests between branches of one repository: open, read, list, edit, merge, review requests. */
export const pullHandlers: HandlerRegistry = {
  "pulls/create": (ctx) => {
    const repo = repoOf(ctx);
    const pull = createPull(ctx.mutation, repo, ctx.body as NewPull);
    return { status: 201, body: pullShape(ctx.urls, repo, pull, ctx.state.clock.iso()) };
  },

  "pulls/get": (ctx) => {
    const repo = repoOf(ctx);
    return { status: 200, body: pullShape(ctx.urls, repo, pullOf(repo, ctx.params.pull_number ?? ""), ctx.state.clock.iso()) };
  },

  "pulls/update": (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(repo, ctx.params.pull_number ?? "");
    updatePull(ctx.mutation, repo, pull, ctx.body as PullUpdate);
    return { status: 200, body: pullShape(ctx.urls, repo, pull, ctx.state.clock.iso()) };
  },

  "pulls/list": (ctx) => {
    const repo = repoOf(ctx);
    const state = ctx.query.get("state") ?? "open";
    const head = ctx.query.get("head");
    const base = ctx.query.get("base");
    const pulls = [...pullsOf(repo).values()]
      .filter((p) => state === "all" || p.state === state)
      // `head` is `owner:branch`; GitHub ignores a value without the owner.
      .filter((p) => !head || !head.includes(":") || head.toLowerCase() === `${repo.owner.login}:${p.headRef}`.toLowerCase())
      .filter((p) => !base || p.baseRef === base)
      .sort((a, b) => b.number - a.number);
    const at = ctx.state.clock.iso();
    return { status: 200, body: pulls.map((p) => pullSimpleShape(ctx.urls, repo, p, at)), paginate: true };
  },

  "pulls/merge": (ctx) => {
    const repo = repoOf(ctx);
    const sha = mergePull(ctx.mutation, repo, pullOf(repo, ctx.params.pull_number ?? ""));
    return { status: 200, body: { sha, merged: true, message: "Pull Request successfully merged" } };
  },

  "pulls/request-reviewers": (ctx) => {
    const repo = repoOf(ctx);
    const pull = pullOf(repo, ctx.params.pull_number ?? "");
    const { reviewers = [], team_reviewers = [] } = ctx.body as { reviewers?: string[]; team_reviewers?: string[] };
    if (reviewers.some((login) => login.toLowerCase() === pull.user.login.toLowerCase())) {
      throw new ApiError(422, "Review cannot be requested from pull request author.");
    }
    requestReviewers(ctx.mutation, repo, pull, reviewers, team_reviewers);
    return { status: 201, body: pullSimpleShape(ctx.urls, repo, pull, ctx.state.clock.iso()) };
  },
};

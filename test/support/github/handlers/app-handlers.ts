import { randomBytes } from "node:crypto";
import { ApiError } from "../http/api-error.js";
import { nodeId, type BaseUrls } from "../shapes/base-urls.js";
import { userShape } from "../shapes/user-shape.js";
import type { GitHubState } from "../state/github-state.js";
import type { User } from "../state/model.js";
import type { HandlerRegistry } from "./operation-handler.js";

const PERMISSIONS = { issues: "write", contents: "write", pull_requests: "write", checks: "write", actions: "write", metadata: "read" };
const EVENTS = ["issues", "issue_comment", "pull_request", "check_run", "check_suite", "workflow_run"];

/** The app itself and its installation (JWT-authenticated operations). */
export const appHandlers: HandlerRegistry = {
  "apps/get-authenticated": ({ state, urls }) => ({ status: 200, body: integrationShape(state, urls) }),

  "apps/create-installation-access-token": ({ state, params }) => {
    if (Number(params.installation_id) !== state.app.installationId) throw ApiError.notFound();
    const token = `ghs_${randomBytes(18).toString("hex")}`;
    state.installationTokens.add(token);
    // Octokit compares expiry with the real clock, so this one timestamp is not virtual.
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    return {
      status: 201,
      body: { token, expires_at: expiresAt, permissions: PERMISSIONS, repository_selection: "selected" },
    };
  },

  "apps/get-repo-installation": ({ state, urls, params }) => {
    const repo = state.repo(params.owner ?? "", params.repo ?? "");
    return { status: 200, body: installationShape(state, urls, repo.owner, repo.createdAt) };
  },

  // The stand-in has one installation, on every repository (their first owner's account).
  "apps/list-installations": ({ state, urls }) => {
    const repo = state.allRepositories()[0];
    return { status: 200, body: repo ? [installationShape(state, urls, repo.owner, repo.createdAt)] : [], paginate: true };
  },
};

/** GitHub's `integration` for the stand-in's app. */
export function integrationShape(state: GitHubState, urls: BaseUrls) {
  const owner = state.allRepositories()[0]?.owner ?? state.app.bot;
  return {
    id: state.app.id,
    slug: state.app.slug,
    client_id: `Iv1.${state.app.id}`,
    node_id: nodeId("Integration", state.app.id),
    owner: userShape(urls, owner),
    name: state.app.name,
    description: "Incident response that lives inside GitHub",
    external_url: `${urls.web}/apps/${state.app.slug}`,
    html_url: `${urls.web}/apps/${state.app.slug}`,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    permissions: PERMISSIONS,
    events: EVENTS,
    installations_count: 1,
  };
}

/** GitHub's `installation` of the stand-in's app on `account`. */
function installationShape(state: GitHubState, urls: BaseUrls, account: User, createdAt: string) {
  const id = state.app.installationId;
  return {
    id,
    account: userShape(urls, account),
    repository_selection: "selected",
    access_tokens_url: `${urls.api}/app/installations/${id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/settings/installations/${id}`,
    app_id: state.app.id,
    app_slug: state.app.slug,
    target_id: account.id,
    target_type: account.type,
    permissions: PERMISSIONS,
    events: EVENTS,
    created_at: createdAt,
    updated_at: createdAt,
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}

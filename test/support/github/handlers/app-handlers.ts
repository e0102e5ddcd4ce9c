import { randomBytes } from "node:crypto";
import { ApiError } from "../http/api-error.js";
import { nodeId, type BaseUrls } from "../shapes/base-urls.js";
import { userShape } from "../shapes/user-shape.js";
import type { GitHubState } from "../state/github-state.js";
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
    const id = state.app.installationId;
    return {
      status: 200,
      body: {
        id,
        account: userShape(urls, repo.owner),
        repository_selection: "selected",
        access_tokens_url: `${urls.api}/app/installations/${id}/access_tokens`,
        repositories_url: `${urls.api}/installation/repositories`,
        html_url: `${urls.web}/settings/installations/${id}`,
        app_id: state.app.id,
        app_slug: state.app.slug,
        target_id: repo.owner.id,
        target_type: repo.owner.type,
        permissions: PERMISSIONS,
        events: EVENTS,
        created_at: repo.createdAt,
        updated_at: repo.createdAt,
        single_file_name: null,
        suspended_by: null,
        suspended_at: null,
      },
    };
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

import { integrationShape } from "../handlers/app-handlers.js";
import type { GitHubState } from "../state/github-state.js";
import type { Repository } from "../state/model.js";
import type { CheckRun } from "../state/runbook-model.js";
import { nodeId, type BaseUrls } from "./base-urls.js";

/** GitHub's `check-run`. */
export function checkRunShape(state: GitHubState, urls: BaseUrls, repo: Repository, run: CheckRun) {
  const fullName = `${repo.owner.login}/${repo.name}`;
  const api = `${urls.api}/repos/${fullName}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: nodeId("CheckRun", run.id),
    head_sha: run.headSha,
    name: run.name,
    external_id: run.externalId,
    url: api,
    html_url: `${urls.web}/${fullName}/runs/${run.id}`,
    details_url: `${urls.web}/${fullName}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.title,
      summary: run.summary,
      text: run.text,
      annotations_count: run.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    check_suite: { id: run.id + 1 },
    app: integrationShape(state, urls),
    pull_requests: [],
  };
}

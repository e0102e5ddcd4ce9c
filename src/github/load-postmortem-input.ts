import { minimalCutSets } from "../analysis/minimal-cut-sets.js";
import { parseFaultTree } from "../analysis/parse-fault-tree.js";
import { relatedIncidents, type IncidentSummary } from "../analysis/related-incidents.js";
import type { Config } from "../config/schema.js";
import type { LabelNames } from "../incident/label-names.js";
import { incidentStateSchema } from "../incident/incident-state.js";
import { CARD_KEY, STATE_BLOCK } from "../incident/render-card.js";
import type {
  ActionIssue,
  AttachedFaultTree,
  PostmortemInput,
} from "../reports/data/build-postmortem-data.js";
import { rcaOf, reportsOf } from "../reports/data/report-state.js";
import { parseExecutionState, type ExecutionState } from "../runbooks/engine/execution-state.js";
import { EXECUTION_BLOCK } from "../runbooks/engine/render-execution-comment.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { findCommentByKey } from "./find-comment-by-key.js";
import { readDataBlock } from "../markdown/hidden-block.js";
import { IncidentReads } from "./incident-reads.js";
import { loadIncident, type LoadedIncident } from "./load-incident.js";
import { readRepositoryFile } from "./read-repository-file.js";

/** Other incidents whose cards are read for correlation: the most recent ones, to bound requests. */
export const MAX_CORRELATED_INCIDENTS = 20;

export interface LoadPostmortemDeps {
  octokit: GitHubClient;
  repo: RepoRef;
  config: Config;
  names: LabelNames;
  /** The delivery's reads (the app's scope has them): the incident's issue and comments are not read again. */
  reads?: IncidentReads;
}

/** Loads everything the postmortem is built from; `undefined` when the issue is not a declared incident. */
export async function loadPostmortemInput(
  deps: LoadPostmortemDeps,
  issue: number,
  generatedAt: string,
  loaded?: LoadedIncident,
): Promise<PostmortemInput | undefined> {
  const { octokit, repo, names, config } = deps;
  const reads = deps.reads ?? new IncidentReads(octokit, repo, () => new Date(generatedAt));
  const incident = loaded ?? (await loadIncident(reads, issue, names));
  const state = incident.state;
  if (!state) return undefined;
  const comments = await reads.issueComments(issue);
  const executions = comments.flatMap((c): ExecutionState[] => {
    if (!c.byApp) return [];
    const execution = parseExecutionState(readDataBlock(c.body, EXECUTION_BLOCK));
    return execution && execution.incident.number === issue ? [execution] : [];
  });
  const actionIssues = new Map<number, ActionIssue>();
  for (const action of state.actions) {
    try {
      const { data } = await octokit.rest.issues.get({ ...repo, issue_number: action.issue });
      actionIssues.set(action.issue, {
        number: data.number,
        title: data.title,
        url: data.html_url,
        state: data.state === "closed" ? "closed" : "open",
      });
    } catch {
      // A deleted or transferred follow-up is shown with its recorded title and an unknown state.
    }
  }
  const faultTrees: AttachedFaultTree[] = [];
  for (const { name } of reportsOf(state).faultTrees) {
    const source = await readRepositoryFile(octokit, repo, `.github/fault-trees/${name}.yml`);
    const parsed = source === undefined ? undefined : parseFaultTree(source);
    if (!parsed?.ok) continue;
    const cuts = minimalCutSets(parsed.tree);
    faultTrees.push({ name, tree: parsed.tree, cutSets: cuts.ok ? cuts.cutSets : undefined });
  }
  const detectedAt = state.detectedAt ?? incident.history.declaredAt ?? state.declaredAt;
  const target: IncidentSummary = {
    number: issue,
    title: incident.issue.title,
    url: incident.issue.url,
    detectedAt,
    services: state.services,
    rootCause: rcaOf(state).rootCause?.text,
  };
  const others = await loadOtherIncidents(deps, issue);
  return {
    repository: `${repo.owner}/${repo.repo}`,
    issue: {
      number: issue,
      title: incident.issue.title,
      url: incident.issue.url,
      assignees: incident.issue.assignees,
    },
    severity:
      incident.issue.labels.map(names.parseSeverity).find((s) => s !== undefined) ??
      config.default_severity,
    state,
    history: incident.history,
    actionIssues,
    executions,
    related: relatedIncidents(target, others),
    faultTrees,
    categories: config.rca.categories,
    generatedAt,
  };
}

async function loadOtherIncidents(
  deps: LoadPostmortemDeps,
  issue: number,
): Promise<IncidentSummary[]> {
  const { octokit, repo, names } = deps;
  const { data: issues } = await octokit.rest.issues.listForRepo({
    ...repo,
    labels: names.incident,
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: MAX_CORRELATED_INCIDENTS + 1,
  });
  const summaries: IncidentSummary[] = [];
  for (const other of issues
    .filter((i) => i.number !== issue && !i.pull_request)
    .slice(0, MAX_CORRELATED_INCIDENTS)) {
    const card = await findCommentByKey(octokit, repo, other.number, CARD_KEY);
    const parsed = incidentStateSchema.safeParse(readDataBlock(card?.body, STATE_BLOCK));
    const state = parsed.success ? parsed.data : undefined;
    summaries.push({
      number: other.number,
      title: other.title,
      url: other.html_url,
      detectedAt: state?.detectedAt ?? state?.declaredAt ?? other.created_at,
      services: state?.services ?? [],
      rootCause: state ? rcaOf(state).rootCause?.text : undefined,
    });
  }
  return summaries;
}

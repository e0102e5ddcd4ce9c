import type { FaultTree } from "../../analysis/fault-tree-schema.js";
import type { RelatedIncident } from "../../analysis/related-incidents.js";
import { renderFaultTreeMermaid } from "../../analysis/render-fault-tree-mermaid.js";
import { renderFishboneMermaid } from "../../analysis/render-fishbone-mermaid.js";
import type { IncidentState } from "../../incident/incident-state.js";
import type { StatusHistory } from "../../incident/status-history.js";
import type { ExecutionState } from "../../runbooks/engine/execution-state.js";
import { MermaidDiagram } from "../mermaid/mermaid-diagram.js";
import type { PostmortemData, Stamped } from "../postmortem-data.js";
import { rcaOf, reportsOf } from "./report-state.js";
import { runbookSummaries } from "./runbook-summaries.js";

/** A follow-up issue as it is now. */
export interface ActionIssue {
  number: number;
  title: string;
  url: string;
  state: "open" | "closed";
}

export interface AttachedFaultTree {
  name: string;
  tree: FaultTree;
  /** Minimal cut sets as basic-event ids; undefined when they could not be computed. */
  cutSets: string[][] | undefined;
}

/** Everything the postmortem is assembled from, loaded by the caller. */
export interface PostmortemInput {
  repository: string;
  issue: { number: number; title: string; url: string; assignees: readonly string[] };
  severity: string;
  state: IncidentState;
  history: StatusHistory;
  actionIssues: ReadonlyMap<number, ActionIssue>;
  executions: readonly ExecutionState[];
  related: readonly RelatedIncident[];
  faultTrees: readonly AttachedFaultTree[];
  categories: readonly string[];
  generatedAt: string;
}

/** How a recovery plan's run ended, in the recovery report's own words. */
const RECOVERY_OUTCOME: Readonly<Record<string, string>> = {
  succeeded: "recovered",
  failed: "failed",
  "rolled-back": "rolled back",
  "rollback-failed": "rollback failed",
};

const stamped = (e: { text: string; author?: string; by?: string; at?: string }): Stamped => ({
  text: e.text,
  author: e.author ?? e.by ?? null,
  at: e.at ?? null,
});

/**
 * The postmortem's view model, from the incident card's state and GitHub's own records.
 * Pure: no clock (generatedAt is given) and no I/O; every time comes from the input.
 */
export function buildPostmortemData(input: PostmortemInput): PostmortemData {
  const { state, history } = input;
  const rca = rcaOf(state);
  const phases = history.entries.map((e, i) => ({
    status: e.status,
    startedAt: e.at,
    endedAt: history.entries[i + 1]?.at ?? null,
  }));
  const responders = new Map<string, string | null>();
  for (const [role, login] of Object.entries(state.roles)) responders.set(login, responders.has(login) ? `${responders.get(login) ?? ""}, ${role}` : role);
  for (const login of input.issue.assignees) if (!responders.has(login)) responders.set(login, null);

  const timeline = [
    ...history.entries.map((e) => ({ at: e.at, kind: e.regression ? "status (regression)" : "status", actor: e.by, text: `→ ${e.status}` })),
    ...state.notes.map((n) => ({ at: n.at, kind: "note", actor: n.by, text: n.text })),
    ...state.updates.map((u) => ({ at: u.at, kind: "update", actor: u.by, text: u.text })),
    ...state.actions.map((a) => ({ at: a.at, kind: "action", actor: a.by, text: a.title })),
    // "firewatch" is the engine's name for itself (triggers matched), not the github.com account: shown as Firewatch.
    ...input.executions.flatMap((e) => (e.startedAt ? [{ at: e.startedAt, kind: "runbook", actor: e.startedBy === "firewatch" ? null : (e.startedBy ?? null), text: `${e.runbook} started` }] : [])),
    ...input.executions.flatMap((e) => (e.endedAt ? [{ at: e.endedAt, kind: "runbook", actor: null, text: `${e.runbook} ${e.status}` }] : [])),
  ].sort((a, b) => a.at.localeCompare(b.at));

  const lessons = (kind: string) => rca.lessons.filter((l) => l.kind === kind).map(stamped);
  return {
    incident: { number: input.issue.number, title: input.issue.title, url: input.issue.url, repository: input.repository },
    generatedAt: input.generatedAt,
    severity: input.severity,
    summary: state.summary || null,
    impact: { description: state.impact || null, services: state.services },
    times: {
      detectedAt: state.detectedAt ?? null,
      declaredAt: history.declaredAt ?? state.declaredAt,
      acknowledgedAt: history.acknowledgedAt ?? null,
      resolvedAt: history.resolvedAt ?? null,
    },
    phases,
    responders: [...responders].map(([login, role]) => ({ login, role })),
    timeline,
    detection: { source: null, description: state.links.length > 0 ? `Links: ${state.links.join(", ")}` : null, alerts: [] },
    rootCause: {
      statement: rca.rootCause ? stamped(rca.rootCause) : null,
      whys: rca.whys.map(stamped),
      factors: rca.factors.map(stamped),
      causes: rca.causes.map((c) => ({ ...stamped(c), category: c.category })),
      fishboneDiagram: rca.causes.length > 0 ? new MermaidDiagram(renderFishboneMermaid(input.issue.title, rca, input.categories)) : null,
      faultTrees: input.faultTrees.map((f) => {
        const label = new Map([...f.tree.gates, ...f.tree.events].map((x) => [x.id, x.description ?? x.id] as const));
        return {
          name: f.name,
          topEvent: label.get(f.tree.top) ?? f.tree.title,
          minimalCutSets: (f.cutSets ?? []).map((set) => set.map((id) => label.get(id) ?? id)),
          diagram: new MermaidDiagram(renderFaultTreeMermaid(f.tree, f.cutSets)),
        };
      }),
    },
    trigger: rca.trigger ? rca.trigger.text : null,
    resolution: { description: state.resolution?.text ?? null, resolvedBy: state.resolution?.by ?? null },
    runbooks: runbookSummaries(input.executions),
    recoveryReports: (reportsOf(state).recovery ?? []).map((r) => ({
      number: r.pr,
      // The pull request lives in the incident's repository: its URL is the issue's with /pull/<n>.
      url: input.issue.url.replace(/\/issues\/\d+$/, `/pull/${r.pr}`),
      plan: r.plan,
      outcome: RECOVERY_OUTCOME[r.outcome] ?? r.outcome,
    })),
    actionItems: state.actions.map((a) => {
      const found = input.actionIssues.get(a.issue);
      return { title: found?.title ?? a.title, number: a.issue, url: found?.url ?? null, state: found?.state ?? "unknown", owner: a.owner ?? null };
    }),
    lessons: { wentWell: lessons("went-well"), wentWrong: lessons("went-wrong"), gotLucky: lessons("lucky") },
    relatedIncidents: input.related.map((r) => ({ number: r.number, title: r.title, url: r.url, reasons: r.reasons })),
  };
}

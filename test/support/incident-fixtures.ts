/**
 * One critical LLM-serving incident that the burst scenarios share (in one process,
 * test/incident/concurrency.test.ts; on two replicas, test/replicas/): its config, critical
 * runbook and form, and readers for what a person sees in the issue (the card, its state).
 */
import type { IssueView } from "./github/issue-view.js";

export type Comments = IssueView["comments"];

export const CARD_HEADING = "## 🔥 Incident";

export const cards = (comments: Comments) => comments.filter((c) => c.body.includes(CARD_HEADING));
export const cardOf = (comments: Comments) => cards(comments)[0]?.body ?? "";

/** The card's hidden state block: what the app remembers about the incident. */
export const stateOf = (comments: Comments) =>
  JSON.parse(/<!-- firewatch:data incident (.*?) -->/s.exec(cardOf(comments))?.[1] ?? "{}") as {
    notes?: { text: string }[];
    handled?: number[];
  };

export const noteTexts = (comments: Comments) =>
  (stateOf(comments).notes ?? []).map((note) => note.text).sort();

export const CONFIG = `
escalation:
  critical: ["@acme/incident-leads"]
`;

export const CRITICAL_RUNBOOK = `name: page-gpu-team
description: Critical GPU incidents
triggers:
  severities: [critical]
steps:
  - id: check
    title: Check the GPU dashboards
    type: assess
    run:
      kind: manual
      instructions: Look at gpu_cache_usage_perc and num_requests_waiting.
`;

/** An issue body as the incident form renders it: one `### <label>` heading per field. */
export function incidentForm(fields: {
  summary: string;
  severity?: string;
  services?: string;
  impact?: string;
}): string {
  const sections: [string, string | undefined][] = [
    ["Summary", fields.summary],
    ["Severity", fields.severity ?? "critical"],
    ["Affected services", fields.services ?? "inference"],
    ["Impact", fields.impact],
  ];
  return sections
    .flatMap(([label, value]) => (value === undefined ? [] : [`### ${label}`, "", value, ""]))
    .join("\n")
    .trimEnd();
}

export const FORM_BODY = incidentForm({ summary: "inference: CUDA out of memory on every vLLM replica" });


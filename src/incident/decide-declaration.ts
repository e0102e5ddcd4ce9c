import type { Config, Severity } from "../config/schema.js";
import type { Effect } from "../effects/effect.js";
import type { IncidentState } from "./incident-state.js";
import type { LabelNames } from "./label-names.js";
import { isIncidentForm, parseIssueForm } from "./parse-issue-form.js";
import { oncallFor } from "./service-owners.js";

export interface IssueSnapshot {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  labels: string[];
  assignees: string[];
  /** The issue's page on GitHub (or GitHub Enterprise Server). */
  url: string;
}

export interface Declaration {
  state: IncidentState;
  severity: Severity;
  effects: Effect[];
}

/** GitHub allows at most 10 assignees on an issue. */
const MAX_ASSIGNEES = 10;

/**
 * Turns an issue into an incident: one status and one severity label, the on-call people
 * of the affected services assigned. Read from the form when there is one; anything
 * missing gets a default and a line in the card asking for it.
 */
export function decideDeclaration(
  issue: IssueSnapshot,
  ctx: { config: Config; names: LabelNames; sender: string; now: Date },
): Declaration {
  const { config, names } = ctx;
  const fromForm = isIncidentForm(issue.body);
  const form = parseIssueForm(fromForm ? issue.body : "", ctx.now);
  const labelSeverities = issue.labels.map(names.parseSeverity).filter((s) => s !== undefined);
  const severity = form.severity ?? labelSeverities[0] ?? config.default_severity;

  const problems: IncidentState["problems"] = fromForm ? [...form.problems] : [];
  if (!fromForm && labelSeverities.length === 0)
    problems.push({
      field: "severity",
      text: `No severity was given; \`${severity}\` was assumed. Change it with a \`${names.severity("critical")}\`-style label or \`/severity\`.`,
    });
  problems.push(...serviceProblems(config, form.services));

  const state: IncidentState = {
    v: 1,
    declaredAt: ctx.now.toISOString(),
    declaredBy: ctx.sender,
    detectedAt: form.detectedAt,
    summary: form.summary ?? issue.title.slice(0, 300),
    impact: form.impact ?? "",
    links: form.links,
    services: form.services,
    roles: {},
    notes: [],
    updates: [],
    actions: [],
    problems,
    handled: [],
    related: [],
    statusCredits: [],
  };

  const add: string[] = [];
  if (!issue.labels.includes(names.incident)) add.push(names.incident);
  if (!issue.labels.some(names.isStatusLabel))
    add.push(names.status(issue.state === "closed" ? "resolved" : "detected"));
  if (!issue.labels.includes(names.severity(severity))) add.push(names.severity(severity));
  const remove = issue.labels.filter(
    (l) => names.isSeverityLabel(l) && l !== names.severity(severity),
  );

  const effects: Effect[] = [];
  if (add.length > 0 || remove.length > 0)
    effects.push({ kind: "setLabels", issue: issue.number, add, remove });
  const oncall = oncallFor(config, state.services).filter((l) => !issue.assignees.includes(l));
  const room = MAX_ASSIGNEES - issue.assignees.length;
  if (oncall.length > 0 && room > 0)
    effects.push({ kind: "assign", issue: issue.number, logins: oncall.slice(0, room) });
  return { state, severity, effects };
}

/** What the card asks about the affected services: none named, or some nobody is configured for. */
export function serviceProblems(
  config: Config,
  services: readonly string[],
): IncidentState["problems"] {
  if (services.length === 0)
    return [
      {
        field: "services",
        text: "No affected services are named; say `/services inference, gateway` so the right people are brought in.",
      },
    ];
  const unknown = services.filter((s) => !(s in config.services));
  if (unknown.length === 0 || Object.keys(config.services).length === 0) return [];
  const one = unknown.length === 1;
  return [
    {
      field: "services",
      text: `${unknown.map((s) => `\`${s}\``).join(", ")} ${one ? "is" : "are"} not listed under \`services\` in \`.github/firewatch.yml\`; nobody was paged for ${one ? "it" : "them"}.`,
    },
  ];
}

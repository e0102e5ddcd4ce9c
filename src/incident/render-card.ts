import type { Severity } from "../config/schema.js";
import type { ConfigProblem } from "../config/load-config.js";
import { dataBlock } from "../markdown/hidden-block.js";
import { safeText } from "../markdown/safe-text.js";
import { tableCell, tableCellSyntax } from "../markdown/table-cell.js";
import { elapsedMs, formatDuration } from "../time/duration.js";
import { formatTime } from "../time/format-time.js";
import { currentResolution } from "./current-resolution.js";
import type { IncidentState, StampedText } from "./incident-state.js";
import type { StatusHistory } from "./status-history.js";
import { renderRcaSection } from "./render-rca-section.js";
import { renderNotifySection } from "../notify/render-notify-section.js";

export const CARD_KEY = "card";
export const STATE_BLOCK = "incident";
const SHOWN_ENTRIES = 10;

export interface CardView {
  state: IncidentState;
  severity: Severity;
  history: StatusHistory;
  assignees: string[];
  teams: string[];
  configProblems: ConfigProblem[];
  /** More "Needs attention" lines (Markdown list items), e.g. notification variables that are not set. */
  attention?: string[];
}

/** The incident card: the one comment that shows where an incident stands, kept current in place. */
export function renderCard(view: CardView): string {
  const { state, history } = view;
  const status = history.current ?? "detected";
  const roles = Object.entries(state.roles).map(([role, login]) => `${role} @${login}`);
  const rows: [string, string][] = [
    ["Summary", tableCell(state.summary || "—")],
    ["Severity", `\`${view.severity}\``],
    ["Status", `\`${status}\``],
    ["Services", state.services.map((s) => `\`${s}\``).join(", ") || "—"],
    ["Team", view.teams.map((t) => `@${t}`).join(", ") || "—"],
    ["Assignees", view.assignees.map((a) => `@${a}`).join(", ") || "—"],
    ["Roles", roles.join(", ") || "—"],
    ["Detected", formatTime(state.detectedAt ?? history.declaredAt)],
    ["Declared", formatTime(history.declaredAt)],
    [
      "Acknowledged",
      timeWithDuration(
        history.acknowledgedAt,
        elapsedMs(history.declaredAt, history.acknowledgedAt),
        "to acknowledge",
      ),
    ],
    [
      "Resolved",
      timeWithDuration(
        history.resolvedAt,
        elapsedMs(history.declaredAt, history.resolvedAt),
        "to resolve",
      ),
    ],
  ];
  const lastUpdate = state.updates.at(-1);
  if (lastUpdate) rows.push(["Last update", tableCellSyntax(stamped(lastUpdate))]);
  const resolution = currentResolution(state, history);
  if (resolution) rows.push(["Resolution", tableCellSyntax(stamped(resolution))]);
  const postmortem = state.reports?.postmortem;
  if (postmortem)
    rows.push([
      "Postmortem",
      `#${postmortem.pr} (${postmortem.mergedAt ? `merged ${formatTime(postmortem.mergedAt)}` : "in review"})`,
    ]);
  for (const recovery of state.reports?.recovery ?? [])
    rows.push(["Recovery report", `#${recovery.pr} (\`${recovery.plan}\`, ${recovery.outcome})`]);

  const parts = [
    `## 🔥 Incident: \`${status}\` · severity \`${view.severity}\``,
    "",
    "| | |",
    "| --- | --- |",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  ];
  const attention = [
    ...state.problems.map((p) => `- ${p.text}`),
    ...view.configProblems.map(
      (p) =>
        `- \`.github/firewatch.yml\`: \`${p.field}\` ${safeText(p.message)} (the default is used)`,
    ),
    ...(view.attention ?? []),
  ];
  if (attention.length > 0) parts.push("", "### ⚠️ Needs attention", "", ...attention);
  parts.push("", "### Status history", "", "| Status | Since | By |", "| --- | --- | --- |");
  for (const e of history.entries.slice(-SHOWN_ENTRIES)) {
    parts.push(
      `| \`${e.status}\`${e.regression ? " ↩︎ regression" : ""} | ${formatTime(e.at)} | ${e.by} |`,
    );
  }
  if (state.related.length > 0) {
    parts.push(
      "",
      "### Related incidents",
      "",
      ...state.related.map(
        (r) =>
          `- #${r.number} ${safeText(r.title)} — ${r.strength}: ${r.reasons.map(safeText).join("; ")}`,
      ),
    );
  }
  if (state.actions.length > 0) {
    parts.push(
      "",
      "### Follow-up actions",
      "",
      ...state.actions.map(
        (a) => `- #${a.issue} ${safeText(a.title)}${a.owner ? ` (${a.owner})` : ""}`,
      ),
    );
  }
  const runbooks = state.runbooks ?? [];
  if (runbooks.length > 0) {
    parts.push(
      "",
      "### Runbooks",
      "",
      ...runbooks.map(
        (r) =>
          `- ${r.commentId ? `[\`${r.name}\`](#issuecomment-${r.commentId})` : `\`${r.name}\``} — ${r.status}, started ${formatTime(r.startedAt)}${r.endedAt ? `, ended ${formatTime(r.endedAt)}` : ""}`,
      ),
    );
  }
  parts.push(...renderRcaSection(state));
  parts.push(...renderNotifySection(state.notify));
  const notes = [
    ...state.notes.map((n) => ({ ...n, kind: "note" })),
    ...state.updates.map((u) => ({ ...u, kind: "update" })),
  ]
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-SHOWN_ENTRIES);
  if (notes.length > 0) {
    parts.push(
      "",
      "### Notes and updates",
      "",
      ...notes.map((n) => `- ${n.kind === "update" ? "📣 " : ""}${stamped(n)}`),
    );
  }
  parts.push(
    "",
    "<sub>Kept current by Firewatch. Change status and severity with labels or commands; `/help` lists the commands.</sub>",
  );
  parts.push(dataBlock(STATE_BLOCK, state));
  return parts.join("\n");
}

function timeWithDuration(at: string | undefined, ms: number | undefined, what: string): string {
  if (!at) return "—";
  return `${formatTime(at)} (${formatDuration(ms)} ${what})`;
}

function stamped(entry: StampedText): string {
  return `${formatTime(entry.at)} · ${entry.by}: ${safeText(entry.text)}`;
}

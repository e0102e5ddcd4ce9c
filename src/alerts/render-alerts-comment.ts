import { dataBlock, readDataBlock } from "../markdown/hidden-block.js";
import { tableCell } from "../markdown/table-cell.js";
import { formatTime } from "../time/format-time.js";
import { alertsLedgerSchema, EMPTY_LEDGER, type AlertsLedger, type LedgerGroup } from "./alerts-ledger.js";

/** The hidden key of an incident's one Alerts comment. */
export function alertsCommentKey(issue: number): string {
  return `alerts-${issue}`;
}

const LEDGER_BLOCK = "alerts";

/** The ledger an Alerts comment holds; an unreadable one starts again empty (the comment is rewritten whole). */
export function readLedger(body: string | undefined): AlertsLedger {
  const parsed = alertsLedgerSchema.safeParse(readDataBlock(body, LEDGER_BLOCK));
  return parsed.success ? parsed.data : EMPTY_LEDGER;
}

const ROLE_NOTE: Record<LedgerGroup["role"], string> = {
  incident: "",
  storm: " — gathered here during an alert storm",
  noted: " — noted here: this group does not declare an incident by itself",
};

/** Characters that could end a Markdown link or table cell are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>|[\]`"\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** Link text is fixed; the address is the sender's (only http(s) addresses were kept). */
function links(l: Record<string, string>): string {
  const names: [string, string][] = [
    ["generator", "source"],
    ["runbook", "runbook"],
    ["dashboard", "dashboard"],
    ["panel", "panel"],
  ];
  const parts = names.filter(([k]) => l[k]).map(([k, text]) => `[${text}](${linkTarget(l[k]!)})`);
  return parts.length > 0 ? parts.join(" · ") : "—";
}

function renderGroup(group: LedgerGroup): string[] {
  const firing = group.alerts.filter((a) => a.status === "firing").length;
  const state = firing > 0 ? `**${firing} firing**` : "**all resolved**";
  const lines = [
    `#### ${tableCell(group.title)}${ROLE_NOTE[group.role]}`,
    "",
    `${state} · ${group.alerts.length} alert(s) · first seen ${formatTime(group.firstSeen)} · last notification ${formatTime(group.lastSeen)} · ${group.notifications} notification(s)`,
  ];
  if (group.truncated > 0)
    lines.push("", `The sender left out ${group.truncated} more alert(s) of this group (\`max_alerts\`).`);
  lines.push(
    "",
    "| | Alert | Summary | Labels | Since | Resolved | Last seen | Seen | Links |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const a of group.alerts) {
    lines.push(
      `| ${a.status === "firing" ? "🔥 firing" : "✅ resolved"} | ${tableCell(a.name)} | ${tableCell(a.summary)} | ${tableCell(a.labels)} | ${formatTime(a.since)} | ${a.resolvedAt ? formatTime(a.resolvedAt) : "—"} | ${formatTime(a.lastSeen)} | ${a.count} | ${links(a.links)} |`,
    );
  }
  return lines;
}

/** GitHub refuses comments over 65,536 characters; the rest is room for the hidden key. */
const COMMENT_BUDGET = 65_000;

/**
 * The Alerts comment: every group on the incident with its alerts, then the ledger in a
 * hidden block. When a storm's groups would not fit, later groups show their summary line only.
 */
export function renderAlertsComment(ledger: AlertsLedger): string {
  const firing = ledger.groups.some((g) => g.alerts.some((a) => a.status === "firing"));
  const head = [
    `### Alerts ${firing ? "(firing)" : "(resolved)"}`,
    "",
    "Kept current by Firewatch from Alertmanager / Grafana notifications; repeats update this comment instead of adding new ones.",
  ];
  const data = dataBlock(LEDGER_BLOCK, ledger);
  const tail: string[] = [];
  if (ledger.dropped > 0)
    tail.push("", `${ledger.dropped} older resolved alert(s) are no longer listed, to keep this comment within GitHub's size limit.`);
  tail.push("", data);
  const size = (lines: string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
  const headers = ledger.groups.map((g) => renderGroup(g).slice(0, 3));
  let used = size(head) + size(tail) + headers.reduce((n, h) => n + size(h) + 1, 0);
  const body: string[] = [];
  let omitted = 0;
  for (const [i, group] of ledger.groups.entries()) {
    const full = renderGroup(group);
    const extra = size(full) - size(headers[i]!);
    if (used + extra <= COMMENT_BUDGET) {
      used += extra;
      body.push("", ...full);
    } else {
      omitted++;
      body.push("", ...headers[i]!);
    }
  }
  if (omitted > 0) body.push("", `The alerts of ${omitted} group(s) are not listed one by one, to keep this comment within GitHub's size limit.`);
  return [...head, ...body, ...tail].join("\n");
}

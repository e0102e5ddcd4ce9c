import type { Severity } from "../config/schema.js";
import { marker } from "../markdown/hidden-block.js";
import { neutraliseReferences } from "../markdown/neutralise-references.js";
import { stripControlCharacters } from "../markdown/strip-control-characters.js";
import { FORM_FIELDS } from "../incident/parse-issue-form.js";
import { groupTitle } from "./alerts-ledger.js";
import type { AlertGroup } from "./alert-group.js";

/** The marker that ties an issue to the alert group it was opened for (found again by it, never by title). */
export function groupMarkerKey(hash: string): string {
  return `alert-group-${hash}`;
}

/** The marker of an alert-storm incident. */
export const STORM_MARKER_KEY = "alert-storm";

/** The group's earliest `startsAt`: when the problem was detected (MTTD is measured from it). */
export function detectedAt(group: AlertGroup): string | undefined {
  const times = group.alerts.map((a) => Date.parse(a.startsAt)).filter((t) => !Number.isNaN(t));
  return times.length > 0 ? new Date(Math.min(...times)).toISOString() : undefined;
}

/** Sender text in the issue: one line, no mentions or issue references. */
function line(text: string): string {
  return neutraliseReferences(stripControlCharacters(text)).replace(/\s+/g, " ").trim();
}

/**
 * The body is laid out as the incident form renders (`### Summary`, `### Severity`, …), so
 * the declaration, the card, metrics (MTTD from "Detected at") and related-incident search
 * read an alert incident exactly as one a person filed.
 */
function formBody(fields: {
  summary: string;
  severity: Severity;
  services: string[];
  impact: string;
  detected?: string;
  links: string[];
}): string[] {
  return [
    `### ${FORM_FIELDS.summary}`,
    "",
    fields.summary,
    "",
    `### ${FORM_FIELDS.severity}`,
    "",
    fields.severity,
    "",
    `### ${FORM_FIELDS.services}`,
    "",
    fields.services.length > 0 ? fields.services.join(", ") : "_No response_",
    "",
    `### ${FORM_FIELDS.impact}`,
    "",
    fields.impact,
    "",
    `### ${FORM_FIELDS.detectedAt}`,
    "",
    fields.detected ?? "_No response_",
    "",
    `### ${FORM_FIELDS.links}`,
    "",
    fields.links.length > 0 ? fields.links.map((l) => `- ${l}`).join("\n") : "_No response_",
  ];
}

/** A new incident for one alert group: its title and body. */
export function renderGroupIssue(
  group: AlertGroup,
  severity: Severity,
  services: string[],
  related?: number,
): { title: string; body: string } {
  const links = [
    ...new Set(
      group.alerts.flatMap((a) => [a.links.generator, a.links.runbook, a.links.dashboard]).filter((l): l is string => !!l),
    ),
  ].slice(0, 10);
  const count = group.alerts.length + group.truncatedAlerts;
  const sender = group.source === "grafana" ? "Grafana" : "Alertmanager";
  const body = [
    ...formBody({
      summary: line(groupTitle(group)),
      severity,
      services,
      impact: `${count} alert(s) firing in this group, reported by ${sender}. The Alerts comment below is kept current.`,
      detected: detectedAt(group),
      links,
    }),
    "",
    ...(related ? [`This alert group fired before: see #${related} (related).`, ""] : []),
    `_Opened by Firewatch from ${sender} (group \`${group.hash}\`)._`,
    marker(groupMarkerKey(group.hash)),
  ];
  return { title: line(groupTitle(group)).slice(0, 200), body: body.join("\n") };
}

/** The one incident overflow groups gather on during an alert storm. */
export function renderStormIssue(
  group: AlertGroup,
  severity: Severity,
  maxNew: number,
  windowMinutes: number,
): { title: string; body: string } {
  const body = [
    ...formBody({
      summary: "Alert storm: more alert groups fired than Firewatch opens incidents for at once",
      severity,
      services: [],
      impact: `More than ${maxNew} alert groups fired within ${windowMinutes} minutes. Firewatch opened incidents for the first ${maxNew} and lists the others in the Alerts comment below instead of paging for each.`,
      detected: detectedAt(group),
      links: [],
    }),
    "",
    marker(STORM_MARKER_KEY),
  ];
  return { title: "Alert storm", body: body.join("\n") };
}

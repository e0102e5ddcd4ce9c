import type { Severity } from "../config/schema.js";
import { SEVERITIES } from "../config/schema.js";

/** Longest text kept from one form field; the card must stay well under GitHub's 65,536-character comment limit. */
export const FIELD_LIMIT = 2_000;
const MAX_SERVICES = 20;

/** The headings of `.github/ISSUE_TEMPLATE/incident.yml`, as GitHub renders them. */
export const FORM_FIELDS = {
  summary: "Summary",
  severity: "Severity",
  services: "Affected services",
  impact: "Impact",
  detectedAt: "Detected at",
  links: "Links",
} as const;

export interface FormProblem {
  field: keyof typeof FORM_FIELDS;
  text: string;
}

export interface IncidentForm {
  summary?: string;
  severity?: Severity;
  services: string[];
  impact?: string;
  detectedAt?: string;
  links: string[];
  /** What the responders are asked to fill in or fix, by field. */
  problems: FormProblem[];
}

/** True when the body looks like GitHub's rendering of the incident form. */
export function isIncidentForm(body: string | null | undefined): boolean {
  const sections = splitSections(body ?? "");
  return (
    sections.has(FORM_FIELDS.summary.toLowerCase()) &&
    sections.has(FORM_FIELDS.severity.toLowerCase())
  );
}

/**
 * Reads the incident form from an issue body (`### Field` headings, `_No response_` for
 * empty fields). Anything missing, invalid or too long becomes a problem line instead of
 * an error, so a half-filled form still declares an incident.
 */
export function parseIssueForm(body: string | null | undefined, now: Date): IncidentForm {
  const sections = splitSections(body ?? "");
  const problems: FormProblem[] = [];
  const problem = (field: FormProblem["field"], text: string) => problems.push({ field, text });
  const field = (key: keyof typeof FORM_FIELDS): string | undefined => {
    const name = FORM_FIELDS[key];
    const value = sections.get(name.toLowerCase());
    if (value === undefined || value === "" || value === "_No response_") return undefined;
    if (value.length <= FIELD_LIMIT) return value;
    problem(
      key,
      `**${name}** was longer than ${FIELD_LIMIT.toLocaleString("en")} characters and was shortened.`,
    );
    return `${value.slice(0, FIELD_LIMIT)}…`;
  };

  const summary = field("summary");
  if (!summary)
    problem("summary", `**${FORM_FIELDS.summary}** is missing: say in a sentence what is broken.`);

  const severityText = field("severity");
  const severity = parseSeverity(severityText);
  if (!severityText)
    problem("severity", `**${FORM_FIELDS.severity}** is missing; the default severity was used.`);
  else if (!severity)
    problem(
      "severity",
      `**${FORM_FIELDS.severity}** \`${oneLine(severityText)}\` is not one of ${SEVERITIES.join(", ")}; the default severity was used.`,
    );

  const services = splitList(field("services"));
  if (services.length > MAX_SERVICES)
    problem("services", `Only the first ${MAX_SERVICES} affected services were kept.`);

  const detectedText = field("detectedAt");
  const detectedAt = parseTime(detectedText, now);
  if (detectedText && !detectedAt)
    problem(
      "detectedAt",
      `**${FORM_FIELDS.detectedAt}** \`${oneLine(detectedText)}\` is not a past date and time such as 2026-11-26 14:05 UTC.`,
    );

  const links = (field("links") ?? "").match(/https?:\/\/[^\s<>()]+/g) ?? [];
  return {
    summary,
    severity,
    services: services.slice(0, MAX_SERVICES),
    impact: field("impact"),
    detectedAt,
    links: links.slice(0, 20),
    problems,
  };
}

function splitSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = body.replace(/\r\n?/g, "\n").split(/^###[ \t]+/m);
  for (const part of parts.slice(1)) {
    const newline = part.indexOf("\n");
    const heading = (newline === -1 ? part : part.slice(0, newline)).trim().toLowerCase();
    const value = newline === -1 ? "" : part.slice(newline + 1).trim();
    if (!sections.has(heading)) sections.set(heading, value);
  }
  return sections;
}

function parseSeverity(text: string | undefined): Severity | undefined {
  const word = text
    ?.trim()
    .toLowerCase()
    .split(/[\s—–:(-]/)[0];
  return (SEVERITIES as readonly string[]).includes(word ?? "") ? (word as Severity) : undefined;
}

export function splitList(text: string | undefined): string[] {
  const items = (text ?? "")
    .split(/[,\n]/)
    .map((s) =>
      s
        .replace(/^[\s*-]+/, "")
        .trim()
        .toLowerCase(),
    )
    .filter((s) => /^[a-z0-9][a-z0-9._-]{0,59}$/.test(s));
  return [...new Set(items)];
}

/** `2026-11-26`, `2026-11-26 14:05`, `…T14:05:30`, each optionally with `Z`/`UTC`/`+01:00`. */
const ISO_TIME =
  /^(\d{4}-\d\d-\d\d)(?:[ T](\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?))?(?:\s*(Z|UTC|GMT|[+-]\d\d:?\d\d))?$/i;

/**
 * The form asks for `2026-11-26 14:05 UTC`. A time without a zone is UTC (the card's zone),
 * never the server's; anything that is not such a date and time is not read at all, since
 * `Date.parse` would guess (`March 3` becomes 3 March 2001, local time) and rolls a day
 * past the month's end into the next month (`2026-02-30` becomes 2 March).
 */
function parseTime(text: string | undefined, now: Date): string | undefined {
  if (!text) return undefined;
  const match = ISO_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, zone] = match;
  if (!isCalendarDate(date!)) return undefined;
  const offset = !zone || /^(Z|UTC|GMT)$/i.test(zone) ? "Z" : zone;
  const ms = Date.parse(time ? `${date}T${time}${offset}` : `${date}T00:00${offset}`);
  if (Number.isNaN(ms) || ms > now.getTime() + 5 * 60_000) return undefined;
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DD` names a day that exists (no 30 February, no 31 April). */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

function oneLine(text: string): string {
  return text.replace(/[`\n\r]/g, " ").slice(0, 60);
}

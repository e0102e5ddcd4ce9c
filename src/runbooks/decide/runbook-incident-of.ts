import type { IssueSnapshot } from "../../incident/decide-declaration.js";
import type { LabelNames } from "../../incident/label-names.js";
import type { RunbookIncident } from "../runbook-incident.js";

/**
 * What a runbook sees of the incident, taken once when its execution starts: the severity
 * from the issue's labels (the configured default when it has none) and the card's services.
 */
export function runbookIncidentOf(
  issue: Pick<IssueSnapshot, "number" | "title" | "labels" | "url">,
  services: readonly string[],
  names: Pick<LabelNames, "parseSeverity">,
  defaultSeverity: string,
): RunbookIncident {
  const severity =
    issue.labels.map((l) => names.parseSeverity(l)).find((s) => s !== undefined) ?? defaultSeverity;
  return {
    number: issue.number,
    title: issue.title,
    severity,
    services: [...services],
    labels: issue.labels,
    url: issue.url,
  };
}

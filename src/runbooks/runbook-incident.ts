import { neutraliseReferences } from "../markdown/neutralise-references.js";
/** What a runbook knows about the incident it runs for. */
export interface RunbookIncident {
  number: number;
  title: string;
  severity: string;
  services: string[];
  labels: string[];
  url?: string;
}

/** Conditions written in a runbook (`triggers`, a step's `when`). */
export interface IncidentConditions {
  severities?: readonly string[] | undefined;
  services?: readonly string[] | undefined;
  labels?: readonly string[] | undefined;
}

/** Every listed criterion must hold; within one, any value matches. Nothing listed: true. */
export function incidentMatches(
  conditions: IncidentConditions,
  incident: Pick<RunbookIncident, "severity" | "services" | "labels">,
): boolean {
  const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());
  if (
    conditions.severities &&
    !lower(conditions.severities).includes(incident.severity.toLowerCase())
  )
    return false;
  if (
    conditions.services &&
    !lower(conditions.services).some((s) => lower(incident.services).includes(s))
  )
    return false;
  if (
    conditions.labels &&
    !lower(conditions.labels).some((l) => lower(incident.labels).includes(l))
  )
    return false;
  return true;
}

/** Text users typed (the title) must not ping anyone or link issues when a template puts it in a comment. */
export function neutraliseUserText(text: string): string {
  return neutraliseReferences(text);
}

/** The `incident` a Handlebars template sees: user-typed fields neutralised. */
export function incidentScope(
  incident: RunbookIncident,
  runbookName: string,
): Record<string, unknown> {
  return {
    incident: {
      number: incident.number,
      title: neutraliseUserText(incident.title),
      severity: incident.severity,
      services: incident.services.map(neutraliseUserText).join(", "),
      service_list: incident.services.map(neutraliseUserText),
      labels: incident.labels.map(neutraliseUserText),
      url: incident.url ?? "",
    },
    runbook: { name: runbookName },
  };
}

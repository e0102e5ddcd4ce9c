/** What correlation needs to know about an incident; the caller loads it from the issues. */
export interface IncidentSummary {
  /** Issue number. */
  number: number;
  title: string;
  /** The html_url, for the link in the card and the report. */
  url: string;
  /** When the incident was detected (ISO 8601). */
  detectedAt: string;
  /** Affected services, e.g. ["inference", "gateway"]. */
  services: readonly string[];
  /** The recorded root cause, if any. */
  rootCause?: string | undefined;
}

export interface RelatedIncident {
  number: number;
  title: string;
  url: string;
  /** strong: detected under 5 minutes apart or same root cause; otherwise moderate or weak. */
  strength: "strong" | "moderate" | "weak";
  /** Sum of the reasons' weights; the list is sorted by it. */
  score: number;
  /** One human-readable sentence per reason, strongest first. */
  reasons: string[];
}

export const CORRELATION_WINDOWS = { relatedMinutes: 30, strongMinutes: 5 } as const;

// Weights: a shared root cause or near-simultaneous detection is strong evidence on its
// own; a shared service is weaker (busy services appear in many incidents), time within
// half an hour weaker still.
const WEIGHT = { strongTime: 3, sameRootCause: 3, sharedService: 2, time: 1 } as const;

/**
 * Lists the incidents related to `target`, each with why: detected within 30 minutes of
 * each other (strong under 5), sharing an affected service, or sharing a recorded root
 * cause (compared after normalising case, punctuation and spacing). Strongest first.
 */
export function relatedIncidents(target: IncidentSummary, others: readonly IncidentSummary[]): RelatedIncident[] {
  const targetTime = Date.parse(target.detectedAt);
  const targetServices = new Set(target.services.map(normaliseService).filter((s) => s.length > 0));
  const targetCause = normaliseRootCause(target.rootCause);
  const related: (RelatedIncident & { distance: number })[] = [];

  for (const other of others) {
    if (other.number === target.number) continue;
    const reasons: { weight: number; text: string }[] = [];
    const minutes = (Date.parse(other.detectedAt) - targetTime) / 60_000;
    const distance = Math.abs(minutes);
    if (distance < CORRELATION_WINDOWS.strongMinutes) {
      reasons.push({ weight: WEIGHT.strongTime, text: `detected ${describeGap(minutes)} (under ${CORRELATION_WINDOWS.strongMinutes} minutes)` });
    } else if (distance <= CORRELATION_WINDOWS.relatedMinutes) {
      reasons.push({ weight: WEIGHT.time, text: `detected ${describeGap(minutes)} (within ${CORRELATION_WINDOWS.relatedMinutes} minutes)` });
    }
    const shared = [...new Set(other.services.map(normaliseService))].filter((s) => targetServices.has(s)).sort();
    if (shared.length > 0) {
      reasons.push({ weight: WEIGHT.sharedService, text: `also affects ${shared.length === 1 ? "service" : "services"} ${shared.join(", ")}` });
    }
    if (targetCause !== "" && normaliseRootCause(other.rootCause) === targetCause) {
      reasons.push({ weight: WEIGHT.sameRootCause, text: `same root cause: ${other.rootCause?.trim()}` });
    }
    if (reasons.length === 0) continue;
    reasons.sort((a, b) => b.weight - a.weight);
    const score = reasons.reduce((sum, r) => sum + r.weight, 0);
    const strength = reasons.some((r) => r.weight >= 3) ? "strong" : score >= 2 ? "moderate" : "weak";
    related.push({ number: other.number, title: other.title, url: other.url, strength, score, reasons: reasons.map((r) => r.text), distance: Number.isNaN(distance) ? Infinity : distance });
  }

  related.sort((a, b) => b.score - a.score || a.distance - b.distance || b.number - a.number);
  return related.map(({ distance: _distance, ...incident }) => incident);
}

function describeGap(minutes: number): string {
  const rounded = Math.round(Math.abs(minutes));
  if (rounded === 0) return "within a minute of this one";
  return `${rounded} minute${rounded === 1 ? "" : "s"} ${minutes < 0 ? "before" : "after"} this one`;
}

function normaliseService(service: string): string {
  return service.trim().toLowerCase();
}

/** "GPU OOM: no autoscaling." and "gpu oom – No  autoscaling" are the same cause. */
function normaliseRootCause(text: string | undefined): string {
  return (text ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

import { elapsedMs } from "../time/duration.js";
import { buildIncidentGantt } from "./mermaid/incident-gantt.js";
import type { PostmortemComputed, PostmortemData } from "./postmortem-data.js";

const AFTER_RESOLUTION: ReadonlySet<string> = new Set(["resolved", "post-incident"]);

const nonNegative = (ms: number | undefined): number | null => (ms === undefined || ms < 0 ? null : ms);

/**
 * The phases up to the final resolution. What follows it (`resolved`, `post-incident`) is left
 * out: an open "resolved" bar would grow with every render. A `resolved` phase that a reopen
 * ended is part of the incident and stays.
 */
function untilResolution(phases: PostmortemData["phases"]): PostmortemData["phases"] {
  let end = phases.length;
  while (end > 0 && AFTER_RESOLUTION.has(phases[end - 1]!.status)) end--;
  return phases.slice(0, end);
}

/** The durations and diagram the postmortem shows, computed from the data's own instants. */
export function computePostmortem(data: PostmortemData): PostmortemComputed {
  const { declaredAt, acknowledgedAt, resolvedAt, detectedAt } = data.times;
  return {
    timeToAcknowledgeMs: nonNegative(elapsedMs(declaredAt, acknowledgedAt)),
    timeToResolveMs: nonNegative(elapsedMs(declaredAt, resolvedAt)),
    timeToDeclareMs: nonNegative(elapsedMs(detectedAt, declaredAt)),
    timelineDiagram: buildIncidentGantt({
      title: `Incident ${data.incident.number} status`,
      phases: untilResolution(data.phases).map((p) => ({
        label: p.status,
        startedAt: p.startedAt,
        endedAt: p.endedAt,
      })),
      now: data.generatedAt,
    }),
    fiveWhys: data.rootCause.whys.map((why, i, all) => ({
      number: i + 1,
      question: i === 0 ? data.incident.title : (all[i - 1]?.text ?? ""),
      answer: why.text,
      author: why.author,
    })),
    openActionItems: data.actionItems.filter((item) => item.state !== "closed").length,
  };
}

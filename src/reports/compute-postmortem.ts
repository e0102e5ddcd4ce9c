import { elapsedMs } from "../time/duration.js";
import { buildIncidentGantt } from "./mermaid/incident-gantt.js";
import type { PostmortemComputed, PostmortemData } from "./postmortem-data.js";

const AFTER_RESOLUTION: ReadonlySet<string> = new Set(["resolved", "post-incident"]);

const nonNegative = (ms: number | undefined): number | null => (ms === undefined || ms < 0 ? null : ms);

/** The durations and diagram the postmortem shows, computed from the data's own instants. */
export function computePostmortem(data: PostmortemData): PostmortemComputed {
  const { declaredAt, acknowledgedAt, resolvedAt, detectedAt } = data.times;
  return {
    timeToAcknowledgeMs: nonNegative(elapsedMs(declaredAt, acknowledgedAt)),
    timeToResolveMs: nonNegative(elapsedMs(declaredAt, resolvedAt)),
    timeToDeclareMs: nonNegative(elapsedMs(detectedAt, declaredAt)),
    timelineDiagram: buildIncidentGantt({
      title: `Incident ${data.incident.number} status`,
      // The chart shows the incident up to its resolution; an open "resolved" bar would grow with every render.
      phases: data.phases
        .filter((p) => !AFTER_RESOLUTION.has(p.status))
        .map((p) => ({ label: p.status, startedAt: p.startedAt, endedAt: p.endedAt })),
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

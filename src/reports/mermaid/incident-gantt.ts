import { toEpochMs } from "../../time/duration.js";
import { ganttLabel } from "./gantt-label.js";
import { MermaidDiagram } from "./mermaid-diagram.js";

/** One status phase of an incident: `investigating` from 09:12 to 09:40. */
export interface GanttPhase {
  readonly label: string;
  /** ISO 8601 instant. */
  readonly startedAt: string;
  /** ISO 8601 instant; `null` while the phase is still going on (drawn up to `now`). */
  readonly endedAt: string | null;
}

/** A moment worth a marker: "campaign email sent", "model v41 rolled back". */
export interface GanttMilestone {
  readonly label: string;
  readonly at: string;
}

export interface IncidentGanttInput {
  readonly title: string;
  readonly phases: readonly GanttPhase[];
  readonly milestones?: readonly GanttMilestone[];
  /** The render time, passed in: where an open phase ends. */
  readonly now: string;
}

/**
 * Builds the incident's status timeline as a Mermaid gantt chart (UTC wall-clock times).
 * Every label goes through {@link ganttLabel}; phases or milestones with an unparsable
 * time are left out; an end before its start is drawn as zero length. Returns `null`
 * when no phase can be drawn, so a template can say "no timeline" instead.
 */
export function buildIncidentGantt(input: IncidentGanttInput): MermaidDiagram | null {
  const now = toEpochMs(input.now);
  const phases = input.phases.flatMap((phase) => {
    const start = toEpochMs(phase.startedAt);
    const end = phase.endedAt === null ? now : toEpochMs(phase.endedAt);
    if (start === undefined || end === undefined) return [];
    return [{ label: ganttLabel(phase.label), start, end: Math.max(start, end), open: phase.endedAt === null }];
  });
  if (phases.length === 0) return null;
  const milestones = (input.milestones ?? []).flatMap((m) => {
    const at = toEpochMs(m.at);
    return at === undefined ? [] : [{ label: ganttLabel(m.label), at }];
  });
  const first = Math.min(...phases.map((p) => p.start));
  const last = Math.max(...phases.map((p) => p.end));
  const lines = [
    "gantt",
    `    title ${ganttLabel(input.title, "Incident timeline")}`,
    "    dateFormat YYYY-MM-DD HH:mm:ss",
    `    axisFormat ${last - first > 86_400_000 ? "%m-%d %H:%M" : "%H:%M"}`,
    "    section Status",
    ...phases.map(
      (p, i) => `    ${p.label} :${p.open ? "active" : "done"}, phase${i}, ${stamp(p.start)}, ${stamp(p.end)}`,
    ),
  ];
  if (milestones.length > 0) {
    lines.push("    section Events");
    milestones.forEach((m, i) => lines.push(`    ${m.label} :milestone, event${i}, ${stamp(m.at)}, 0m`));
  }
  return new MermaidDiagram(lines.join("\n"));
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

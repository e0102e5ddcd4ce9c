import type { RcaState, RcaUpdate } from "../../analysis/rca-state.js";
import { safeText } from "../../markdown/safe-text.js";
import { rcaOf, withRca } from "../../reports/data/report-state.js";
import type { EventScope } from "../event-scope.js";

export interface OperationResult {
  reply?: string;
  ok: boolean;
}

/**
 * Loads the incident's RCA notes, applies one pure change and stores the result in the
 * card. A note already recorded with the same author, time and text (a redelivered comment)
 * is not added again.
 */
export async function updateRca(
  scope: EventScope,
  issue: number,
  change: (rca: RcaState) => RcaUpdate,
): Promise<OperationResult> {
  const loaded = await scope.incident(issue);
  if (!loaded.state) return { ok: false, reply: "This issue is not a declared incident." };
  const before = rcaOf(loaded.state);
  const update = change(before);
  if (!update.ok) return { ok: false, reply: safeText(update.error) };
  const after = dropRepeats(before, update.state);
  if (JSON.stringify(after) === JSON.stringify(before)) return { ok: true };
  scope.recordState(issue, withRca(loaded.state, after));
  return { ok: true };
}

type Entry = { text: string; author: string; at: string };
const same = (a: Entry, b: Entry) => a.text === b.text && a.author === b.author && a.at === b.at;

function dropRepeats(before: RcaState, after: RcaState): RcaState {
  const fresh = <T extends Entry>(old: readonly T[], next: readonly T[]): T[] =>
    next.length === old.length + 1 && old.some((e) => same(e, next.at(-1)!)) ? [...old] : [...next];
  return {
    ...after,
    whys: fresh(before.whys, after.whys),
    causes: fresh(before.causes, after.causes),
    factors: fresh(before.factors, after.factors),
    lessons: fresh(before.lessons, after.lessons),
  };
}

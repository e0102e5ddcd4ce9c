import type { Config } from "../../config/schema.js";
import type { Effect } from "../../effects/effect.js";
import type { IssueSnapshot } from "../../incident/decide-declaration.js";
import type { IncidentState, StampedText } from "../../incident/incident-state.js";
import type { LabelNames } from "../../incident/label-names.js";
import type { StatusHistory } from "../../incident/status-history.js";

/** An incident as a command sees it; `state` already holds what earlier commands in the same comment did. */
export interface IncidentView {
  issue: IssueSnapshot;
  history: StatusHistory;
  state: IncidentState;
}

/** Who ran a command, when (the comment's own time on GitHub) and where. */
export interface CommandInput<A> {
  incident: IncidentView;
  args: A;
  actor: string;
  at: string;
  commentId: number;
  commentUrl: string;
  line: number;
  config: Config;
  names: LabelNames;
  /** Logins that can be assigned in this repository, checked before the command ran. */
  assignable: ReadonlySet<string>;
}

export interface CommandOutcome {
  ok: boolean;
  state: IncidentState;
  effects: Effect[];
  /** Markdown for the commenter; only when there is something to say. */
  reply?: string;
  /** An issue the effects create, and how to record its number once it exists. */
  created?: { key: string; record(state: IncidentState, number: number): IncidentState };
}

export type CommandDecision<A> = (input: CommandInput<A>) => CommandOutcome;

/** Longest text kept per note or update in the card state; the comment itself keeps the rest. */
export const ENTRY_TEXT_LIMIT = 1_000;
/** Notes and updates kept in the card state (the oldest go first; the comments stay on the issue). */
export const ENTRY_LIMIT = 100;

export function stampedEntry(input: CommandInput<unknown>, text: string): StampedText {
  const short = text.length > ENTRY_TEXT_LIMIT ? `${text.slice(0, ENTRY_TEXT_LIMIT)}…` : text;
  return { at: input.at, by: input.actor, text: short, url: input.commentUrl };
}

export function appendCapped<T>(list: readonly T[], item: T): T[] {
  return [...list, item].slice(-ENTRY_LIMIT);
}

export function unchanged(input: CommandInput<unknown>, reply?: string, ok = true): CommandOutcome {
  return { ok, state: input.incident.state, effects: [], reply };
}

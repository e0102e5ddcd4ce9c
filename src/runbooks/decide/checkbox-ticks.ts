import type { RunbookEvent } from "../engine/runbook-event.js";

export interface CheckboxTicks {
  /** The manual steps newly ticked in the edit (see `parseTickedSteps`). */
  ticked: readonly string[];
  /** Who edited the comment. */
  editor: string;
  /** Whether the editor has the permission to complete steps (only asked when something was ticked). */
  permitted: boolean;
  /** The permission it takes (`permissions.commands`), for the refusal. */
  needed: string;
  /** The delivery, so each refused edit is answered once. */
  deliveryId: string;
}

/**
 * What ticking boxes in a runbook comment means: a permitted editor's ticks complete their
 * steps; an unpermitted editor's ticks complete nothing and get one reply saying why (the
 * comment is written back from state either way, which unticks them).
 */
export function decideCheckboxTicks(input: CheckboxTicks): {
  events: RunbookEvent[];
  refusal?: { key: string; body: string };
} {
  const { ticked, editor } = input;
  if (ticked.length === 0) return { events: [] };
  if (input.permitted)
    return { events: ticked.map((stepId) => ({ type: "stepCompleted", stepId, by: editor })) };
  return {
    events: [],
    refusal: {
      key: `tick-refused-${input.deliveryId}`,
      body: `@${editor} only people with at least \`${input.needed}\` access can complete runbook steps, so the box was unticked.`,
    },
  };
}

import { safeText } from "../../markdown/safe-text.js";
import { stripControlCharacters } from "../../markdown/strip-control-characters.js";
import type { ActionArgs } from "../parse/args/action.js";
import type { CommandDecision } from "./command-input.js";
import { unchanged } from "./command-input.js";

/** `/action <text> [@owner]`: a follow-up issue, linked both ways (its body names the incident; the card lists it). */
export const action: CommandDecision<ActionArgs> = (input) => {
  const { args, incident, config, actor } = input;
  if (args.owner && !input.assignable.has(args.owner))
    return unchanged(
      input,
      `\`${args.owner}\` cannot own the action: they cannot be assigned in this repository.`,
      false,
    );
  const key = `action-${input.commentId}-${input.line}`;
  const body = [
    `Follow-up from incident #${incident.issue.number}, raised by @${actor}.`,
    "",
    `> ${safeText(args.title)}`,
  ].join("\n");
  return {
    ok: true,
    state: incident.state,
    effects: [
      {
        kind: "createIssue",
        key,
        // A title renders no HTML and pings nobody: it is kept as typed.
        title: stripControlCharacters(args.title).trim(),
        body,
        labels: [config.labels.follow_up],
        assignees: args.owner ? [args.owner] : [],
      },
    ],
    created: {
      key,
      record: (state, number) =>
        state.actions.some((a) => a.issue === number)
          ? state
          : {
              ...state,
              actions: [
                ...state.actions,
                {
                  at: input.at,
                  by: actor,
                  issue: number,
                  title: args.title.slice(0, 256),
                  owner: args.owner,
                },
              ],
            },
    },
  };
};

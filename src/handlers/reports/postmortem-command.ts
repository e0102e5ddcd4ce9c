import type { PostmortemArgs } from "../../commands/parse/args/postmortem.js";
import type { EventScope } from "../event-scope.js";
import { generatePostmortem } from "./generate-postmortem.js";

/**
 * `/postmortem`: opens the postmortem pull request, or regenerates it on the same branch
 * and pull request. Works whatever `postmortem.when` says, except `off`. The outcome is
 * posted on the incident by the operation itself, so there is no reply.
 */
export async function postmortemCommand(
  scope: EventScope,
  issue: number,
  _args: PostmortemArgs,
  _actor: string,
  at: string,
): Promise<{ reply?: string; ok: boolean }> {
  if (scope.config.postmortem.when === "off") {
    return {
      ok: false,
      reply: "Postmortems are turned off here (`postmortem.when: off` in `.github/firewatch.yml`).",
    };
  }
  const outcome = await generatePostmortem(
    scope,
    issue,
    at,
    `command-${issue}-${at.replace(/[^0-9]/g, "")}`,
  );
  return { ok: outcome.ok };
}

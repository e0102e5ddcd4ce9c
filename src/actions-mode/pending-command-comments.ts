import { parseCommands } from "../commands/parse/parse-commands.js";
import { incidentStateSchema } from "../incident/incident-state.js";
import { CARD_KEY, STATE_BLOCK } from "../incident/render-card.js";
import { hasMarker, readDataBlock } from "../markdown/hidden-block.js";

/** A comment as `GET /repos/{o}/{r}/issues/{n}/comments` returns it (the fields used here). */
export interface ListedComment {
  id: number;
  body?: string;
  created_at: string;
  user: { login: string; type?: string } | null;
}

/**
 * How far back a run looks for unhandled commands: far longer than a run waits in a
 * concurrency group, and short enough that the first run after Actions mode is set up does
 * not answer the commands of years past.
 */
export const PENDING_LOOK_BACK_MS = 24 * 60 * 60 * 1000;

/**
 * The comments of an issue whose slash commands the app has not handled yet, oldest first,
 * among those written in the last {@link PENDING_LOOK_BACK_MS} before `now`.
 * In Actions mode there is no store of handled deliveries, and GitHub keeps only the newest
 * pending run of a concurrency group, so a run cannot rely on being started for every
 * comment: it handles every comment still pending. What the app already wrote says which:
 *
 * - the card's hidden state lists the comments whose incident commands ran (`handled`);
 * - a comment the app answered has the app's reply, keyed `reply-<comment id>`;
 * - a `/declare` that worked leaves the card, written after the comment.
 *
 * Every comment with a command ends in one of these three, so a comment in none of them was
 * never handled. Only comments by people count (the app ignores bots), and only the app's
 * own comments (by `appLogin`) are trusted for the state and the replies.
 */
export function pendingCommandComments<C extends ListedComment>(
  comments: readonly C[],
  appLogin: string,
  now: Date,
): C[] {
  const since = now.getTime() - PENDING_LOOK_BACK_MS;
  const byApp = comments.filter((c) => c.user?.type === "Bot" && c.user.login === appLogin);
  const card = byApp.find((c) => hasMarker(c.body, CARD_KEY));
  const parsed = card ? incidentStateSchema.safeParse(readDataBlock(card.body, STATE_BLOCK)) : undefined;
  const handled = new Set(parsed?.success ? parsed.data.handled : []);
  const replied = (id: number) => byApp.some((c) => hasMarker(c.body, `reply-${id}`));
  const declaredBy = (c: C) =>
    card !== undefined &&
    Date.parse(card.created_at) >= Date.parse(c.created_at) &&
    parseCommands(c.body ?? "").commands.some((command) => command.name === "declare");
  return comments
    .filter((c) => c.user?.type !== "Bot" && Date.parse(c.created_at) >= since)
    .filter((c) => parseCommands(c.body ?? "").commands.length > 0)
    .filter((c) => !handled.has(c.id) && !replied(c.id) && !declaredBy(c))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
}

import type { GitHubStandIn } from "../../test/support/github/github-stand-in.js";

/** One thing that happened in the story, for the index. */
export interface StoryEvent {
  at: string;
  actor: string;
  what: string;
  /** Where a user would look: `issue-1.md`, `pull-2.md`… */
  where?: string;
}

/** The day of the incident; times in the story are UTC on this day (or later days, as `+1d 10:30`). */
export const INCIDENT_DAY = "2026-03-12";

/** Plays people's actions on the stand-in's virtual clock and keeps a log of them. */
export class Story {
  readonly events: StoryEvent[] = [];

  constructor(private readonly gh: GitHubStandIn) {}

  /** Moves the clock to `HH:MM` on the incident day, or `+Nd HH:MM` for a later day. Never backwards. */
  at(time: string): this {
    const match = /^(?:\+(\d+)d )?(\d{2}):(\d{2})$/.exec(time);
    if (!match) throw new Error(`story: not a time: ${time}`);
    const day = new Date(`${INCIDENT_DAY}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + Number(match[1] ?? 0));
    day.setUTCHours(Number(match[2]), Number(match[3]));
    const now = this.gh.clock.now();
    if (day < now) throw new Error(`story: ${time} is before the clock (${now.toISOString()})`);
    this.gh.clock.set(day);
    return this;
  }

  /** Something that happened outside GitHub (an alert, a chat message), for the index only. */
  note(actor: string, what: string): void {
    this.log(actor, what);
  }

  log(actor: string, what: string, where?: string): void {
    this.events.push({ at: this.gh.clock.iso(), actor, what, ...(where && { where }) });
  }

  /** A person comments on an issue; the app's reactions are delivered before this returns. */
  async comment(actor: string, issue: number, body: string, what?: string): Promise<number> {
    const id = this.gh.as(actor).comment(issue, body);
    this.log(actor, what ?? firstLine(body), `issue-${issue}.md`);
    await this.gh.settle();
    return id;
  }
}

function firstLine(body: string): string {
  const lines = body.split("\n").filter((line) => line.trim() !== "");
  const first = lines[0] ?? "";
  return lines.length > 1 ? `${first} (+${lines.length - 1} more lines)` : first;
}

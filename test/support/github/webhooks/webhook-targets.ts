import { newSeed, seededRandom } from "./seeded-random.js";

/** How a delivery picks one of several targets (replicas behind a load balancer). */
export interface TargetChoice {
  /** "round-robin" (default): 1st delivery to the 1st target, 2nd to the 2nd, …; "random": seeded. */
  pick?: "round-robin" | "random";
  /** Seed of "random" (default: `BURST_SEED` or a fresh one, see `seed`). */
  seed?: number;
}

/**
 * Where webhooks are POSTed. One URL is the in-process app; several are replicas, and each
 * POST — including the second copy of a duplicated delivery — picks one on its own, as a
 * load balancer would, so the two copies of a delivery may land on different replicas.
 */
export class WebhookTargets {
  private urls: string[] = [];
  private turn = 0;
  private random: (() => number) | undefined;
  /** The seed of the "random" choice in use, for a failing test to print. */
  seed: number | undefined;

  set(urls: string | readonly string[] | undefined, choice: TargetChoice = {}): void {
    this.urls = urls === undefined ? [] : typeof urls === "string" ? [urls] : [...urls];
    this.turn = 0;
    this.seed = choice.pick === "random" ? (choice.seed ?? newSeed()) : undefined;
    this.random = this.seed === undefined ? undefined : seededRandom(this.seed);
  }

  get all(): readonly string[] {
    return this.urls;
  }

  /** @throws when no target is set: the app was never started. */
  pick(): string {
    if (this.urls.length === 0) throw new Error("settle(): no webhook target set (start the app first)");
    const index = this.random ? Math.floor(this.random() * this.urls.length) : this.turn++ % this.urls.length;
    return this.urls[index] as string;
  }
}

/**
 * What the replica scenarios share: the incident test/incident/concurrency.test.ts uses (its
 * config, critical runbook and form), readers for what a person sees in an issue (the card,
 * its hidden state), the seed that splits deliveries between replicas, and a log of the
 * stand-in's writes with the moment each was carried out.
 */
import { onTestFailed } from "vitest";
import { defaultHandlers } from "../support/github/handlers/default-handlers.js";
import type { HandlerRegistry } from "../support/github/handlers/operation-handler.js";
import type { GitHubStandIn } from "../support/github/github-stand-in.js";

export {
  CARD_HEADING,
  cards,
  cardOf,
  stateOf,
  noteTexts,
  CONFIG,
  CRITICAL_RUNBOOK,
  FORM_BODY,
} from "../support/incident-fixtures.js";

/**
 * The seed of the random split of deliveries between replicas: `REPLICA_SEED` to replay one,
 * else a fresh one. Printed when the test fails, with the burst's seed (`BURST_SEED`).
 */
export function replicaSeed(): number {
  const replay = Number(process.env.REPLICA_SEED);
  return process.env.REPLICA_SEED && Number.isInteger(replay)
    ? replay
    : Math.floor(Math.random() * 2 ** 31);
}

/** Call inside a test: on failure, prints how to replay its split and its last burst. */
export function printSeedsOnFailure(gh: GitHubStandIn, split: number): void {
  onTestFailed(() => {
    const burst = gh.lastBurstSeed === undefined ? "" : ` BURST_SEED=${gh.lastBurstSeed}`;
    console.error(`replicas: replay with REPLICA_SEED=${split}${burst}`);
  });
}

/** A write the stand-in carried out: which operation, and when (epoch ms) its handler ran. */
export interface TimedWrite {
  operationId: string;
  at: number;
}

/** Operations that change something (an installation token is not a change to the repository). */
const WRITE = /^(?!apps\/)[^/]+\/(create|update|add|set|remove|delete|merge|request)(-|$)/;

/**
 * The stand-in's own handlers, each write also noted with the moment it was applied: what
 * GitHub's timeline would show, to the millisecond. Pass `handlers` to the scenario.
 */
export function timedWrites(): { handlers: HandlerRegistry; writes: TimedWrite[] } {
  const writes: TimedWrite[] = [];
  const handlers: HandlerRegistry = {};
  for (const [operationId, handler] of Object.entries(defaultHandlers)) {
    if (!WRITE.test(operationId)) continue;
    handlers[operationId] = (ctx) => {
      writes.push({ operationId, at: Date.now() });
      return handler(ctx);
    };
  }
  return { handlers, writes };
}

/** The deliveries recorded from index `from` on (a scenario shared by several tests). */
export const deliveriesSince = (gh: GitHubStandIn, from: number) => gh.deliveries.slice(from);

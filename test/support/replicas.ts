import { appEnv, WEBHOOK_SECRET } from "./app-credentials.js";
import { printBurstSeedOnFailure } from "./burst-seed-on-failure.js";
import { GitHubStandIn } from "./github/github-stand-in.js";
import type { HandlerRegistry } from "./github/handlers/operation-handler.js";
import type { RepositorySeed } from "./github/state/github-state.js";
import { createWallClock } from "./github/state/wall-clock.js";
import type { TargetChoice } from "./github/webhooks/webhook-targets.js";
import { DEFAULT_REPO } from "./harness.js";
import { spawnReplica, type ReplicaProcess } from "./replica-process.js";
import { rsaKeyPair } from "./rsa-key-pair.js";

export interface ReplicaOptions {
  /** How many app processes (default 2). */
  count?: number;
  /** The process's entry, relative to the project root (default: Firewatch, test/support/app-process.ts). */
  entry?: string;
  /** Added to every replica's environment, e.g. REDIS_URL, FIREWATCH_LOCK_LEASE_MS. */
  env?: Record<string, string>;
  /** How deliveries are split between the replicas (default round-robin). */
  pick?: TargetChoice;
  repo?: RepositorySeed;
  handlers?: HandlerRegistry;
  maxDeliveries?: number;
  /** How long a replica may take to print its port (default 60 s: tsx compiles the app first). */
  startTimeoutMs?: number;
}

export interface ReplicaScenario {
  /** The stand-in, on a clock following real time (the replicas run on the real clock). */
  gh: GitHubStandIn;
  /** Every replica started, killed ones included; `replicas[i].index === i`. */
  replicas: readonly ReplicaProcess[];
  /** The replicas busy with a webhook POST right now (e.g. the one a held request belongs to). */
  busy(): ReplicaProcess[];
  /** SIGKILL, mid-whatever it is doing; resolves once it is dead and no longer gets deliveries. */
  kill(index: number): Promise<void>;
  /** SIGTERM to the live replicas, stops the stand-in, then throws if it recorded failures. */
  stop(): Promise<void>;
}

/**
 * Starts the stand-in and `count` app processes sharing its webhooks, like replicas behind a
 * load balancer: same credentials (REPLICA_INDEX tells each its number), separate memory.
 */
export async function startReplicas(options: ReplicaOptions = {}): Promise<ReplicaScenario> {
  const { privateKey, publicKey } = rsaKeyPair();
  const gh = await GitHubStandIn.start({
    appPublicKey: publicKey,
    webhookSecret: WEBHOOK_SECRET,
    clock: createWallClock(),
    handlers: options.handlers,
    maxDeliveries: options.maxDeliveries,
  });
  // alice, as in startFirewatch, has the triage role labelling issues (and declaring) takes.
  gh.addRepository(options.repo ?? { ...DEFAULT_REPO, collaborators: { alice: "triage" } });
  await printBurstSeedOnFailure(gh);
  const entry = options.entry ?? "test/support/app-process.ts";
  const env = (index: number) => ({ ...appEnv(gh, privateKey), REPLICA_INDEX: String(index), ...options.env });
  const started = await Promise.allSettled(
    Array.from({ length: options.count ?? 2 }, (_, index) => spawnReplica(index, entry, env(index), options.startTimeoutMs ?? 60_000)),
  );
  const replicas = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stopAll(replicas);
    await gh.stop();
    throw failed.reason;
  }

  const route = () => gh.setWebhookTargets(replicas.filter((r) => !r.exit).map((r) => r.webhookUrl), options.pick);
  route();
  // A replica that dies on its own is a failure of the test, shown with what it printed;
  // a load balancer would stop sending it deliveries, so the stand-in does too.
  const killed = new Set<number>();
  let stopping = false;
  for (const replica of replicas) {
    void replica.exited.then((exit) => {
      route();
      if (killed.has(replica.index) || (stopping && exit.code === 0)) return;
      gh.failures.add(`replica ${replica.index} exited (code ${exit.code}, signal ${exit.signal})${stopping ? " on SIGTERM" : ""}:\n${replica.output()}`);
    });
  }
  return {
    gh,
    replicas,
    busy: () => {
      const targets = new Set(gh.deliveriesInFlight.map((delivery) => delivery.target));
      return replicas.filter((replica) => targets.has(replica.webhookUrl));
    },
    async kill(index) {
      const replica = replicas[index];
      if (!replica) throw new Error(`kill(${index}): there are ${replicas.length} replicas`);
      killed.add(index);
      replica.signal("SIGKILL");
      await replica.exited;
    },
    async stop() {
      stopping = true;
      await stopAll(replicas);
      await gh.stop();
      gh.assertClean();
    },
  };
}

/** SIGTERM, then SIGKILL whatever has not exited after 5 s. */
async function stopAll(replicas: readonly ReplicaProcess[]): Promise<void> {
  await Promise.all(
    replicas
      .filter((replica) => !replica.exit)
      .map(async (replica) => {
        replica.signal("SIGTERM");
        const timer = setTimeout(() => replica.signal("SIGKILL"), 5_000);
        await replica.exited;
        clearTimeout(timer);
      }),
  );
}

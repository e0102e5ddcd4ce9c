import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Coordination } from "../../src/coordination/coordination.js";
import { connectCoordination } from "../../src/coordination/connect-coordination.js";
import { CoordinationUnavailable } from "../../src/coordination/coordination-unavailable.js";
import { DELIVERY_TTL_SECONDS, deliveryKey, lockKey } from "../../src/coordination/redis-keys.js";
import { freePort, startRedis, type RedisServer } from "../support/redis-server.js";
import { deferred } from "./deferred.js";

// Short leases keep the folder fast (the code is the same as with the 30 s default); a third
// of one (500 ms) is still ample slack for a renewal on a busy CI machine.
const LEASE_MS = 1_500;

let redis: RedisServer;
let inspect: Redis;
const opened: Coordination[] = [];

beforeAll(async () => {
  redis = await startRedis();
  inspect = new Redis(redis.url);
});

afterAll(async () => {
  await Promise.all(opened.map((coordination) => coordination.close()));
  inspect?.disconnect();
  await redis?.stop();
});

/** A replica: its own Coordination with its own ioredis connection. */
async function replica(url = redis.url, env: NodeJS.ProcessEnv = {}): Promise<Coordination> {
  const coordination = await connectCoordination({
    REDIS_URL: url,
    FIREWATCH_LOCK_LEASE_MS: String(LEASE_MS),
    ...env,
  });
  opened.push(coordination);
  return coordination;
}

/** Waits until `check` holds, polling; fails the test after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(20);
  }
}

/** The promise's rejection, or a failure if it settles as a success or not within `ms` (a hang). */
async function rejectionOf(promise: Promise<unknown>, ms = 8_000): Promise<unknown> {
  const hung = sleep(ms).then(() => {
    throw new Error(`still pending after ${ms} ms: it hangs instead of failing fast`);
  });
  return Promise.race([
    promise.then(
      () => {
        throw new Error("resolved, but a rejection was expected");
      },
      (error: unknown) => error,
    ),
    hung,
  ]);
}

describe("Redis coordination (a real redis-server)", () => {
  it("is chosen by REDIS_URL", async () => {
    expect((await replica()).kind).toBe("redis");
  });

  it("keeps a second replica out of a held key until the first is done; other keys stay free", async () => {
    const [first, second] = [await replica(), await replica()];
    const key = "acme/ops#1";
    const gate = deferred();
    const log: string[] = [];
    const holding = first.withLock(key, async () => {
      log.push("first start");
      await gate.promise;
      log.push("first end");
    });
    await until(() => log.includes("first start"));
    const waiting = second.withLock(key, async () => {
      log.push("second start");
    });
    // Another incident is not held up by this one.
    expect(await second.withLock("acme/ops#2", async () => "other key")).toBe("other key");
    await sleep(400);
    expect(log).toEqual(["first start"]);
    gate.resolve();
    await Promise.all([holding, waiting]);
    expect(log).toEqual(["first start", "first end", "second start"]);
    expect(await inspect.exists(lockKey(key))).toBe(0);
  });

  it("renews the lease while the work runs longer than it, so the waiter does not get in", async () => {
    const [first, second] = [await replica(), await replica()];
    const key = "acme/ops#3";
    const log: string[] = [];
    const holding = first.withLock(key, async () => {
      log.push("first start");
      await sleep(LEASE_MS * 2.5);
      log.push("first end");
    });
    await until(() => log.includes("first start"));
    const waiting = second.withLock(key, async () => log.push("second start"));
    await sleep(LEASE_MS * 1.5);
    expect(log).toEqual(["first start"]);
    expect(await inspect.pttl(lockKey(key))).toBeGreaterThan(0); // renewed past its first lease
    await Promise.all([holding, waiting]);
    expect(log).toEqual(["first start", "first end", "second start"]);
  });

  it("releases at once when the work throws, and passes the error on", async () => {
    const [first, second] = [await replica(), await replica()];
    const key = "acme/ops#4";
    await expect(
      first.withLock(key, async () => {
        throw new Error("GitHub said 500");
      }),
    ).rejects.toThrow("GitHub said 500");
    expect(await inspect.exists(lockKey(key))).toBe(0);
    expect(await second.withLock(key, async () => "next")).toBe("next");
  });

  it("lets the next replica in after the lease of a holder that died runs out, and not before", async () => {
    const key = "acme/ops:alert:5f3a";
    const holder = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL("./fixtures/hold-lock.ts", import.meta.url)), key],
      {
        env: { ...process.env, REDIS_URL: redis.url, FIREWATCH_LOCK_LEASE_MS: String(LEASE_MS) },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    holder.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    holder.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(holder, "exit");
    await until(() => output.includes("locked") || holder.exitCode !== null, 20_000);
    expect(output).toContain("locked");
    // Held well past its first lease: the dead-to-be holder was renewing it.
    await sleep(LEASE_MS * 1.2);
    expect(await inspect.exists(lockKey(key))).toBe(1);

    holder.kill("SIGKILL");
    await exited;
    const measuredAt = Date.now();
    const left = await inspect.pttl(lockKey(key));
    expect(left).toBeGreaterThan(0); // dying did not release it: only the lease does

    const other = await replica();
    const gotAt = await other.withLock(key, async () => Date.now());
    // Redis expires keys to the millisecond; a little slack for the two clocks' reads.
    expect(gotAt).toBeGreaterThanOrEqual(measuredAt + left - 25);
  });

  it("shares handled delivery ids between replicas, kept for 7 days", async () => {
    const [first, second] = [await replica(), await replica()];
    expect(await second.isHandled("delivery-1")).toBe(false);
    await first.markHandled("delivery-1");
    expect(await second.isHandled("delivery-1")).toBe(true);
    expect(await second.isHandled("delivery-2")).toBe(false);
    const ttl = await inspect.ttl(deliveryKey("delivery-1"));
    expect(ttl).toBeGreaterThan(DELIVERY_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(DELIVERY_TTL_SECONDS);
  });

  it("gives up on a busy lock after FIREWATCH_LOCK_WAIT_MS with a 503, without running the work", async () => {
    const [first, second] = [
      await replica(),
      await replica(redis.url, { FIREWATCH_LOCK_WAIT_MS: "300" }),
    ];
    const gate = deferred();
    const holding = first.withLock("acme/ops#6", () => gate.promise);
    await until(async () => (await inspect.exists(lockKey("acme/ops#6"))) === 1);
    let ran = false;
    const error = await rejectionOf(second.withLock("acme/ops#6", async () => (ran = true)));
    expect(error).toBeInstanceOf(CoordinationUnavailable);
    expect((error as Error).message).toMatch(/another replica still holds it/);
    expect(ran).toBe(false);
    gate.resolve();
    await holding;
  });
});

describe("Redis lost while running", () => {
  it("fails fast with CoordinationUnavailable (503), and recovers when Redis is back", async () => {
    const own = await startRedis();
    try {
      const coordination = await replica(own.url);
      expect(await coordination.withLock("acme/ops#7", async () => "before")).toBe("before");

      own.kill();
      let ran = false;
      const error = await rejectionOf(
        coordination.withLock("acme/ops#7", async () => (ran = true)),
      );
      expect(error).toBeInstanceOf(CoordinationUnavailable);
      expect((error as CoordinationUnavailable).status).toBe(503);
      expect((error as Error).message).toContain(`REDIS_URL ${own.url}`);
      expect(ran).toBe(false);
      expect(await rejectionOf(coordination.isHandled("d-7"))).toBeInstanceOf(
        CoordinationUnavailable,
      );
      expect(await rejectionOf(coordination.markHandled("d-7"))).toBeInstanceOf(
        CoordinationUnavailable,
      );

      // Redis comes back on the same address: the replica reconnects by itself.
      await own.stop();
      const back = await startRedis(own.port);
      try {
        let result: unknown;
        await until(async () => {
          result = await coordination
            .withLock("acme/ops#7", async () => "after")
            .catch(() => undefined);
          return result !== undefined;
        });
        expect(result).toBe("after");
      } finally {
        await back.stop();
      }
    } finally {
      await own.stop();
    }
  });

  it("rejects with CoordinationUnavailable after the work when the lease could not be renewed", async () => {
    const own = await startRedis();
    try {
      const coordination = await replica(own.url);
      const error = await rejectionOf(
        coordination.withLock("acme/ops#8", async () => {
          own.kill();
          await sleep(LEASE_MS * 1.5);
          return "done, but maybe not alone";
        }),
      );
      expect(error).toBeInstanceOf(CoordinationUnavailable);
      expect((error as Error).message).toMatch(/could not be renewed/);
    } finally {
      await own.stop();
    }
  });
});

describe("Redis unreachable at start", () => {
  it("rejects quickly with an error naming REDIS_URL and the address, password masked", async () => {
    const port = await freePort(); // nothing listens there
    const error = await rejectionOf(
      connectCoordination({ REDIS_URL: `redis://:s3cret@127.0.0.1:${port}` }),
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^REDIS_URL is set to redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).toContain("ECONNREFUSED");
    expect(message).toMatch(/unset REDIS_URL/);
    expect(message).not.toContain("s3cret");
  });

  it("rejects a REDIS_URL that is not a redis:// URL, without echoing it", async () => {
    await expect(connectCoordination({ REDIS_URL: "s3cret-host:6379" })).rejects.toThrow(
      /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    );
    await expect(connectCoordination({ REDIS_URL: "s3cret-host:6379" })).rejects.not.toThrow(
      /s3cret/,
    );
  });
});

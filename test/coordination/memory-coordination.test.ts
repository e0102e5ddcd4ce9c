import { describe, expect, it } from "vitest";
import { BoundedIdSet } from "../../src/coordination/bounded-id-set.js";
import { connectCoordination } from "../../src/coordination/connect-coordination.js";
import { CoordinationUnavailable } from "../../src/coordination/coordination-unavailable.js";
import { KeyedQueue } from "../../src/coordination/keyed-queue.js";
import { MemoryCoordination } from "../../src/coordination/memory-coordination.js";
import { deferred, settle } from "./deferred.js";

describe("KeyedQueue", () => {
  it("runs work for one key strictly one after another, in arrival order", async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, i) =>
      queue.run("acme/ops#42", async () => {
        log.push(`start ${i}`);
        await gate.promise;
        log.push(`end ${i}`);
        return i;
      }),
    );
    await settle();
    expect(log).toEqual(["start 0"]);
    // Releasing the last one first changes nothing: 1 and 2 are still waiting their turn.
    gates[2]!.resolve();
    gates[1]!.resolve();
    await settle();
    expect(log).toEqual(["start 0"]);
    gates[0]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(log).toEqual(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"]);
  });

  it("runs work for different keys in parallel", async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    const started: string[] = [];
    const a = queue.run("acme/ops#1", async () => {
      started.push("a");
      await gate.promise;
    });
    const b = queue.run("acme/ops#2", async () => {
      started.push("b");
      await gate.promise;
    });
    await settle();
    expect(started.sort()).toEqual(["a", "b"]);
    gate.resolve();
    await Promise.all([a, b]);
  });

  it("releases the key when work throws (also synchronously), and passes the error on", async () => {
    const queue = new KeyedQueue();
    const failing = queue.run("k", async () => {
      throw new Error("GitHub said no");
    });
    const throwingSync = queue.run("k", () => {
      throw new Error("thrown before any await");
    });
    const next = queue.run("k", async () => "ran");
    await expect(failing).rejects.toThrow("GitHub said no");
    await expect(throwingSync).rejects.toThrow("thrown before any await");
    expect(await next).toBe("ran");
  });

  it("drops a key's entry when its queue runs dry, so the map does not grow", async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    const runs = [
      queue.run("a", () => gate.promise),
      queue.run("a", async () => undefined),
      queue.run("b", async () => undefined),
    ];
    expect(queue.size).toBe(2);
    gate.resolve();
    await Promise.all(runs);
    await settle();
    expect(queue.size).toBe(0);
    for (let i = 0; i < 1_000; i++) await queue.run(`acme/ops#${i}`, async () => i);
    await settle();
    expect(queue.size).toBe(0);
  });

  it("gives up at the deadline with a 503 without running the work, and never lets the next caller overtake the holder", async () => {
    const queue = new KeyedQueue();
    const holder = deferred();
    const log: string[] = [];
    const first = queue.run("k", async () => {
      log.push("first start");
      await holder.promise;
      log.push("first end");
    });
    const impatient = queue.run("k", async () => log.push("impatient ran"), Date.now() + 50);
    const error = await impatient.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoordinationUnavailable);
    expect((error as CoordinationUnavailable).status).toBe(503);
    expect((error as Error).message).toContain('"k"');

    const patient = queue.run("k", async () => log.push("patient ran"));
    await settle();
    expect(log).toEqual(["first start"]);
    holder.resolve();
    await Promise.all([first, patient]);
    expect(log).toEqual(["first start", "first end", "patient ran"]);
  });
});

describe("BoundedIdSet", () => {
  it("keeps at most `capacity` ids, forgetting the least recently used", () => {
    const ids = new BoundedIdSet(3);
    ids.add("a");
    ids.add("b");
    ids.add("c");
    expect(ids.has("a")).toBe(true); // a is now the most recently used; b the least
    ids.add("d");
    expect(ids.size).toBe(3);
    expect(ids.has("b")).toBe(false);
    expect(["a", "c", "d"].every((id) => ids.has(id))).toBe(true);
  });

  it("holds 10,000 delivery ids in the memory coordination and no more", async () => {
    const coordination = new MemoryCoordination({ waitMs: 1_000 });
    for (let i = 0; i <= 10_000; i++) await coordination.markHandled(`delivery-${i}`);
    expect(await coordination.isHandled("delivery-0")).toBe(false);
    expect(await coordination.isHandled("delivery-1")).toBe(true);
    expect(await coordination.isHandled("delivery-10000")).toBe(true);
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new BoundedIdSet(0)).toThrow(RangeError);
  });
});

describe("MemoryCoordination", () => {
  it("is what connectCoordination gives without REDIS_URL, and it serialises one key", async () => {
    const infos: string[] = [];
    const coordination = await connectCoordination(
      { REDIS_URL: "  " },
      { info: (m) => infos.push(m), warn: () => undefined, error: () => undefined },
    );
    expect(coordination.kind).toBe("memory");
    expect(infos.join("\n")).toContain("REDIS_URL");

    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        coordination.withLock(i % 2 === 0 ? "acme/ops#1" : "acme/ops#2", async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 1));
          inside--;
        }),
      ),
    );
    // Two keys: at most one holder each, so never more than two inside at once.
    expect(most).toBe(2);
    expect((coordination as MemoryCoordination).busyKeys).toBe(0);
    await coordination.close();
  });

  it("records handled deliveries", async () => {
    const coordination = await connectCoordination({});
    expect(await coordination.isHandled("d-1")).toBe(false);
    await coordination.markHandled("d-1");
    expect(await coordination.isHandled("d-1")).toBe(true);
    expect(await coordination.isHandled("d-2")).toBe(false);
  });

  it("bounds the wait for a busy key by FIREWATCH_LOCK_WAIT_MS", async () => {
    const coordination = await connectCoordination({ FIREWATCH_LOCK_WAIT_MS: "30" });
    const holder = deferred();
    const held = coordination.withLock("k", () => holder.promise);
    await expect(coordination.withLock("k", async () => "never")).rejects.toBeInstanceOf(
      CoordinationUnavailable,
    );
    holder.resolve();
    await held;
    expect(await coordination.withLock("k", async () => "free again")).toBe("free again");
  });

  it("rejects a malformed lease or wait setting at start, naming the variable", async () => {
    await expect(connectCoordination({ FIREWATCH_LOCK_LEASE_MS: "30s" })).rejects.toThrow(
      /FIREWATCH_LOCK_LEASE_MS .*"30s"/,
    );
    await expect(connectCoordination({ FIREWATCH_LOCK_LEASE_MS: "100" })).rejects.toThrow(
      /FIREWATCH_LOCK_LEASE_MS/,
    );
    await expect(connectCoordination({ FIREWATCH_LOCK_WAIT_MS: "-1" })).rejects.toThrow(
      /FIREWATCH_LOCK_WAIT_MS/,
    );
  });
});

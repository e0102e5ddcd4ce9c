import { describe, expect, it } from "vitest";
import { MemoryCoordination } from "../../src/coordination/index.js";
import { sharedRedis } from "../support/shared-redis.js";

const redis = sharedRedis();

const replica = () => redis.coordination();

describe("claim: one replica does the work, the others skip it", () => {
  it("with Redis, exactly one of many replicas claiming at the same moment wins; another key is free", async () => {
    const replicas = await Promise.all([replica(), replica(), replica()]);
    const wins = await Promise.all(replicas.flatMap((r) => [r.claim("tick:1", 60), r.claim("tick:1", 60)]));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await replicas[1]!.claim("tick:2", 60)).toBe(true);
  });

  it("with Redis, a claim ends after its time, and then can be made again", async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    expect(await a.claim("short", 1)).toBe(true);
    expect(await b.claim("short", 1)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await b.claim("short", 1)).toBe(true);
  });

  it("in memory, the process claims each key once while the claim lasts", async () => {
    const memory = new MemoryCoordination({ waitMs: 1_000 });
    expect(await memory.claim("tick:1", 60)).toBe(true);
    expect(await memory.claim("tick:1", 60)).toBe(false);
    expect(await memory.claim("tick:2", 60)).toBe(true);
  });
});

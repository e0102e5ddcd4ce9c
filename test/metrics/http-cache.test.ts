import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheFileFor, fileHttpCache, userCacheDir } from "../../src/metrics/file-http-cache.js";
import { memoryHttpCache } from "../../src/metrics/http-cache.js";

describe("memoryHttpCache", () => {
  it("drops the least recently used entries beyond its bound", () => {
    const cache = memoryHttpCache(new Map(), 2);
    cache.set("a", { etag: "1", data: 1 });
    cache.set("b", { etag: "2", data: 2 });
    cache.get("a");
    cache.set("c", { etag: "3", data: 3 });
    expect([...cache.entries.keys()]).toEqual(["a", "c"]);
  });
});

describe("fileHttpCache", () => {
  it("keeps entries across runs in a private file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fw-cache-"));
    const path = cacheFileFor(join(dir, "firewatch"), "https://api.github.com", "acme/llm");
    const first = await fileHttpCache(path);
    expect(first.size).toBe(0);
    await first.set("/repos/acme/llm/issues", { etag: '"x"', data: { items: [1] } });
    await first.save();
    const second = await fileHttpCache(path);
    expect(await second.get("/repos/acme/llm/issues")).toEqual({ etag: '"x"', data: { items: [1] } });
    expect(path).toMatch(/metrics-acme_llm-[0-9a-f]{16}\.json$/);
  });

  it("treats a corrupt file as an empty cache", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fw-cache-"));
    const path = join(dir, "c.json");
    await writeFile(path, "{not json");
    const cache = await fileHttpCache(path);
    expect(cache.size).toBe(0);
    await cache.save();
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ version: 1, entries: {} });
  });

  it("lives under XDG_CACHE_HOME when set", () => {
    expect(userCacheDir({ XDG_CACHE_HOME: "/x/cache" })).toBe("/x/cache/firewatch");
  });
});

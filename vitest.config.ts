import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Test files share their worker process (no fresh module graph per file): importing
    // Probot, the app and the stand-in's 13 MB OpenAPI description with its compiled
    // validators once per worker instead of once per file cut the suite from about 520 s to
    // about 110 s on a 2-core machine. The price: a test must leave no global state behind
    // (process.env, timers, the global dispatcher); the few that touch any restore it.
    isolate: false,
    // Vitest's default on N cores is N - 1 workers: one on CI's 2 cores. Much of the suite
    // waits on child processes (Redis, replicas, Alertmanager, the Actions entry point), so
    // at least two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});

/**
 * Firewatch as one replica, for test/support/replicas.ts: `node --import tsx app-process.ts`.
 * Unlike the in-process harness it runs on the real clock and really waits (`new Date()`,
 * `setTimeout`): another process cannot share the stand-in's virtual clock, so the stand-in
 * follows real time instead (wall-clock.ts). Coordination comes from the environment, as in
 * production: REDIS_URL for Redis shared by the replicas, else in memory (this process only).
 */
import { createApp } from "../../src/app/create-app.js";
import { connectCoordination, exitAtStartup, HandOverLog } from "../../src/coordination/index.js";
import { serveAppProcess } from "./serve-app-process.js";

const log = new HandOverLog();
const coordination = await connectCoordination(process.env, log).catch(exitAtStartup);
const app = createApp({
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  coordination,
  // The server's environment, as src/index.ts gives it: FIREWATCH_ALERT_TOKEN turns alerts on.
  env: process.env,
});

await serveAppProcess(
  (probot, options) => {
    log.use(probot.log.child({ name: "coordination" }));
    return app(probot, options);
  },
  () => coordination.close(),
);

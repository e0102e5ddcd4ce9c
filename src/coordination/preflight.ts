// Checks the coordination settings and REDIS_URL *before* Probot starts, when preloaded:
//
//   node --import ./lib/coordination/preflight.js node_modules/probot/bin/probot.js run ./lib/index.js
//
// Why: `probot run` connects its own throttle client to REDIS_URL before it imports the app,
// so with an unreachable Redis its "connect ECONNREFUSED" errors come first and the app's
// own clear line (src/index.ts makes the same check) only lands among them. Preloaded, this
// check exits with that line first and alone. Without a REDIS_URL it does nothing.
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { connectCoordination } from "./connect-coordination.js";
import { exitAtStartup } from "./exit-at-startup.js";
import { withholdRedisFromProbot } from "./redis-url.js";

// Probot reads `.env` itself later (without overriding what is set), so read it the same way.
const fromFile = existsSync(".env") ? parseEnv(readFileSync(".env", "utf8")) : {};
try {
  const coordination = await connectCoordination({ ...fromFile, ...process.env });
  await coordination.close();
} catch (error) {
  exitAtStartup(error);
}
// Then REDIS_URL is Firewatch's alone: Probot's throttle must not use it (redis-url.ts says why).
withholdRedisFromProbot(process.env, fromFile);

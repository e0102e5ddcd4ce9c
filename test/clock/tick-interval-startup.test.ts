import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/redis-server.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("FIREWATCH_TICK_INTERVAL at start", () => {
  it("a value that is not a duration stops the app with one line naming it", async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(REDIS_URL|FIREWATCH_|APP_ID|PRIVATE_KEY|WEBHOOK_|GHE_|HOST|PORT)/.test(name)));
    const child = spawn(process.execPath, ["--import", "tsx", "node_modules/probot/bin/probot.js", "run", "./src/index.ts"], {
      cwd: root,
      env: { ...env, APP_ID: "1", PRIVATE_KEY: rsaKeyPair().privateKey, WEBHOOK_SECRET: "x", NODE_ENV: "production", PORT: String(await freePort()), FIREWATCH_TICK_INTERVAL: "every minute" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const [code] = (await once(child, "exit")) as [number | null];
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    expect(output.trim().split("\n").at(-1)).toBe(
      'Firewatch cannot start: FIREWATCH_TICK_INTERVAL: "every minute" is not a duration such as 30s, 1m or 5m (or a number of seconds, or "off"); unset it for one minute.',
    );
  }, 30_000);
});

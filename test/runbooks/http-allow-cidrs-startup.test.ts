import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/redis-server.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("FIREWATCH_HTTP_ALLOW_CIDRS at start", () => {
  it("a value that is not a list of CIDRs stops the app with one line naming it", async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(REDIS_URL|FIREWATCH_|APP_ID|PRIVATE_KEY|WEBHOOK_|GHE_|HOST|PORT)/.test(name)));
    const child = spawn(process.execPath, ["--import", "tsx", "node_modules/probot/bin/probot.js", "run", "./src/index.ts"], {
      cwd: root,
      env: { ...env, APP_ID: "1", PRIVATE_KEY: rsaKeyPair().privateKey, WEBHOOK_SECRET: "x", NODE_ENV: "production", PORT: String(await freePort()), FIREWATCH_HTTP_ALLOW_CIDRS: "10.0.0.0/8, intranet" },
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
      'Firewatch cannot start: FIREWATCH_HTTP_ALLOW_CIDRS: "intranet" is not a network such as 10.20.0.0/16 or fd00:1::/64 (comma-separated); unset it to allow no private network.',
    );
  }, 30_000);
});

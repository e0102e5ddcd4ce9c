import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startRedis, type RedisServer } from "../support/redis-server.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";

// The app started as `npm start` starts it (`probot run` on the app's entry), with tsx in
// place of the build so the test does not depend on `npm run build`.
const root = fileURLToPath(new URL("../..", import.meta.url));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startApp(env: NodeJS.ProcessEnv, preload: string[] = []): Started {
  const base = { ...process.env };
  for (const name of Object.keys(base)) {
    if (
      /^(REDIS_URL|FIREWATCH_|APP_ID|PRIVATE_KEY|WEBHOOK_|GHE_|WEBHOOK_PROXY_URL|HOST|PORT)/.test(
        name,
      )
    )
      delete base[name];
  }
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      ...preload.flatMap((file) => ["--import", file]),
      "node_modules/probot/bin/probot.js",
      "run",
      "./src/index.ts",
    ],
    {
      cwd: root,
      env: {
        ...base,
        APP_ID: "1",
        PRIVATE_KEY: rsaKeyPair().privateKey,
        WEBHOOK_SECRET: "x",
        NODE_ENV: "production",
        LOG_LEVEL: "info",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, output: () => output, exited };
}

describe("starting the app with REDIS_URL", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  /** Resolves with the exit code, or kills the app and fails when it is still running after 20 s. */
  async function exitCode(app: Started): Promise<number | null> {
    const code = await Promise.race([
      app.exited,
      sleep(20_000).then(() => "still running" as const),
    ]);
    if (code === "still running") {
      app.child.kill("SIGKILL");
      throw new Error(`the app did not exit:\n${app.output()}`);
    }
    return code;
  }

  it("exits non-zero with a line naming REDIS_URL when Redis does not answer (plain `probot run`)", async () => {
    const port = await freePort(); // nothing listens there
    const app = startApp({
      REDIS_URL: `redis://:s3cret@127.0.0.1:${port}`,
      PORT: String(await freePort()),
    });
    expect(await exitCode(app)).not.toBe(0);
    // Probot's own throttle client logs its connection errors before it loads the app, so
    // here Firewatch's line comes among them, not first (the preflight below fixes that).
    expect(app.output()).toMatch(
      new RegExp(
        `^Firewatch cannot start: REDIS_URL is set to redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}.*ECONNREFUSED`,
        "m",
      ),
    );
    expect(app.output()).not.toContain("s3cret");
  });

  it("with the preflight preloaded, exits non-zero with that line first and alone", async () => {
    const port = await freePort();
    const app = startApp(
      { REDIS_URL: `redis://:s3cret@127.0.0.1:${port}`, PORT: String(await freePort()) },
      ["./src/coordination/preflight.ts"],
    );
    expect(await exitCode(app)).not.toBe(0);
    const lines = app.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Firewatch cannot start: REDIS_URL is set to redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}.*ECONNREFUSED.*unset REDIS_URL`,
      ),
    );
    expect(app.output()).not.toContain("s3cret");
  });

  it("starts and listens with a real Redis: ioredis is there for Probot's throttle too", async () => {
    const port = await freePort();
    const app = startApp({ REDIS_URL: redis.url, PORT: String(port), HOST: "127.0.0.1" });
    try {
      let status = 0;
      const deadline = Date.now() + 20_000;
      while (status === 0 && app.child.exitCode === null && Date.now() < deadline) {
        status = await fetch(`http://127.0.0.1:${port}/probot`).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 0) await sleep(100);
      }
      expect(app.child.exitCode, app.output()).toBeNull();
      expect(status, app.output()).toBeGreaterThan(0);
      expect(app.output()).toContain("coordination through Redis at redis://127.0.0.1:");

      // Probot's throttle (Bottleneck on ioredis) connects beside ours: more than one client.
      const inspect = new Redis(redis.url);
      try {
        const clients = (await inspect.client("LIST")) as string;
        expect(clients.trim().split("\n").length).toBeGreaterThanOrEqual(3);
      } finally {
        inspect.disconnect();
      }
      await sleep(300);
      expect(app.child.exitCode, app.output()).toBeNull();
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
    }
  });
});

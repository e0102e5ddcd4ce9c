import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** A redis-server of the test's own, on 127.0.0.1. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Shuts it down (SIGTERM, SIGKILL if it lingers) and removes its folder. */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash or a lost network would; its folder stays until stop(). */
  kill(): void;
}

const INSTALL_HINT =
  "redis-server is not installed. Install Debian's package: `apt-get update && apt-get install -y redis-server` (.ci/run does this on a fresh machine).";

/**
 * Starts Debian's `redis-server` binary on a free port of 127.0.0.1, without persistence,
 * in a temporary folder, and resolves once it answers PING. Never a system service: each
 * test file starts its own. A missing binary throws (tests fail, they never skip). `port`
 * reuses a port, to restart a server a test killed.
 */
export async function startRedis(port?: number): Promise<RedisServer> {
  const version = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) throw new Error(INSTALL_HINT);

  for (let attempt = 1; ; attempt++) {
    const chosen = port ?? (await freePort());
    try {
      return await startOn(chosen);
    } catch (error) {
      // Another process can take a free port between our check and redis binding it.
      if (port !== undefined || attempt >= 3) throw error;
    }
  }
}

async function startOn(port: number): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), "firewatch-redis-"));
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const remove = () => rm(dir, { recursive: true, force: true });

  const deadline = Date.now() + 10_000;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      await remove();
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    }
    await sleep(50);
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => {
      child.kill("SIGKILL");
    },
    stop: async () => {
      await stopChild(child, exited);
      await remove();
    },
  };
}

/** SIGTERM, then SIGKILL if the child lingers 3 s; resolves once it has exited. */
export async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(timer);
}

/** True when something on the port answers `PING` with `+PONG`. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

/** A port nothing listens on right now (the kernel's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Where `node --import tsx` resolves tsx from, and relative entries start. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One app process started by replicas.ts, listening on 127.0.0.1. */
export interface ReplicaProcess {
  readonly index: number;
  readonly pid: number;
  /** e.g. http://127.0.0.1:51234 */
  readonly url: string;
  readonly webhookUrl: string;
  /** What it printed so far, stdout then stderr (the last 64 KB of each). */
  output(): string;
  /** Settles when the process has exited, however. */
  readonly exited: Promise<ProcessExit>;
  /** The exit once it happened, else undefined. */
  readonly exit: ProcessExit | undefined;
  /** Sends a signal (SIGKILL: dies mid-delivery; SIGTERM: stops cleanly); see `exited`. */
  signal(signal: NodeJS.Signals): void;
}

const KEEP = 64 * 1024;

/**
 * Starts `node --import tsx <entry>` with exactly `env` (nothing inherited but PATH and HOME,
 * so a developer's REDIS_URL or LOG_LEVEL cannot leak in) and waits for its `{"port":N}` line.
 * @throws when it exits or stays silent for `startTimeoutMs` first, with all it printed.
 */
export async function spawnReplica(index: number, entry: string, env: Record<string, string>, startTimeoutMs: number): Promise<ReplicaProcess> {
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  const child = spawn(process.execPath, ["--import", "tsx", entry], { cwd: PROJECT_ROOT, env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const out = { stdout: "", stderr: "" };
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => child.once("exit", (code, signal) => resolve((exit = { code, signal }))));
  child.stderr.on("data", (chunk: Buffer) => (out.stderr = (out.stderr + chunk.toString()).slice(-KEEP)));
  const output = () => `--- stdout ---\n${out.stdout}\n--- stderr ---\n${out.stderr}`;
  const port = await readPort(child, out, exited, startTimeoutMs).catch((error: unknown) => {
    child.kill("SIGKILL");
    throw new Error(`replica ${index} (${entry}) did not start: ${error instanceof Error ? error.message : String(error)}\n${output()}`);
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    index,
    pid: child.pid ?? -1,
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    output,
    exited,
    signal: (signal) => void child.kill(signal),
    get exit() {
      return exit;
    },
  };
}

/** The port from the first stdout line that is `{"port":N}`; every other line is kept as output. */
function readPort(child: ChildProcess, out: { stdout: string }, exited: Promise<ProcessExit>, timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let port: number | undefined;
    let partial = "";
    const timer = setTimeout(() => reject(new Error(`no {"port":N} line on stdout within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out.stdout = (out.stdout + chunk.toString()).slice(-KEEP);
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) port ??= portOf(line);
      if (port === undefined) return;
      clearTimeout(timer);
      resolve(port);
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`exited (code ${code}, signal ${signal}) before printing its port`));
    });
  });
}

function portOf(line: string): number | undefined {
  try {
    const parsed = JSON.parse(line) as { port?: unknown };
    return typeof parsed.port === "number" && Object.keys(parsed).length === 1 ? parsed.port : undefined;
  } catch {
    return undefined;
  }
}

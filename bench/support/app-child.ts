/**
 * The parent's side of `app-process.ts`: starts one app in a child process, says where it
 * listens, reads its CPU time on demand, and keeps what it logged.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export type AppKind = "firewatch" | "noop";

export interface AppChild {
  readonly kind: AppKind;
  /** The app's webhook URL, e.g. http://127.0.0.1:51234/api/github/webhooks. */
  readonly webhookUrl: string;
  /** The event lists of Firewatch's `app.on` calls (the no-op app subscribes to the same). */
  readonly registrations: string[][];
  /** User + system CPU time of the app's process so far, in microseconds. */
  cpuMicros(): Promise<number>;
  /** Lines the app wrote to stdout/stderr (its log, at LOG_LEVEL=warn); the first few are kept. */
  readonly output: { lines: number; first: string[] };
  stop(): Promise<void>;
}

export interface AppChildEnv {
  GHE_HOST: string;
  APP_ID: string;
  PRIVATE_KEY: string;
  WEBHOOK_SECRET: string;
}

const entry = fileURLToPath(new URL("./app-process.ts", import.meta.url));

type Message =
  | { type: "ready"; port: number; registrations: string[][] }
  | { type: "cpu"; id: number; usage: NodeJS.CpuUsage };

export async function startAppChild(kind: AppKind, env: AppChildEnv): Promise<AppChild> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, ...env, BENCH_APP: kind },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const output = { lines: 0, first: [] as string[] };
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter((l) => l.trim() !== "")) {
        output.lines++;
        if (output.first.length < 5) output.first.push(line.slice(0, 300));
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const pending = new Map<number, (usage: NodeJS.CpuUsage) => void>();
  let nextId = 0;

  const ready = await new Promise<Extract<Message, { type: "ready" }>>((resolve, reject) => {
    child.on("message", (message: Message) => {
      if (message.type === "ready") resolve(message);
      else pending.get(message.id)?.(message.usage);
    });
    void exited.then((code) =>
      reject(
        new Error(`${kind} app exited (${code}) before listening:\n${output.first.join("\n")}`),
      ),
    );
  });

  return {
    kind,
    webhookUrl: `http://127.0.0.1:${ready.port}/api/github/webhooks`,
    registrations: ready.registrations,
    output,
    cpuMicros: () =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, (usage) => {
          pending.delete(id);
          resolve(usage.user + usage.system);
        });
        child.send({ type: "cpu", id });
      }),
    async stop() {
      if (child.exitCode === null) child.disconnect();
      await exited;
    },
  };
}

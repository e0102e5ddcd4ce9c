import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { debianTool } from "./debian-tool.js";
import { parsePrometheusText } from "./prometheus-text.js";
import { freePort, stopChild } from "./redis-server.js";

/**
 * Debian's `prometheus-alertmanager` (package `prometheus-alertmanager`, 0.25 on bookworm),
 * or undefined when it is not installed. Under CI a missing one throws (debian-tool.ts):
 * .ci/run installs the package, so the test fails there instead of passing unchecked.
 */
export function alertmanagerBinary(): string | undefined {
  return debianTool("prometheus-alertmanager", "prometheus-alertmanager");
}

/** One alert as Alertmanager's API v2 takes it (`POST /api/v2/alerts`, `postableAlert`). */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

/** What Alertmanager's own metrics say about its webhook sends (`integration="webhook"`). */
export interface WebhookSends {
  /** HTTP requests made, counted once answered (or failed): first attempts and retries. */
  requests: number;
  /** Of those, the ones that failed (a 4xx or 5xx answer, or no answer). */
  failed: number;
}

export interface AlertmanagerServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The folder holding its config, storage and any files `start` wrote; removed by stop(). */
  dir: string;
  /** POSTs alerts to its API v2; throws unless it answers 200. */
  postAlerts(alerts: PostableAlert[]): Promise<void>;
  webhookSends(): Promise<WebhookSends>;
  /** Polls (real time) until `done(sends)` holds; throws with its log after `timeoutMs`. */
  waitForSends(done: (sends: WebhookSends) => boolean, timeoutMs?: number): Promise<WebhookSends>;
  /** What it printed (its log, logfmt). */
  output(): string;
  /** SIGTERM, SIGKILL if it lingers; removes its folder. */
  stop(): Promise<void>;
}

export interface AlertmanagerStart {
  binary: string;
  /** The config file's text, given the folder it is written in (for `credentials_file` and the like). */
  config: (dir: string) => string;
  /** Other files to write in that folder first, name → content (e.g. the bearer token). */
  files?: Record<string, string>;
}

/**
 * Starts Alertmanager on a free port of 127.0.0.1 with clustering off (an empty
 * `--cluster.listen-address`), its storage in a temporary folder, and resolves once
 * `/-/ready` answers 200. Each test starts its own; it is never a system service.
 */
export async function startAlertmanager(options: AlertmanagerStart): Promise<AlertmanagerServer> {
  const dir = await mkdtemp(join(tmpdir(), "firewatch-alertmanager-"));
  try {
    for (const [name, content] of Object.entries(options.files ?? {})) await writeFile(join(dir, name), content);
    const configFile = join(dir, "alertmanager.yml");
    await writeFile(configFile, options.config(dir));
    for (let attempt = 1; ; attempt++) {
      try {
        return await startOn(options.binary, dir, configFile, await freePort());
      } catch (error) {
        // Another process can take the free port between our check and Alertmanager binding it.
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function startOn(binary: string, dir: string, configFile: string, port: number): Promise<AlertmanagerServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.external-url=${url}`,
      "--cluster.listen-address=",
      "--log.level=info",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 10_000;
  while (!(await ready(url))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      throw new Error(`prometheus-alertmanager did not start on port ${port}:\n${output}`);
    }
    await sleep(50);
  }

  const webhookSends = async (): Promise<WebhookSends> => {
    const response = await fetch(`${url}/metrics`);
    const { samples } = parsePrometheusText(await response.text());
    const value = (name: string) =>
      samples.find((s) => s.name === name && s.labels.integration === "webhook")?.value ?? 0;
    return {
      requests: value("alertmanager_notification_requests_total"),
      failed: value("alertmanager_notification_requests_failed_total"),
    };
  };

  return {
    url,
    dir,
    output: () => output,
    async postAlerts(alerts) {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(alerts),
      });
      if (response.status !== 200)
        throw new Error(`Alertmanager refused the alerts: ${response.status} ${await response.text()}`);
    },
    webhookSends,
    async waitForSends(done, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const sends = await webhookSends();
        if (done(sends)) return sends;
        if (Date.now() > until)
          throw new Error(`Alertmanager's webhook sends did not get there in ${timeoutMs} ms (${JSON.stringify(sends)}); its log:\n${output}`);
        await sleep(100);
      }
    },
    async stop() {
      await stopChild(child, exited);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function ready(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

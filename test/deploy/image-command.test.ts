import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { appEnv, WEBHOOK_SECRET } from "../support/app-credentials.js";
import { envOf, parseDockerfile } from "../support/dockerfile.js";
import { GitHubStandIn } from "../support/github/github-stand-in.js";
import { createWallClock } from "../support/github/state/wall-clock.js";
import { DEFAULT_REPO } from "../support/harness.js";
import { CONFIG } from "../support/incident-fixtures.js";
import { parsePrometheusText, sumOf } from "../support/prometheus-text.js";
import { freePort } from "../support/redis-server.js";
import { rsaKeyPair } from "../support/rsa-key-pair.js";

// The image's command and environment, run from the repository as the image runs them
// (after `npm run build`; Docker is not available here): src/index.ts's wiring of metrics
// and Probot's JSON logs, end to end against the stand-in.
const image = parseDockerfile(readFileSync("Dockerfile", "utf8")).at(-1)!;
const imageEnv = Object.assign(
  {},
  ...image.instructions.filter((i) => i.keyword === "ENV").map(envOf),
) as Record<string, string>;
const command = image.instructions.find((i) => i.keyword === "CMD")!.exec!;

async function waitFor(
  url: string,
  ms: number,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the app exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer in ${ms} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the image's command with the image's environment", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it("serves /ping and /metrics (behind the token), counts a delivery, and logs JSON lines naming it", async () => {
    const { privateKey, publicKey } = rsaKeyPair();
    const gh = await GitHubStandIn.start({
      appPublicKey: publicKey,
      webhookSecret: WEBHOOK_SECRET,
      clock: createWallClock(),
    });
    gh.addRepository({
      ...DEFAULT_REPO,
      files: { ".github/firewatch.yml": CONFIG },
      collaborators: { alice: "triage" },
    });
    const port = await freePort();
    const token = "metrics-token-for-the-test";
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      ...imageEnv,
      ...appEnv(gh, privateKey),
      LOG_LEVEL: "debug",
      // The image listens on 0.0.0.0; the test keeps to the loopback.
      HOST: "127.0.0.1",
      PORT: String(port),
      FIREWATCH_METRICS_TOKEN: token,
    };
    const child = spawn(command[0] === "node" ? process.execPath : command[0]!, command.slice(1), {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    stop = async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      await gh.stop();
    };
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/ping`, 20_000, child, () => stdout + stderr);

    gh.webhookTarget = `${url}/api/github/webhooks`;
    const n = gh.as("alice").openIssue({ title: "vLLM OOM", labels: ["incident"] });
    await gh.settle();
    gh.assertClean();

    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const scrape = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(scrape.status).toBe(200);
    const metrics = parsePrometheusText(await scrape.text());
    expect(sumOf(metrics, "firewatch_webhooks_total")).toBe(gh.deliveries.length);
    expect(sumOf(metrics, "firewatch_github_requests_total")).toBe(gh.requests.length);
    expect(metrics.types.get("process_resident_memory_bytes")).toBe("gauge");

    // LOG_FORMAT=json (the image's): every line on stdout is JSON; the delivery's lines name it.
    const lines = stdout
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const opened = gh.deliveries.find((d) => d.event === "issues" && d.action === "opened")!;
    const about = lines.filter((l) => l.id === opened.id);
    expect(about.length).toBeGreaterThan(0);
    for (const line of about)
      expect(line).toMatchObject({ event: "issues.opened", repository: "acme/ops", incident: n });
  }, 60_000);
});

import type { GitHubStandIn } from "../support/github/github-stand-in.js";
// Deterministic, so seeded histories are the same every run.
import { seededRandom as random } from "../support/github/webhooks/seeded-random.js";

const SERVICES = ["inference", "gateway", "embeddings", "vector-store", "rag-pipeline"];
const SEVERITIES = ["critical", "high", "high", "medium", "medium", "medium", "low"];
const CAUSES = ["GPU out of memory", "KV-cache saturation", "Request surge after launch", "Upstream provider outage", "Model quality regression", "Token usage spike"];
const MIN = 60_000;

export interface SeedOptions {
  count: number;
  /** When the first incident is declared. */
  start?: string;
  seed?: number;
}

/**
 * Opens `count` incident issues through the stand-in the way people do: the issue form
 * (labels incident, severity, status:detected; "Affected services" and "Detected at" in
 * the body), then status labels as the response moves on, and for most a close, some
 * reopened and closed again. Returns the issue numbers.
 */
export function seedIncidents(gh: GitHubStandIn, options: SeedOptions): number[] {
  const rand = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const numbers: number[] = [];
  let at = Date.parse(options.start ?? "2025-06-02T08:00:00Z");
  for (let i = 0; i < options.count; i++) {
    at += Math.round((2 + rand() * 10) * 60 * MIN);
    gh.clock.set(new Date(at));
    const reporter = gh.as(pick(["alice", "bob", "carol", "dave"]));
    const responder = gh.as(pick(["erin", "frank", "grace"]));
    const services = [pick(SERVICES), ...(rand() < 0.3 ? [pick(SERVICES)] : [])];
    const detected = new Date(at - Math.round(rand() * 45) * MIN).toISOString().slice(0, 16).replace("T", " ");
    const body = [
      "### Summary", "", `${pick(CAUSES)} on ${services[0]}`, "",
      "### Severity", "", pick(SEVERITIES), "",
      "### Affected services", "", services.join(", "), "",
      "### Impact", "", "_No response_", "",
      "### Detected at", "", `${detected} UTC`, "",
      "### Links", "", "_No response_",
    ].join("\n");
    const severity = /### Severity\n\n(\w+)/.exec(body)![1]!;
    const n = reporter.openIssue({ title: `${pick(CAUSES)} (${services.join(", ")})`, body, labels: ["incident", `severity:${severity}`, "status:detected"] });
    numbers.push(n);
    let t = at;
    const step = (minutes: number) => gh.clock.set(new Date((t += Math.round(minutes * MIN))));
    step(1 + rand() * 30);
    responder.addLabels(n, ["status:investigating"]);
    responder.removeLabel(n, "status:detected");
    if (rand() < 0.15) continue;
    step(10 + rand() * 120);
    responder.addLabels(n, ["status:identified"]);
    responder.removeLabel(n, "status:investigating");
    step(20 + rand() * 600);
    responder.close(n);
    if (rand() < 0.1) {
      step(30 + rand() * 60);
      responder.reopen(n);
      step(10 + rand() * 120);
      responder.close(n);
    }
  }
  return numbers;
}

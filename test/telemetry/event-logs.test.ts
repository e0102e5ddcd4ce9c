import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startFirewatch } from "../support/firewatch.js";
import type { Scenario } from "../support/harness.js";
import { CONFIG } from "../support/incident-fixtures.js";

interface LogLine {
  level: number;
  msg: string;
  id?: string;
  event?: string;
  repository?: string;
  incident?: number;
  [field: string]: unknown;
}

/** A pino logger writing JSON lines (what LOG_FORMAT=json gives), and the lines it wrote. */
function jsonLines(): { log: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n"))
        if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { log: pino({ level: "debug" }, stream), lines };
}

describe("JSON logs: every line about an event names the delivery, the event, the repository and the incident", () => {
  let scenario: Scenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it("binds id, event, repository and incident on the handler's lines and on its GitHub request lines", async () => {
    const { log, lines } = jsonLines();
    scenario = await startFirewatch({ log, files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;
    const n = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident", "severity:high"] });
    await gh.settle();
    gh.as("alice").comment(n, "/ack");
    await gh.settle();

    const delivery = gh.deliveries.find(
      (d) =>
        d.event === "issue_comment" &&
        d.action === "created" &&
        (d.payload.sender as { login: string }).login === "alice",
    )!;
    const about = lines.filter((l) => l.id === delivery.id);
    // Probot's request lines, at least: the comment command reads the issue and writes the card.
    const requests = about.filter((l) => l.msg.startsWith("GitHub request:"));
    expect(requests.length).toBeGreaterThan(0);
    for (const line of about) {
      expect(line).toMatchObject({
        event: "issue_comment.created",
        repository: "acme/ops",
        incident: n,
      });
    }
    // Every line carrying a delivery id of an event Firewatch handled carries the same fields.
    const handled = new Map(gh.deliveries.map((d) => [d.id, d]));
    const eventLines = lines.filter(
      (l) => l.msg.startsWith("GitHub request:") && l.id !== undefined,
    );
    for (const line of eventLines) {
      const d = handled.get(line.id!)!;
      expect(d, `a request line with id ${line.id}`).toBeDefined();
      expect(line.event).toBe(`${d.event}.${d.action}`);
      expect(line.repository).toBe("acme/ops");
      expect(line.incident).toBe(n);
    }
  });

  it("binds pull on the lines about a runbook pull request", async () => {
    const { log, lines } = jsonLines();
    scenario = await startFirewatch({ log, files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;
    const changes = { ".github/runbooks/noop.yml": "name: noop\nsteps: []\n" };
    const pr = gh
      .runbooks()
      .openPullRequest("alice", { title: "Runbooks", head: "runbooks", changes });
    await gh.settle();
    const opened = gh.deliveries.find((d) => d.event === "pull_request" && d.action === "opened")!;
    const about = lines.filter((l) => l.id === opened.id);
    expect(about.length).toBeGreaterThan(0);
    for (const line of about) {
      expect(line).toMatchObject({
        event: "pull_request.opened",
        repository: "acme/ops",
        pull: pr,
      });
      expect(line.incident).toBeUndefined();
    }
  });

  it("an error while handling is logged once, with the fields bound and the delivery failing", async () => {
    const { log, lines } = jsonLines();
    scenario = await startFirewatch({ log, files: { ".github/firewatch.yml": CONFIG } });
    const { gh } = scenario;
    // GitHub refuses every card: each delivery about the incident fails.
    gh.failNext({ route: "issues/create-comment", status: 422, times: 100 });
    const n = gh.as("alice").openIssue({ title: "GPU OOM", labels: ["incident"] });
    await gh.settle();
    const failed = gh.deliveries.filter((d) => d.status >= 400);
    expect(failed.length).toBeGreaterThan(0);
    gh.failures.clear();
    const errors = lines.filter((l) => l.msg === "Firewatch failed to handle an event");
    expect(errors.map((l) => l.id).sort()).toEqual(failed.map((d) => d.id).sort());
    for (const line of errors) {
      const d = failed.find((f) => f.id === line.id)!;
      expect(line).toMatchObject({
        event: `${d.event}.${d.action}`,
        repository: "acme/ops",
        incident: n,
      });
      expect((line.err as { message?: string }).message).toBeTruthy();
    }
  });
});

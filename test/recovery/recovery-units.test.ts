import { describe, expect, it } from "vitest";
import { checkCommand, commandRegistry, parseCommands } from "../../src/commands/parse/index.js";
import { configSchema } from "../../src/config/schema.js";
import { buildRecoveryReportData } from "../../src/reports/data/build-recovery-report-data.js";
import { recoveryBranch, recoveryPath } from "../../src/reports/data/recovery-location.js";
import { renderReport } from "../../src/reports/render-report.js";
import { advanceRunbook } from "../../src/runbooks/engine/advance-runbook.js";
import { createExecution, type ExecutionState } from "../../src/runbooks/engine/execution-state.js";
import { dueReminders } from "../../src/runbooks/recovery/due-reminders.js";
import { validateRunbook } from "../../src/runbooks/validate-runbook.js";

const T0 = Date.parse("2026-03-14T09:00:00Z");
const at = (m: number) => new Date(T0 + m * 60_000);
const PLAN = validateRunbook(
  `name: restore
kind: recovery
objectives: { rto: 30m, service_level: "p95 TTFT | under 800 ms" }
verification:
  - { criterion: TTFT back, step: ttft }
  - { criterion: "Support says @everyone is happy", }
communication:
  - { audience: "customers @acme/all", every: 15m }
steps:
  - { id: scale, title: Scale out, type: remediate, run: { kind: manual } }
  - { id: ttft, title: TTFT check, type: verify, run: { kind: manual } }
`,
  "restore.yml",
).runbook!;
const incident = { number: 7, title: "GPU OOM", severity: "high", services: [], labels: [] };

function run(events: [number, Parameters<typeof advanceRunbook>[2]][]): ExecutionState {
  let state = createExecution(PLAN, { executionId: "fw7-restore-1", file: ".github/runbooks/restore.yml", sha: "0123456789abcdef", incident });
  for (const [m, e] of events) state = advanceRunbook(PLAN, state, e, at(m)).state;
  return state;
}

describe("/recovery arguments", () => {
  const registry = commandRegistry(configSchema.parse({}));
  const check = (body: string) => checkCommand(registry, parseCommands(body).commands[0]!, "triage");
  it.each([
    ["/recovery start Restore-Inference", { ok: true, name: "recovery", args: { action: "start", plan: "restore-inference" } }],
    ["/recovery list", { ok: true, name: "recovery", args: { action: "list" } }],
  ])("%s", (body, expected) => expect(check(body)).toMatchObject(expected));
  it.each([
    ["/recovery", "Say what to do: `start` or `list`."],
    ["/recovery begin x", "`begin` is not a recovery action"],
    ["/recovery start", "Name the recovery plan to start."],
    ["/recovery start ../x", "is not a plan name"],
    ["/recovery start a b", "Name one recovery plan."],
  ])("refuses %s", (body, message) => expect(check(body)).toMatchObject({ ok: false, error: expect.stringContaining(message) }));
});

describe("dueReminders", () => {
  const state = run([[0, { type: "start", by: "alice" }]]);
  const due = (m: number, updates: number[] = [], communications?: string) =>
    dueReminders({ plan: PLAN, execution: state, updates: updates.map((u) => ({ at: at(u).toISOString() })), communications, role: "communications", now: at(m) });

  it("is quiet within the period, then one reminder per missed period with a stable key", () => {
    expect(due(14)).toEqual([]);
    expect(due(16)).toHaveLength(1);
    expect(due(16)[0]!.key).toBe(due(29)[0]!.key);
    expect(due(31)[0]!.key).not.toBe(due(29)[0]!.key);
  });
  it("counts from the last /update since the plan started, and neutralises the plan's text", () => {
    expect(due(25, [12])).toEqual([]);
    expect(due(25, [-5])).toHaveLength(1);
    const [reminder] = due(28, [12], "carol");
    expect(reminder!.body).toContain("the last `/update` was at 2026-03-14 09:12 UTC (16m ago). @carol (communications)");
    expect(reminder!.body).not.toContain("@acme/all");
  });
  it("says when the config has no communications role to take", () => {
    const [reminder] = dueReminders({ plan: PLAN, execution: state, updates: [], communications: undefined, role: "communications", roleConfigured: false, now: at(16) });
    expect(reminder!.body).toContain("has no such role (add it to `roles`)");
  });
  it("says nothing for a plan that is no longer running", () => {
    const done = run([[0, { type: "start", by: "a" }], [1, { type: "stepCompleted", stepId: "scale", by: "a" }], [2, { type: "stepCompleted", stepId: "ttft", by: "a" }]]);
    expect(dueReminders({ plan: PLAN, execution: done, updates: [], communications: "carol", role: "communications", now: at(90) })).toEqual([]);
  });
});

describe("recovery report data", () => {
  const data = (state: ExecutionState) =>
    buildRecoveryReportData({ plan: PLAN, execution: state, incident: { number: 7, title: "GPU OOM", url: "https://github.com/acme/ops/issues/7", repository: "acme/ops" }, incidentStart: { at: at(-5).toISOString(), from: "detected" }, generatedAt: state.endedAt! });

  it("takes every time from the run and computes the RTO from them", () => {
    const state = run([[10, { type: "start", by: "alice" }], [17, { type: "stepCompleted", stepId: "scale", by: "bob" }], [21, { type: "stepCompleted", stepId: "ttft", by: "alice" }]]);
    const md = renderReport("recovery-report", undefined, data(state));
    expect(md.ok && md.markdown).toContain("| Recovery time (RTO) | 30m | 26m | yes |");
    expect(md.ok && md.markdown).toContain("| Scale out (scale) | succeeded | 2026-03-14 09:10 UTC | 2026-03-14 09:17 UTC | 7m | by bob |");
    expect(md.ok && md.markdown).toContain("| TTFT back | manual | passed | 2026-03-14 09:21 UTC | by alice |");
    expect(md.ok && md.markdown).toMatch(/\| Support says @\S+everyone is happy \| manual \| not checked by a step \|/);
    expect(md.ok && md.markdown).toContain("(when it was detected;");
  });

  it("a plan its triggers started names nobody as its starter, never @firewatch", () => {
    const state = run([[10, { type: "start", by: "firewatch" }], [17, { type: "stepCompleted", stepId: "scale", by: "bob" }], [21, { type: "stepCompleted", stepId: "ttft", by: "alice" }]]);
    const md = renderReport("recovery-report", undefined, data(state));
    expect(md.ok && md.markdown).not.toContain("firewatch");
    const manual = renderReport("recovery-report", undefined, data(run([[10, { type: "start", by: "alice" }], [17, { type: "stepCompleted", stepId: "scale", by: "bob" }], [21, { type: "stepCompleted", stepId: "ttft", by: "alice" }]])));
    expect(manual.ok && manual.markdown).toMatch(/started by @\u200balice\./);
  });

  it("a late recovery misses the RTO", () => {
    const state = run([[10, { type: "start", by: "alice" }], [40, { type: "stepCompleted", stepId: "scale", by: "bob" }], [41, { type: "stepCompleted", stepId: "ttft", by: "alice" }]]);
    const md = renderReport("recovery-report", undefined, data(state));
    expect(md.ok && md.markdown).toContain("| Recovery time (RTO) | 30m | 46m | **no** |");
  });
});

describe("recovery report location", () => {
  it("is safe whatever the title, and a second run gets its own branch and file", () => {
    expect(recoveryBranch(7, "restore", "fw7-restore-1")).toBe("firewatch/recovery-7-restore");
    expect(recoveryBranch(7, "restore", "fw7-restore-2")).toBe("firewatch/recovery-7-restore-run-2");
    expect(recoveryPath("docs/postmortems", "2026-03-14T09:00:00Z", "../../etc/passwd 🔥", 7, "restore", "fw7-restore-1")).toBe("docs/postmortems/2026-03-14-etc-passwd-recovery-restore.md");
    expect(recoveryPath("../docs", "2026-03-14T09:00:00Z", "x".repeat(300), 7, "restore", "fw7-restore-2")).toMatch(/^docs\/2026-03-14-x+-recovery-restore-run-2\.md$/);
  });
});

import { describe, expect, it } from "vitest";
import type { RepositoryRole } from "../../../src/config/permission-at-least.js";
import { configSchema } from "../../../src/config/schema.js";
import {
  checkCommand,
  commandRegistry,
  commandSpecs,
  parseCommands,
  renderHelp,
  suggest,
} from "../../../src/commands/parse/index.js";

const config = configSchema.parse({
  services: { inference: {}, gateway: {} },
  roles: ["commander", "scribe"],
});
const registry = commandRegistry(config);
const check = (body: string, role: RepositoryRole = "triage") => {
  const parsed = parseCommands(body).commands[0];
  if (!parsed) throw new Error(`no command in ${body}`);
  return checkCommand(registry, parsed, role);
};

describe("command arguments", () => {
  it.each([
    ["/ack", { name: "ack", args: {} }],
    ["/ack on it", { name: "ack", args: {} }],
    ["/status identified", { name: "status", args: { status: "identified" } }],
    [
      "/status Identified GPU OOM after the launch",
      { name: "status", args: { status: "identified", reason: "GPU OOM after the launch" } },
    ],
    [
      '/status containing "rolled back to v41"',
      { name: "status", args: { status: "containing", reason: "rolled back to v41" } },
    ],
    ["/status post-incident", { name: "status", args: { status: "post-incident" } }],
    [
      "/severity critical error rate 50%",
      { name: "severity", args: { severity: "critical", reason: "error rate 50%" } },
    ],
    ["/commander @octocat", { name: "commander", args: { role: "commander", login: "octocat" } }],
    ["/commander nobody", { name: "commander", args: { role: "commander", login: "nobody" } }],
    ["/role scribe @mona-lisa", { name: "role", args: { role: "scribe", login: "mona-lisa" } }],
    [
      "/services inference, gateway",
      { name: "services", args: { services: ["inference", "gateway"], unconfigured: [] } },
    ],
    [
      "/services Inference,rag-pipeline inference",
      {
        name: "services",
        args: { services: ["inference", "rag-pipeline"], unconfigured: ["rag-pipeline"] },
      },
    ],
    [
      "/note KV cache at 98% — naïve retry storm 🔥",
      { name: "note", args: { text: "KV cache at 98% — naïve retry storm 🔥" } },
    ],
    ["/update Mitigated; monitoring", { name: "update", args: { text: "Mitigated; monitoring" } }],
    [
      "/action add autoscaling to the inference pool @octocat",
      {
        name: "action",
        args: { title: "add autoscaling to the inference pool", owner: "octocat" },
      },
    ],
    [
      "/action email @octocat about it",
      { name: "action", args: { title: "email @octocat about it" } },
    ],
    ['/action "write the runbook"', { name: "action", args: { title: "write the runbook" } }],
    [
      "/resolve rolled back the model to v41",
      { name: "resolve", args: { text: "rolled back the model to v41" } },
    ],
    ["/metrics", { name: "metrics", args: {} }],
    [
      "/metrics 90d",
      { name: "metrics", args: { since: { kind: "relative", amount: 90, unit: "day" } } },
    ],
    [
      "/metrics 2026-01-31",
      { name: "metrics", args: { since: { kind: "date", date: "2026-01-31T00:00:00.000Z" } } },
    ],
    ["/help", { name: "help", args: {} }],
    ["/help /status", { name: "help", args: { command: "status" } }],
  ])("%s", (body, expected) => {
    expect(check(body)).toMatchObject({ ok: true, ...expected });
  });

  it.each([
    ["/status", "Say which status", "/status <status> [reason]"],
    ["/status fixed", "`fixed` is not a status", "/status <status> [reason]"],
    [
      "/severity extreme",
      "`extreme` is not a severity; use one of `critical`, `high`, `medium` or `low`.",
      "/severity <severity> [reason]",
    ],
    ["/severity", "Say which severity", "/severity <severity> [reason]"],
    ["/commander", "Say who", "/commander @user"],
    ["/commander @-bad-", "`@-bad-` is not a GitHub login", "/commander @user"],
    ["/commander @a @b", "Name one person", "/commander @user"],
    [
      "/role pilot @octocat",
      "`pilot` is not a role here; use one of `commander` or `scribe`.",
      "/role <role> @user",
    ],
    ["/role scribe", "Say who", "/role <role> @user"],
    ["/services", "Name at least one service", "/services <service>[, <service>…]"],
    ["/services <img>", "is not a service name", "/services <service>[, <service>…]"],
    ["/note", "Write the text", "/note <text>"],
    ["/resolve", "Write the resolution", "/resolve <resolution>"],
    ["/action @octocat", "Say what needs doing", "/action <text> [@owner]"],
    ["/metrics lately", "is not a period", "/metrics [since]"],
    ["/metrics 2026-02-30", "is not a real date", "/metrics [since]"],
    ["/help deploy", "`deploy` is not a command", "/help [command]"],
  ])("%s is refused with the correct form", (body, problem, usage) => {
    const result = check(body);
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    if (result.ok) return;
    expect(result.error).toContain(problem);
    expect(result.error).toContain(`Usage: \`${usage}\``);
  });

  it("puts user text in errors as code, so it cannot mention or link", () => {
    const result = check("/severity @everyone#1`");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("`` @everyone#1` ``");
  });

  it("names the closest command for an unknown one", () => {
    expect(check("/stauts identified")).toMatchObject({
      ok: false,
      reason: "unknown",
      suggestion: "status",
      error: expect.stringContaining("Did you mean `/status`?"),
    });
    expect(check("/deploy now")).toMatchObject({
      ok: false,
      reason: "unknown",
      suggestion: undefined,
      error: expect.stringContaining("`/help` lists"),
    });
  });

  it("refuses a role below the permission before reading the arguments", () => {
    expect(check("/severity extreme", "read")).toMatchObject({
      ok: false,
      reason: "forbidden",
      error: expect.stringContaining("**triage**"),
    });
    expect(check("/ack", "admin")).toMatchObject({ ok: true });
    const ack = parseCommands("/ack").commands[0]!;
    expect(checkCommand(registry, ack, "none")).toMatchObject({
      ok: false,
      reason: "forbidden",
    });
  });

  it("does not treat Object.prototype names as commands", () => {
    expect(check("/constructor")).toMatchObject({ ok: false, reason: "unknown" });
    expect(check("/toString")).toMatchObject({ ok: false, reason: "unknown" });
  });

  it("drops /commander when the config has no commander role", () => {
    const noCommander = commandRegistry(configSchema.parse({ roles: ["lead"] }));
    expect(commandSpecs(noCommander).map((s) => s.name)).not.toContain("commander");
  });
});

describe("/lesson kinds, as people write them", () => {
  it.each([
    ["/lesson went-well the rollback took 4 minutes", "went-well"],
    ["/lesson went well the rollback took 4 minutes", "went-well"],
    ["/lesson went well: the rollback took 4 minutes", "went-well"],
    ["/lesson Went Well : the rollback took 4 minutes", "went-well"],
    ["/lesson went-well: the rollback took 4 minutes", "went-well"],
    ["/lesson went wrong the rollback took 4 minutes", "went-wrong"],
    ["/lesson went wrong: the rollback took 4 minutes", "went-wrong"],
    ["/lesson lucky: the rollback took 4 minutes", "lucky"],
  ])("%s → %s", (body, kind) => {
    expect(check(body)).toMatchObject({ ok: true, name: "lesson", args: { kind, text: "the rollback took 4 minutes" } });
  });

  it.each([
    ["/lesson went", /is not a kind of lesson/],
    ["/lesson went badly the pager was silent", /is not a kind of lesson/],
    ["/lesson went well", /Write the lesson/],
    ["/lesson went well:", /Write the lesson/],
    ["/lesson went-well :", /Write the lesson/],
  ])("%s is refused", (body, error) => {
    expect(check(body)).toMatchObject({ ok: false, reason: "invalid", error: expect.stringMatching(error) });
  });
});

describe("suggest", () => {
  const known = commandSpecs(registry).map((s) => s.name);
  it.each([
    ["stauts", "status"],
    ["staus", "status"],
    ["ak", "ack"],
    ["acknowledge", "ack"],
    ["statuses", "status"],
    ["sev", "severity"],
    ["severty", "severity"],
    ["comander", "commander"],
    ["metric", "metrics"],
    ["resovle", "resolve"],
    ["hlep", "help"],
    ["deploy", undefined],
    ["x", undefined],
    ["", undefined],
  ])("%s → %s", (unknown, expected) => {
    expect(suggest(unknown, known)).toBe(expected);
  });
});

describe("renderHelp", () => {
  it("lists every command as a table for a permitted role", () => {
    const help = renderHelp(registry, "write");
    expect(help.split("\n").slice(0, 2)).toEqual(["| command | does |", "| --- | --- |"]);
    for (const spec of commandSpecs(registry))
      expect(help).toContain(`| \`${spec.usage.replace(/\|/g, "\\|")}\` |`);
  });

  it("tells a read-only user which role is needed instead", () => {
    expect(renderHelp(registry, "read")).toBe(
      "Firewatch commands need at least the **triage** role in this repository.",
    );
  });

  it("shows only the commands a role allows when permissions differ", () => {
    const mixed = commandRegistry(configSchema.parse({ permissions: { commands: "write" } }));
    mixed.help = { ...mixed.help!, permission: "read" };
    expect(renderHelp(mixed, "read")).toBe(
      "Firewatch commands need at least the **write** role in this repository.",
    );
    const help = renderHelp(mixed, "write");
    expect(help).toContain("`/help [command]`");
    expect(help).toContain("`/ack`");
  });
});

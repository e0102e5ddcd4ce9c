import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { routeEvent } from "../../src/handlers/route-event.js";
import { labelNames } from "../../src/incident/label-names.js";
import { examples } from "../support/github/webhooks/build-payload.js";

const names = labelNames(configSchema.parse({}));

/** A real payload from @octokit/webhooks-examples, with the parts a test sets replaced. */
function payload(event: string, action: string | undefined, patch: Record<string, unknown>) {
  const definition = examples().find((d) => d.name === event)!;
  const example = definition.examples.find((e) => e.action === action) ?? definition.examples[0]!;
  return { ...structuredClone(example), ...patch, repository: { full_name: "acme/ops" } };
}

const issue = (labels: string[], extra: Record<string, unknown> = {}) => ({
  number: 42,
  body: "",
  labels: labels.map((name) => ({ name })),
  ...extra,
});

describe("routing an event from its payload alone", () => {
  it.each([
    ["a bug label on an ordinary issue", "issues.labeled", { issue: issue(["bug"]), label: { name: "bug" } }, "ignore"],
    ["the incident label", "issues.labeled", { issue: issue(["incident"]), label: { name: "incident" } }, "acme/ops#42"],
    ["any label on an incident", "issues.labeled", { issue: issue(["incident", "gpu"]), label: { name: "gpu" } }, "acme/ops#42"],
    ["a status label on an ordinary issue (one hint)", "issues.labeled", { issue: issue(["status:identified"]), label: { name: "status:identified" } }, "acme/ops#42"],
    ["opened with the incident label (its labeled event declares)", "issues.opened", { issue: issue(["incident"], { body: "### Summary\n\nx" }) }, "ignore"],
    ["an ordinary issue closed", "issues.closed", { issue: issue([]) }, "ignore"],
    ["an incident closed", "issues.closed", { issue: issue(["incident"]) }, "acme/ops#42"],
    ["a comment without a command", "issue_comment.created", { issue: issue([]), comment: { body: "looking" }, sender: { type: "User" } }, "ignore"],
    ["a comment with a command", "issue_comment.created", { issue: issue([]), comment: { body: "/ack" }, sender: { type: "User" } }, "acme/ops#42"],
    ["a bot's comment with a command", "issue_comment.created", { issue: issue([]), comment: { body: "/ack" }, sender: { type: "Bot" } }, "ignore"],
    ["a person editing their own comment", "issue_comment.edited", { issue: issue([]), comment: { body: "- [x] a", user: { type: "User" } } }, "ignore"],
  ])("%s", (_name, event, patch, expected) => {
    const [name, action] = event.split(".") as [string, string];
    const route = routeEvent({ name: event, payload: payload(name, action, patch), names });
    expect(route.kind === "ignore" ? "ignore" : route.key).toBe(expected);
  });

  const run = (extra: Record<string, unknown>) =>
    payload("workflow_run", "completed", {
      workflow_run: { display_title: "CI", name: "CI", path: ".github/workflows/ci.yml", event: "push", ...extra },
    });

  it.each([
    ["a CI run", {}, "ignore"],
    ["a run naming a step", { display_title: "Rollback [fw7-rollback-model-1.rollback]" }, "acme/ops#7"],
    ["the tick workflow's run", { path: ".github/workflows/firewatch-tick.yml", event: "schedule" }, "acme/ops:runs"],
    ["a run the app dispatched", { event: "workflow_dispatch", triggering_actor: { login: "firewatch[bot]" } }, "acme/ops:runs"],
    ["a run a person dispatched", { event: "workflow_dispatch", triggering_actor: { login: "mallory" } }, "ignore"],
  ])("workflow_run: %s", (_name, extra, expected) => {
    const route = routeEvent({ name: "workflow_run.completed", payload: run(extra), names, appLogin: "firewatch[bot]" });
    expect(route.kind === "ignore" ? "ignore" : route.key).toBe(expected);
  });
});

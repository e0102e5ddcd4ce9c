import { readFileSync } from "node:fs";
import * as yaml from "js-yaml";
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";

interface Manifest {
  default_events: string[];
  default_permissions: Record<string, string>;
}

/** The events the app registers handlers for, by loading it into a recording stand-in for Probot. */
function registeredEvents(): string[] {
  const events: string[] = [];
  const recorder = {
    on: (names: string | string[]) => events.push(...[names].flat()),
    auth: async () => ({}),
    log: { info() {}, warn() {}, error() {}, debug() {} },
  } as unknown as Probot;
  void createApp({ now: () => new Date(), sleep: async () => {} })(recorder, {
    addHandler: () => {},
    cwd: process.cwd(),
  });
  return [...new Set(events.map((e) => e.split(".")[0]!))].sort();
}

describe("app.yml", () => {
  const manifest = yaml.load(readFileSync("app.yml", "utf8")) as Manifest;

  it("subscribes to exactly the events the app handles", () => {
    expect([...manifest.default_events].sort()).toEqual(registeredEvents());
  });

  it("asks for the permissions those features need, and no more", () => {
    expect(manifest.default_permissions).toEqual({
      issues: "write",
      contents: "write",
      pull_requests: "write",
      actions: "write",
      checks: "write",
      metadata: "read",
    });
  });
});

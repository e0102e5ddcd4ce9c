import { readFileSync } from "node:fs";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { registeredEvents } from "../support/registered-events.js";

interface Manifest {
  default_events: string[];
  default_permissions: Record<string, string>;
}

/** The events (without actions) the app registers handlers for. */
const registeredEventNames = () => [...new Set(registeredEvents().map((e) => e.split(".")[0]!))].sort();

describe("app.yml", () => {
  const manifest = yaml.load(readFileSync("app.yml", "utf8")) as Manifest;

  it("subscribes to exactly the events the app handles", () => {
    expect([...manifest.default_events].sort()).toEqual(registeredEventNames());
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

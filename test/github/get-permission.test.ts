import { describe, expect, it } from "vitest";
import type { GitHubClient } from "../../src/github/client.js";
import { getPermission } from "../../src/github/get-permission.js";

/** Only the one call getPermission makes; the scenario tests cover the HTTP side against the stand-in. */
const answering = (data: { role_name?: string; permission: string }) =>
  ({
    rest: { repos: { getCollaboratorPermissionLevel: async () => ({ data }) } },
  }) as unknown as GitHubClient;

describe("getPermission", () => {
  const repo = { owner: "acme", repo: "ops" };
  it.each([
    [{ role_name: "triage", permission: "read" }, "triage"],
    [{ role_name: "maintain", permission: "write" }, "maintain"],
    [{ role_name: "incident-responder", permission: "write" }, "write"],
    [{ role_name: "auditor", permission: "none" }, "none"],
    [{ permission: "admin" }, "admin"],
  ])("reads %j as %s", async (data, expected) => {
    expect(await getPermission(answering(data), repo, "alice")).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.js";

describe("parseConfig", () => {
  it("gives every default for an empty file", () => {
    const { config, problems } = parseConfig(null);
    expect(problems).toEqual([]);
    expect(config.labels.incident).toBe("incident");
    expect(config.permissions.commands).toBe("triage");
    expect(config.default_severity).toBe("high");
  });

  it("drops only the invalid fields, names them, and keeps the rest", () => {
    const { config, problems } = parseConfig({
      default_severity: "extreme",
      labels: { incident: "sev", colour: "red" },
      services: { inference: { team: "@acme/ml", oncall: ["not a login!"] } },
      permissions: { commands: "write" },
      _extends: "acme/.github",
    });
    expect(config.labels.incident).toBe("sev");
    expect(config.default_severity).toBe("high");
    expect(config.permissions.commands).toBe("write");
    expect(config.services.inference).toEqual({ team: "acme/ml", oncall: [] });
    expect(problems.map((p) => p.field).sort()).toEqual([
      "default_severity",
      "labels.colour",
      "services.inference.oncall",
    ]);
  });

  it.each([
    ["a list", [1, 2]],
    ["a string", "incident: yes"],
    ["a number", 3],
  ])("reports %s instead of a mapping", (_n, raw) => {
    const { config, problems } = parseConfig(raw);
    expect(problems).toEqual([{ field: "(file)", message: "must be a YAML mapping of settings" }]);
    expect(config.roles).toEqual(["commander", "communications", "scribe"]);
  });
});

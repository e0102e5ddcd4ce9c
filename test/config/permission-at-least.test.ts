import { describe, expect, it } from "vitest";
import { permissionAtLeast, type RepositoryRole } from "../../src/config/permission-at-least.js";
import type { Permission } from "../../src/config/schema.js";

describe("permissionAtLeast", () => {
  it.each<[RepositoryRole, Permission, boolean]>([
    ["none", "read", false],
    ["none", "triage", false],
    ["none", "admin", false],
    ["read", "read", true],
    ["read", "triage", false],
    ["triage", "triage", true],
    ["triage", "write", false],
    ["maintain", "write", true],
    ["admin", "admin", true],
    ["write", "maintain", false],
  ])("%s against %s: %s", (role, minimum, expected) => {
    expect(permissionAtLeast(role, minimum)).toBe(expected);
  });
});

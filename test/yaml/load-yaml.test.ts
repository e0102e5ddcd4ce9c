import { describe, expect, it } from "vitest";
import { loadYaml } from "../../src/yaml/load-yaml.js";

function errorOf(source: string, opts = {}) {
  const result = loadYaml(source, opts);
  if (result.ok) throw new Error("expected a load error");
  return result.error;
}

describe("loadYaml", () => {
  it("loads a document and maps paths to 1-based lines and columns", () => {
    const source = "name: a\nsteps:\n  - id: one\n    run:\n      kind: manual\n  - id: two\n";
    const result = loadYaml(source);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ name: "a", steps: [{ id: "one", run: { kind: "manual" } }, { id: "two" }] });
    expect(result.positionOf([])).toEqual({ line: 1, column: 1 });
    expect(result.positionOf(["steps"])).toEqual({ line: 2, column: 1 });
    expect(result.positionOf(["steps", 1])).toEqual({ line: 6, column: 5 });
    expect(result.positionOf(["steps", 0, "run", "kind"])).toEqual({ line: 5, column: 7 });
    // A path that does not exist resolves to its closest ancestor.
    expect(result.positionOf(["steps", 1, "run", "url"])).toEqual({ line: 6, column: 5 });
  });

  it("reports invalid YAML at the offending line", () => {
    const error = errorOf("a: 1\nb:\n  - x\n  - y: [1, 2\n");
    expect(error.line).toBeGreaterThanOrEqual(4);
    expect(error.message).toMatch(/flow|indentation|unexpected/i);
  });

  it("reports a duplicate key at its line", () => {
    expect(errorOf("a: 1\nb: 2\na: 3\n")).toMatchObject({ message: expect.stringMatching(/duplicated mapping key/), line: 3 });
  });

  it("refuses aliases by default, pointing at the alias", () => {
    const error = errorOf("base: &b { x: 1 }\nother: *b\n");
    expect(error).toMatchObject({ line: 2, column: 8 });
    expect(error.message).toMatch(/aliases .* are not allowed/);
  });

  it("stops an alias bomb without expanding it, even when aliases are allowed", () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const source = levels.join("\n") + "\n";
    const refused = errorOf(source);
    expect(refused.message).toMatch(/aliases/);
    expect(refused.line).toBe(2);
    const bounded = errorOf(source, { maxAliases: 1000 });
    expect(bounded.message).toMatch(/alias bomb/);
    expect(bounded.line).toBeGreaterThanOrEqual(4);
  });

  it("accepts a few harmless aliases when allowed", () => {
    const result = loadYaml("a: &x [1, 2]\nb: *x\n", { maxAliases: 5 });
    expect(result.ok && result.value).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it("refuses 200-deep nesting with a clear message", () => {
    let source = "";
    for (let i = 0; i < 200; i++) source += `${"  ".repeat(i)}a:\n`;
    source += `${"  ".repeat(200)}x\n`;
    const error = errorOf(source);
    expect(error.message).toBe("nesting is deeper than 64 levels");
    expect(error.line).toBe(64);
  });

  it("refuses a 5 MB file before parsing it, naming the limit", () => {
    const source = "a: " + "x".repeat(5 * 1024 * 1024) + "\n";
    expect(errorOf(source)).toEqual({ message: "the file is 5.0 MB; the limit is 256 KB", line: 1, column: 1 });
  });

  it("keeps __proto__ as data and pollutes nothing", () => {
    const result = loadYaml("__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(result.positionOf(["__proto__", "polluted"])).toEqual({ line: 2, column: 3 });
  });

  it("treats merge keys as plain data", () => {
    const result = loadYaml("<<: { admin: true }\nname: x\n");
    expect(result.ok && result.value).toEqual({ "<<": { admin: true }, name: "x" });
  });

  it("refuses several documents in one file", () => {
    expect(errorOf("a: 1\n---\nb: 2\n")).toMatchObject({ line: 2, message: expect.stringMatching(/one YAML document/) });
  });

  it("loads an empty file as null", () => {
    const result = loadYaml("");
    expect(result.ok && result.value).toBeNull();
  });
});

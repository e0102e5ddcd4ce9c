import { describe, expect, it } from "vitest";
import { MermaidDiagram } from "../../src/reports/mermaid/mermaid-diagram.js";
import { sanitiseViewData } from "../../src/reports/environment/sanitise-view-data.js";

const Z = "\u200B";

describe("sanitiseViewData", () => {
  it("neutralises and cleans every string, however deep, but leaves HTML escaping to {{ }}", () => {
    const data = { a: "@x", b: ["#1", { c: "GH-2\u0007\r\n<b>" }], n: 3, t: true, z: null };
    expect(sanitiseViewData(data, 100)).toEqual({ a: `@${Z}x`, b: [`#${Z}1`, { c: `GH-${Z}2\n<b>` }], n: 3, t: true, z: null });
  });

  it("passes diagrams through untouched and turns Dates into ISO strings", () => {
    const diagram = new MermaidDiagram("flowchart LR\n  style a fill:#333");
    const out = sanitiseViewData({ diagram, at: new Date("2026-03-14T09:00:00Z"), bad: new Date("x") }, 100) as Record<string, unknown>;
    expect(out.diagram).toBe(diagram);
    expect(out.at).toBe("2026-03-14T09:00:00.000Z");
    expect("bad" in out).toBe(false);
  });

  it("drops functions, prototype keys and cycles", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    const data = {
      fn: () => "x",
      parsed: JSON.parse('{"__proto__": {"admin": true}, "constructor": 1, "ok": 1}'),
      cyclic,
      sym: Symbol("s"),
    };
    const out = sanitiseViewData(data, 100);
    expect(out).toEqual({ parsed: { ok: 1 }, cyclic: { name: "loop" } });
    expect(Object.getPrototypeOf((out as { parsed: object }).parsed)).toBe(Object.prototype);
  });

  it("keeps shared (non-cyclic) references and caps depth at 32", () => {
    const shared = { v: "s" };
    expect(sanitiseViewData({ a: shared, b: shared }, 100)).toEqual({ a: { v: "s" }, b: { v: "s" } });
    let deep: Record<string, unknown> = { leaf: "x" };
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(JSON.stringify(sanitiseViewData(deep, 100))).not.toContain("leaf");
  });

  it("caps string length with a visible marker", () => {
    expect(sanitiseViewData("y".repeat(50), 20)).toBe(`${"y".repeat(7)}… (truncated)`);
  });
});

import { describe, expect, it } from "vitest";
import { dataBlock, hasMarker, hasMarkerWithPrefix, marker, readDataBlock } from "../../src/markdown/hidden-block.js";

describe("hidden blocks", () => {
  it.each([
    ["plain", { a: 1, text: "GPU OOM" }],
    ["a comment terminator", { text: "--> <!-- --!> ---" }],
    ["markup", { text: "<script>alert(1)</script> <!-- firewatch:key card -->" }],
    ["unicode", { text: "🔥 κ\u2028\u2029" }],
  ])("round-trips %s without anything that could end the comment", (_name, data) => {
    const block = dataBlock("incident", data);
    expect(block.slice(4, -3)).not.toMatch(/--|<|>/);
    expect(readDataBlock(`before\n${block}\nafter`, "incident")).toEqual(data);
  });

  it("gives undefined for a missing or broken block", () => {
    expect(readDataBlock("nothing here", "incident")).toBeUndefined();
    expect(readDataBlock("<!-- firewatch:data incident {broken -->", "incident")).toBeUndefined();
    expect(readDataBlock(null, "incident")).toBeUndefined();
  });

  it("finds a family of markers by the start of their key, never by text people wrote", () => {
    expect(hasMarkerWithPrefix(`x ${marker("escalation-declared-4")} y`, "escalation-")).toBe(true);
    expect(hasMarkerWithPrefix(`x ${marker("escalation-4-labeled-99")} y`, "escalation-")).toBe(true);
    expect(hasMarkerWithPrefix(`x ${marker("card")} y`, "escalation-")).toBe(false);
    expect(hasMarkerWithPrefix("we discussed escalation-declared-4 here", "escalation-")).toBe(false);
  });

  it("markers are exact and refuse odd keys", () => {
    expect(hasMarker(`x ${marker("reply-12")} y`, "reply-12")).toBe(true);
    expect(hasMarker(`x ${marker("reply-123")} y`, "reply-12")).toBe(false);
    expect(() => marker("a b -->")).toThrow(/invalid marker key/);
  });
});

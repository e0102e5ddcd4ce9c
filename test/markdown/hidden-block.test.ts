import { describe, expect, it } from "vitest";
import { dataBlock, hasMarker, marker, readDataBlock } from "../../src/markdown/hidden-block.js";

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

  it("markers are exact and refuse odd keys", () => {
    expect(hasMarker(`x ${marker("reply-12")} y`, "reply-12")).toBe(true);
    expect(hasMarker(`x ${marker("reply-123")} y`, "reply-12")).toBe(false);
    expect(() => marker("a b -->")).toThrow(/invalid marker key/);
  });
});

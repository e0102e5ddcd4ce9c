import { describe, expect, it } from "vitest";
import { TRUNCATION_MARKER, truncate } from "../../src/markdown/truncate.js";

describe("truncate", () => {
  it.each([
    ["short", 10, "short"],
    ["exactly10!", 10, "exactly10!"],
    ["a".repeat(50), 20, "a".repeat(20 - TRUNCATION_MARKER.length) + TRUNCATION_MARKER],
    ["anything", 3, TRUNCATION_MARKER.slice(0, 3)],
    ["anything", 0, ""],
  ])("%j to %i", (input, max, expected) => {
    expect(truncate(input, max)).toBe(expected);
  });

  it("never splits an emoji", () => {
    const text = "🔥".repeat(20);
    for (let max = 14; max < 30; max++) {
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(out.endsWith(TRUNCATION_MARKER)).toBe(true);
    }
  });

  it("accepts a custom marker", () => {
    expect(truncate("0123456789", 6, "[…]")).toBe("012[…]");
  });
});

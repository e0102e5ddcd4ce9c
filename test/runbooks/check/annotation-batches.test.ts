import { describe, expect, it } from "vitest";
import { annotationBatches } from "../../../src/runbooks/check/annotation-batches.js";

describe("annotationBatches", () => {
  it.each([
    { count: 0, sizes: [0] },
    { count: 1, sizes: [1] },
    { count: 50, sizes: [50] },
    { count: 51, sizes: [50, 1] },
    { count: 120, sizes: [50, 50, 20] },
  ])("$count annotations → requests of $sizes", ({ count, sizes }) => {
    const annotations = Array.from({ length: count }, (_, i) => i);
    const batches = annotationBatches(annotations);
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(annotations);
  });
});

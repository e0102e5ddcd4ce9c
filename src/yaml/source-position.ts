/** A 1-based line and column in a source file, as editors and check-run annotations count. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A path to a value inside a loaded document, e.g. `["steps", 2, "run", "url"]`. */
export type ValuePath = ReadonlyArray<string | number>;

/** Turns 0-based character offsets into 1-based line/column pairs. */
export function offsetToPositionMapper(source: string): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: Math.max(0, offset - (lineStarts[low] ?? 0)) + 1 };
  };
}

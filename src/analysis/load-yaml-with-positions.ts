import * as yaml from "js-yaml";
import type { LoadedYaml, SourcePosition, ValuePath, YamlLoadError, YamlSourceLoader } from "./yaml-source.js";

/** Repository files are untrusted: refuse anything larger than a hand-written tree needs. */
export const MAX_YAML_SOURCE_BYTES = 256 * 1024;
/** Deep enough for any real tree; shallow enough that nothing recurses dangerously. */
export const MAX_YAML_DEPTH = 50;

interface PositionNode {
  offset: number;
  children: Map<string, PositionNode>;
}

/**
 * A safe loader with source positions, used until the shared src/yaml loader exists.
 * Aliases are refused outright (maxAliases: 0) because js-yaml counts alias nodes, not
 * their expansion, so a "billion laughs" would load fine and hang whatever walks it.
 */
export const loadYamlWithPositions: YamlSourceLoader = {
  load(source: string): LoadedYaml | { error: YamlLoadError } {
    if (Buffer.byteLength(source, "utf8") > MAX_YAML_SOURCE_BYTES) {
      return { error: { message: `file is larger than ${MAX_YAML_SOURCE_BYTES} bytes`, line: 1, column: 1 } };
    }
    let value: unknown;
    let events: yaml.Event[];
    try {
      value = yaml.load(source, { maxAliases: 0, maxDepth: MAX_YAML_DEPTH, maxTotalMergeKeys: 0 });
      events = yaml.parseEvents(source, { maxDepth: MAX_YAML_DEPTH });
    } catch (error) {
      return { error: toLoadError(error) };
    }
    const root = buildPositionTree(source, events);
    const lineStarts = computeLineStarts(source);
    return {
      value,
      positionOf(path: ValuePath): SourcePosition {
        let node = root;
        for (const key of path) {
          const child = node?.children.get(String(key));
          if (!child) break;
          node = child;
        }
        return offsetToPosition(lineStarts, node?.offset ?? 0);
      },
    };
  },
};

function toLoadError(error: unknown): YamlLoadError {
  if (error instanceof yaml.YAMLException) {
    // js-yaml marks are 0-based; editors and annotations are 1-based.
    return { message: error.reason, line: (error.mark?.line ?? 0) + 1, column: (error.mark?.column ?? 0) + 1 };
  }
  return { message: error instanceof Error ? error.message : String(error), line: 1, column: 1 };
}

/** Rebuilds just enough of the document's shape from the flat event stream to find offsets. */
function buildPositionTree(source: string, events: yaml.Event[]): PositionNode | undefined {
  type Frame = { node: PositionNode; kind: "seq" | "map"; index: number; pendingKey: string | undefined };
  const stack: Frame[] = [];
  let root: PositionNode | undefined;
  const attach = (node: PositionNode, isScalarKey: string | undefined): boolean => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      root ??= node;
      return false;
    }
    if (frame.kind === "seq") {
      frame.node.children.set(String(frame.index++), node);
      return false;
    }
    if (frame.pendingKey === undefined) {
      frame.pendingKey = isScalarKey ?? "\u0000complex-key";
      return true;
    }
    frame.node.children.set(frame.pendingKey, node);
    frame.pendingKey = undefined;
    return false;
  };
  for (const event of events) {
    switch (event.type) {
      case yaml.EVENT_ID.SCALAR: {
        // Point at the opening quote, not the first character inside it.
        const quoted = event.style === yaml.SCALAR_STYLE.SINGLE_QUOTED || event.style === yaml.SCALAR_STYLE.DOUBLE_QUOTED;
        const start = event.anchorStart >= 0 ? event.anchorStart : event.tagStart >= 0 ? event.tagStart : event.valueStart - (quoted ? 1 : 0);
        attach({ offset: start, children: new Map() }, yaml.getScalarValue(source, event));
        break;
      }
      case yaml.EVENT_ID.ALIAS:
        attach({ offset: event.anchorStart, children: new Map() }, undefined);
        break;
      case yaml.EVENT_ID.SEQUENCE:
      case yaml.EVENT_ID.MAPPING: {
        const node: PositionNode = { offset: event.start, children: new Map() };
        attach(node, undefined);
        stack.push({ node, kind: event.type === yaml.EVENT_ID.SEQUENCE ? "seq" : "map", index: 0, pendingKey: undefined });
        break;
      }
      case yaml.EVENT_ID.POP:
        stack.pop();
        break;
      default:
        break;
    }
  }
  return root;
}

function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function offsetToPosition(lineStarts: number[], offset: number): SourcePosition {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

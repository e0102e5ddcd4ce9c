import * as yaml from "js-yaml";
import { offsetToPositionMapper, type SourcePosition, type ValuePath } from "./source-position.js";

interface PositionNode {
  offset: number;
  children: Map<string, PositionNode>;
}

type Frame = { node: PositionNode; kind: "seq" | "map"; index: number; pendingKey: { key: string; offset: number } | undefined };

/**
 * Builds `positionOf(path)` from js-yaml's flat event stream. A mapping entry points at its
 * key (where a reader looks for it), a sequence item at the item; a path that leaves the
 * document (a missing key) resolves to its closest existing ancestor.
 */
export function buildPositionIndex(source: string, events: readonly yaml.Event[]): (path: ValuePath) => SourcePosition {
  const stack: Frame[] = [];
  let root: PositionNode | undefined;
  const attach = (node: PositionNode, scalarKey: string | undefined): void => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      root ??= node;
      return;
    }
    if (frame.kind === "seq") {
      frame.node.children.set(String(frame.index++), node);
      return;
    }
    if (frame.pendingKey === undefined) {
      frame.pendingKey = { key: scalarKey ?? "\u0000complex-key", offset: node.offset };
      return;
    }
    node.offset = frame.pendingKey.offset;
    if (!frame.node.children.has(frame.pendingKey.key)) frame.node.children.set(frame.pendingKey.key, node);
    frame.pendingKey = undefined;
  };
  for (const event of events) {
    switch (event.type) {
      case yaml.EVENT_ID.SCALAR: {
        const start = firstOf(anchorMark(event.anchorStart), event.tagStart, event.valueStart);
        attach({ offset: start, children: new Map() }, yaml.getScalarValue(source, event));
        break;
      }
      case yaml.EVENT_ID.ALIAS:
        attach({ offset: Math.max(0, event.anchorStart - 1), children: new Map() }, undefined);
        break;
      case yaml.EVENT_ID.SEQUENCE:
      case yaml.EVENT_ID.MAPPING: {
        const node: PositionNode = { offset: firstOf(anchorMark(event.anchorStart), event.tagStart, event.start), children: new Map() };
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
  const toPosition = offsetToPositionMapper(source);
  return (path) => {
    let node = root;
    for (const key of path) {
      const child = node?.children.get(String(key));
      if (!child) break;
      node = child;
    }
    return toPosition(node?.offset ?? 0);
  };
}

function firstOf(...offsets: number[]): number {
  const present = offsets.filter((o) => o >= 0);
  return present.length > 0 ? Math.min(...present) : 0;
}

/** js-yaml's anchor offsets point at the name; the `&` before it is where the node begins. */
function anchorMark(anchorStart: number): number {
  return anchorStart >= 0 ? anchorStart - 1 : -1;
}

import * as yaml from "js-yaml";

/** Where an alias pushed the document's expanded size over the limit. */
export interface AliasExpansionExceeded {
  offset: number;
  expandedNodes: number;
}

/**
 * Counts the nodes the document would have if every alias were copied out, without copying
 * anything: each anchor's subtree size is remembered, each alias adds it. A "billion laughs"
 * is caught arithmetically at the alias that crosses `maxNodes`, before anything walks it.
 */
export function findAliasExpansionExceeded(source: string, events: readonly yaml.Event[], maxNodes: number): AliasExpansionExceeded | undefined {
  const anchorSizes = new Map<string, number>();
  const open: { start: number; anchor: string | undefined }[] = [];
  let total = 0;
  for (const event of events) {
    switch (event.type) {
      case yaml.EVENT_ID.SCALAR:
        total += 1;
        if (event.anchorStart >= 0) anchorSizes.set(source.slice(event.anchorStart, event.anchorEnd), 1);
        break;
      case yaml.EVENT_ID.SEQUENCE:
      case yaml.EVENT_ID.MAPPING:
        open.push({ start: total, anchor: event.anchorStart >= 0 ? source.slice(event.anchorStart, event.anchorEnd) : undefined });
        total += 1;
        break;
      case yaml.EVENT_ID.ALIAS:
        total += anchorSizes.get(source.slice(event.anchorStart, event.anchorEnd)) ?? 1;
        if (total > maxNodes) return { offset: Math.max(0, event.anchorStart - 1), expandedNodes: total };
        break;
      case yaml.EVENT_ID.POP: {
        const frame = open.pop();
        if (frame?.anchor !== undefined) anchorSizes.set(frame.anchor, total - frame.start);
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

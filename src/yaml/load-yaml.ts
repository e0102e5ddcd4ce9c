import * as yaml from "js-yaml";
import { findAliasExpansionExceeded } from "./alias-expansion.js";
import { buildPositionIndex } from "./position-index.js";
import { offsetToPositionMapper, type SourcePosition, type ValuePath } from "./source-position.js";

export type { SourcePosition, ValuePath } from "./source-position.js";

/** Limits for untrusted YAML (repository files anyone with a pull request can write). */
export interface LoadYamlOptions {
  /** Largest accepted source, in UTF-8 bytes. Default 256 KB. */
  maxBytes?: number;
  /** Deepest accepted nesting of mappings and sequences. Default 64. */
  maxDepth?: number;
  /**
   * Aliases (`*name`) accepted per document. Default 0: refused, since js-yaml counts alias
   * nodes rather than their expansion. When above 0, the expanded size is bounded too.
   */
  maxAliases?: number;
  /** Most nodes the document may have once every alias is expanded. Default 10,000. */
  maxExpandedNodes?: number;
}

/** Why a source did not load, pointing at the offending character (1-based). */
export interface YamlError {
  message: string;
  line: number;
  column: number;
}

export type LoadYamlResult =
  | { ok: true; value: unknown; positionOf(path: ValuePath): SourcePosition }
  | { ok: false; error: YamlError };

export const DEFAULT_MAX_YAML_BYTES = 256 * 1024;
export const DEFAULT_MAX_YAML_DEPTH = 64;
export const DEFAULT_MAX_EXPANDED_NODES = 10_000;

/**
 * Parses one YAML document safely and keeps a map from every value's path to its line and
 * column. Never throws. Keys such as `__proto__` stay plain data (js-yaml 5 defines them as
 * own properties); `<<` is not interpreted as a merge key, it stays an ordinary key.
 */
export function loadYaml(source: string, opts: LoadYamlOptions = {}): LoadYamlResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_YAML_BYTES;
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_YAML_DEPTH;
  const maxAliases = opts.maxAliases ?? 0;
  // Checking the UTF-16 length first avoids encoding a huge string just to refuse it.
  if (source.length > maxBytes || Buffer.byteLength(source, "utf8") > maxBytes) {
    const size = Buffer.byteLength(source, "utf8");
    return fail(`the file is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}`, 1, 1);
  }
  const toPosition = offsetToPositionMapper(source);
  try {
    const events = yaml.parseEvents(source, { maxDepth });
    const aliasAt = events.find((e): e is yaml.AliasEvent => e.type === yaml.EVENT_ID.ALIAS);
    if (aliasAt && maxAliases === 0) {
      const at = toPosition(Math.max(0, aliasAt.anchorStart - 1));
      return fail("aliases (*name) are not allowed: write the value out instead of referring to an anchor", at.line, at.column);
    }
    if (aliasAt) {
      const exceeded = findAliasExpansionExceeded(source, events, opts.maxExpandedNodes ?? DEFAULT_MAX_EXPANDED_NODES);
      if (exceeded) {
        const at = toPosition(exceeded.offset);
        return fail(`aliases expand the document beyond ${opts.maxExpandedNodes ?? DEFAULT_MAX_EXPANDED_NODES} nodes (an "alias bomb")`, at.line, at.column);
      }
    }
    const documents = yaml.constructFromEvents(events, { source, maxAliases, maxTotalMergeKeys: 0 });
    if (documents.length > 1) {
      const starts = [...source.matchAll(/^---/gm)].map((m) => m.index);
      const firstIsExplicit = events[0]?.type === yaml.EVENT_ID.DOCUMENT && events[0].explicitStart;
      const at = toPosition(starts[firstIsExplicit ? 1 : 0] ?? 0);
      return fail("only one YAML document per file is allowed (found a second `---`)", at.line, at.column);
    }
    return { ok: true, value: documents[0] ?? null, positionOf: buildPositionIndex(source, events) };
  } catch (error) {
    return { ok: false, error: toYamlError(error, maxDepth) };
  }
}

function toYamlError(error: unknown, maxDepth: number): YamlError {
  if (error instanceof yaml.YAMLException) {
    const reason = /maxDepth/.test(error.reason) ? `nesting is deeper than ${maxDepth} levels` : error.reason;
    // js-yaml marks are 0-based.
    return { message: reason, line: (error.mark?.line ?? 0) + 1, column: (error.mark?.column ?? 0) + 1 };
  }
  return { message: error instanceof Error ? error.message : String(error), line: 1, column: 1 };
}

function fail(message: string, line: number, column: number): LoadYamlResult {
  return { ok: false, error: { message, line, column } };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

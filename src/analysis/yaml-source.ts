/** A 1-based line and column in a YAML source, as editors and check-run annotations count. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A path to a value inside a loaded document, e.g. `["gates", 2, "inputs", 0]`. */
export type ValuePath = ReadonlyArray<string | number>;

/** A document that loaded, with a way back from any value to where it was written. */
export interface LoadedYaml {
  value: unknown;
  /** The position of the value at `path`, or of its closest existing ancestor. */
  positionOf(path: ValuePath): SourcePosition;
}

/** Why a source did not load, pointing at the offending character. */
export interface YamlLoadError {
  message: string;
  line: number;
  column: number;
}

/**
 * What fault-tree parsing needs from a YAML loader. Kept this small so the shared
 * loader (src/yaml) and the local fallback are interchangeable and tests can fake it.
 */
export interface YamlSourceLoader {
  load(source: string): LoadedYaml | { error: YamlLoadError };
}

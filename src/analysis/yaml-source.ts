import { loadYaml, type SourcePosition, type ValuePath } from "../yaml/load-yaml.js";

export type { SourcePosition, ValuePath };

/** A document that loaded, with a way back from any value to where it was written. */
export interface LoadedYaml {
  value: unknown;
  /** The position of the value at `path`, or of its closest existing ancestor. */
  positionOf(path: ValuePath): SourcePosition;
}

/** Why a source did not load, pointing at the offending character (1-based). */
export interface YamlLoadError {
  message: string;
  line: number;
  column: number;
}

/**
 * What fault-tree parsing needs from a YAML loader. Kept this small so analysis does not
 * depend on the shared loader's options, and tests can pass a fake.
 */
export interface YamlSourceLoader {
  load(source: string): LoadedYaml | { error: YamlLoadError };
}

/** The shared safe loader (src/yaml): size, depth and alias caps, aliases refused. */
export const sharedYamlLoader: YamlSourceLoader = {
  load(source) {
    const result = loadYaml(source);
    return result.ok ? { value: result.value, positionOf: result.positionOf } : { error: result.error };
  },
};

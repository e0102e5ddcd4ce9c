import { configSchema, type Config } from "./schema.js";

export const CONFIG_FILE = "firewatch.yml";

/** A problem found in `.github/firewatch.yml`, named by its field so the user can fix it. */
export interface ConfigProblem {
  field: string;
  message: string;
}

export interface LoadedConfig {
  config: Config;
  problems: ConfigProblem[];
}

/**
 * Validates raw configuration. An invalid field never makes the whole file useless:
 * the field is dropped, its default is used, and the problem is returned so it can be
 * shown to the people who can fix it.
 */
export function parseConfig(raw: unknown): LoadedConfig {
  const problems: ConfigProblem[] = [];
  if (raw !== null && raw !== undefined && (typeof raw !== "object" || Array.isArray(raw))) {
    return {
      config: configSchema.parse({}),
      problems: [{ field: "(file)", message: "must be a YAML mapping of settings" }],
    };
  }
  let candidate: Record<string, unknown> = structuredClone((raw ?? {}) as Record<string, unknown>);
  delete candidate._extends;
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = configSchema.safeParse(candidate);
    if (result.success) return { config: result.data, problems };
    for (const issue of result.error.issues) {
      const path = fieldPath(issue.path, issue.code === "unrecognized_keys" ? issue.keys : []);
      problems.push({ field: path.join(".") || "(file)", message: describe(issue) });
      candidate = without(candidate, path);
    }
  }
  return { config: configSchema.parse({}), problems };
}

function fieldPath(path: PropertyKey[], unknownKeys: string[]): string[] {
  const keys = path.map(String);
  // An unknown key is removed on its own; a bad list element takes its whole list with it.
  if (unknownKeys.length > 0) return [...keys, unknownKeys[0]!];
  const firstIndex = keys.findIndex((k) => /^\d+$/.test(k));
  return firstIndex === -1 ? keys : keys.slice(0, firstIndex);
}

function describe(issue: { code: string; message: string }): string {
  if (issue.code === "unrecognized_keys") return "is not a Firewatch setting";
  return issue.message;
}

function without(obj: Record<string, unknown>, path: string[]): Record<string, unknown> {
  if (path.length === 0) return {};
  const copy: Record<string, unknown> = { ...obj };
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    delete copy[head];
    return copy;
  }
  const child = copy[head];
  if (child && typeof child === "object" && !Array.isArray(child)) {
    copy[head] = without(child as Record<string, unknown>, rest);
  } else {
    delete copy[head];
  }
  return copy;
}

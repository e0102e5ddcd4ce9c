import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { loadSpec } from "./load-spec.js";
import { toJsonSchema } from "./to-json-schema.js";

/** Each converted component schema is registered with ajv as `${COMPONENT_BASE}/<name>`. */
const COMPONENT_BASE = "https://stand-in.invalid/components";
const componentUri = (ref: string) => `${COMPONENT_BASE}/${ref.replace("#/components/schemas/", "")}`;

/** One ajv instance per process; components compile once and are shared (inlineRefs: false). */
let ajvCache: Ajv | undefined;
/** Component names already registered with ajvCache. */
const registeredComponentsCache = new Set<string>();
/** Compiled validators, keyed by the caller (e.g. `issues/create request body`). */
const validatorCache = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  if (!ajvCache) {
    ajvCache = new Ajv({ strict: false, allErrors: true, validateSchema: false, inlineRefs: false });
    addFormats.default(ajvCache);
    // GitHub's own formats (a repository's "owner/name"): checked as plain strings.
    ajvCache.addFormat("repo.nwo", true);
  }
  return ajvCache;
}

/**
 * Validates `value` against an OpenAPI schema taken from GitHub's description; the
 * validator is compiled on first use under `key` and reused.
 * @returns a readable list of problems, empty when the value is valid.
 */
export function validateAgainst(key: string, openApiSchema: unknown, value: unknown): string[] {
  let validate = validatorCache.get(key);
  if (!validate) {
    const schema = toJsonSchema(openApiSchema, componentUri);
    registerReferencedComponents(schema);
    validate = getAjv().compile(schema as object);
    validatorCache.set(key, validate);
  }
  return validate(value) ? [] : formatErrors(validate.errors ?? []);
}

/** Registers, transitively, only the components this schema refers to (the spec has ~1,000). */
function registerReferencedComponents(schema: unknown): void {
  const components = loadSpec().components.schemas;
  const pending = collectComponentRefs(schema);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (registeredComponentsCache.has(name)) continue;
    registeredComponentsCache.add(name);
    const converted = toJsonSchema(components[name], componentUri);
    getAjv().addSchema(converted as object, `${COMPONENT_BASE}/${name}`);
    pending.push(...collectComponentRefs(converted));
  }
}

function collectComponentRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) collectComponentRefs(item, found);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith(`${COMPONENT_BASE}/`)) {
        found.push(value.slice(COMPONENT_BASE.length + 1));
      } else {
        collectComponentRefs(value, found);
      }
    }
  }
  return found;
}

const MAX_ERRORS = 6;

function formatErrors(errors: ErrorObject[]): string[] {
  // allErrors reports every failed anyOf branch; the shallowest errors say the most.
  const sorted = [...errors].sort((a, b) => a.instancePath.length - b.instancePath.length);
  const lines = [...new Set(sorted.map(describeError))];
  return lines.length > MAX_ERRORS ? [...lines.slice(0, MAX_ERRORS), `… ${lines.length - MAX_ERRORS} more`] : lines;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === "" ? "(root)" : error.instancePath;
  const detail =
    error.keyword === "required"
      ? `missing required property "${String(error.params.missingProperty)}"`
      : error.keyword === "enum"
        ? `${error.message ?? "invalid"}: ${JSON.stringify(error.params.allowedValues)}`
        : (error.message ?? error.keyword);
  return `${where}: ${detail}`;
}

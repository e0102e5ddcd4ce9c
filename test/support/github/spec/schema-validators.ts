import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { loadSpec } from "./load-spec.js";
import { componentsToJsonSchema, toJsonSchema } from "./to-json-schema.js";

const COMPONENTS_ID = "github-openapi";

/** One ajv instance per process with GitHub's component schemas registered (lazily compiled). */
let ajvCache: Ajv | undefined;
/** Compiled validators, keyed by the caller (e.g. `issues/create request body`). */
const validatorCache = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  if (ajvCache) return ajvCache;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: false });
  addFormats.default(ajv);
  const schemas = componentsToJsonSchema(loadSpec().components.schemas, COMPONENTS_ID);
  ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas } });
  ajvCache = ajv;
  return ajv;
}

/**
 * Validates `value` against an OpenAPI schema taken from GitHub's description; the
 * validator is compiled on first use under `key` and reused.
 * @returns a readable list of problems, empty when the value is valid.
 */
export function validateAgainst(key: string, openApiSchema: unknown, value: unknown): string[] {
  let validate = validatorCache.get(key);
  if (!validate) {
    validate = getAjv().compile(toJsonSchema(openApiSchema, COMPONENTS_ID) as object);
    validatorCache.set(key, validate);
  }
  return validate(value) ? [] : formatErrors(validate.errors ?? []);
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

/**
 * Turns an OpenAPI 3.0 schema into JSON Schema that ajv validates the way GitHub's
 * OpenAPI description means it:
 *
 * - `nullable: true` adds `null` to the allowed values. Ajv's own `nullable` support only
 *   works next to `type` and still rejects `null` when an `enum` lacks it, but GitHub uses
 *   `nullable` beside bare `allOf`/`$ref` (e.g. `nullable-simple-user`) and on enums without
 *   `null` (e.g. `state_reason` of "Update an issue"), so it is rewritten here instead.
 * - `oneOf` becomes `anyOf`: GitHub's alternatives overlap (a file object also matches
 *   the symlink schema), so "exactly one" would reject what GitHub itself returns.
 * - `$ref: "#/components/schemas/x"` becomes `refToUri(ref)`, the id under which that
 *   converted component is registered with ajv.
 */
export function toJsonSchema(schema: unknown, refToUri: (ref: string) => string): unknown {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;

  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "nullable" || key === "discriminator") continue;
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/")) {
      out.$ref = refToUri(value);
    } else if (SCHEMA_MAP_KEYWORDS.has(key)) {
      out[key] = mapValues(value, (sub) => toJsonSchema(sub, refToUri));
    } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key === "oneOf" ? "anyOf" : key] = value.map((sub) => toJsonSchema(sub, refToUri));
    } else if (SCHEMA_KEYWORDS.has(key)) {
      out[key] = toJsonSchema(value, refToUri);
    } else {
      out[key] = value;
    }
  }
  return (schema as { nullable?: unknown }).nullable === true ? allowNull(out) : out;
}

const SCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties"]);
const SCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf"]);
const SCHEMA_KEYWORDS = new Set(["items", "additionalProperties", "not"]);

function mapValues(value: unknown, fn: (item: unknown) => unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fn(item)]));
}

function allowNull(schema: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...schema.enum, null];
  }
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.type)) return { ...schema, type: [...new Set([...schema.type, "null"])] };
  return { anyOf: [schema, { type: "null" }] };
}

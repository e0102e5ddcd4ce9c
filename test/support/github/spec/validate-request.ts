import { loadSpec } from "./load-spec.js";
import type { MatchedOperation } from "./match-operation.js";
import { isReference, type OpenApiParameter, type OpenApiRequestBody } from "./openapi-types.js";
import { validateAgainst } from "./schema-validators.js";

/**
 * Checks a request against its operation: required path/query parameters, their types, and
 * the JSON body against the requestBody schema.
 * @returns problems, each naming the parameter or body location; empty when valid.
 */
export function validateRequest(
  matched: MatchedOperation,
  query: URLSearchParams,
  body: unknown,
): string[] {
  const problems: string[] = [];
  for (const parameter of matched.parameters) {
    if (parameter.in !== "path" && parameter.in !== "query") continue;
    const raw = parameter.in === "path" ? matched.params[parameter.name] : (query.get(parameter.name) ?? undefined);
    if (raw === undefined) {
      if (parameter.required) problems.push(`missing required ${parameter.in} parameter "${parameter.name}"`);
      continue;
    }
    problems.push(...validateParameter(matched.operationId, parameter, raw));
  }
  problems.push(...validateBody(matched, body));
  return problems;
}

function validateParameter(operationId: string, parameter: OpenApiParameter, raw: string): string[] {
  if (!parameter.schema) return [];
  const value = coerce(raw, (parameter.schema as { type?: unknown }).type);
  const key = `${operationId} ${parameter.in} ${parameter.name}`;
  return validateAgainst(key, parameter.schema, value).map(
    (problem) => `${parameter.in} parameter "${parameter.name}"=${JSON.stringify(raw)}: ${problem.replace(/^\(root\): /, "")}`,
  );
}

/** Query and path values arrive as text; GitHub parses numbers and booleans. */
function coerce(raw: string, type: unknown): unknown {
  if ((type === "integer" || type === "number") && raw.trim() !== "" && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
  if (type === "array") return raw.split(",");
  return raw;
}

function validateBody(matched: MatchedOperation, body: unknown): string[] {
  const requestBody = resolveRequestBody(matched.operation.requestBody);
  if (!requestBody) return [];
  if (body === undefined) return requestBody.required ? ["missing required request body"] : [];
  const schema = requestBody.content?.["application/json"]?.schema;
  if (!schema) return [];
  return validateAgainst(`${matched.operationId} request body`, schema, body).map((problem) => `body ${problem}`);
}

function resolveRequestBody(body: OpenApiRequestBody | { $ref: string } | undefined): OpenApiRequestBody | undefined {
  if (!isReference(body)) return body;
  const name = body.$ref.replace("#/components/requestBodies/", "");
  return loadSpec().components.requestBodies?.[name];
}

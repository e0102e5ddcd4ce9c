import { loadSpec } from "./load-spec.js";
import type { MatchedOperation } from "./match-operation.js";
import { isReference, type OpenApiResponse } from "./openapi-types.js";
import { validateAgainst } from "./schema-validators.js";

/**
 * Checks a JSON response the stand-in is about to send against the operation's documented
 * response for that status. A problem here is a bug in the stand-in, not in the app.
 * @returns problems; empty when valid or when the spec documents no JSON body.
 */
export function validateResponse(matched: MatchedOperation, status: number, body: unknown): string[] {
  const documented = matched.operation.responses[String(status)];
  if (!documented) {
    if (status >= 200 && status < 300) {
      return [`status ${status} is not a documented response (documented: ${Object.keys(matched.operation.responses).join(", ")})`];
    }
    return [];
  }
  const response = resolveResponse(documented);
  const schema = response?.content?.["application/json"]?.schema;
  if (!schema) return [];
  return validateAgainst(`${matched.operationId} response ${status}`, schema, body);
}

function resolveResponse(response: OpenApiResponse | { $ref: string }): OpenApiResponse | undefined {
  if (!isReference(response)) return response;
  return loadSpec().components.responses[response.$ref.replace("#/components/responses/", "")];
}

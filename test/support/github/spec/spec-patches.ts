import type { OpenApiDocument } from "./openapi-types.js";

/**
 * Places where GitHub's OpenAPI description is narrower than what GitHub really returns.
 * Each patch names the observed behaviour it restores; keep this list short and honest.
 */
export function applySpecPatches(spec: OpenApiDocument): OpenApiDocument {
  // "List issue events" returns closed/reopened events too (they appear in the timeline
  // schema as `state-change-issue-event`), but `issue-event-for-issue` omits them.
  const eventForIssue = spec.components.schemas["issue-event-for-issue"] as { anyOf?: unknown[] };
  eventForIssue.anyOf?.push({ $ref: "#/components/schemas/state-change-issue-event" });
  // "List installations for the authenticated app" inlines its installation with
  // `account: allOf [simple-user, enterprise]` — an account that is both a user and an
  // enterprise. GitHub returns one or the other, as `installation` itself says (`anyOf`).
  const listed = spec.paths["/app/installations"]?.get?.responses?.["200"] as
    | { content?: { "application/json"?: { schema?: { items?: { properties?: Record<string, unknown> } } } } }
    | undefined;
  const properties = listed?.content?.["application/json"]?.schema?.items?.properties;
  const account = properties?.account as { allOf?: unknown[]; anyOf?: unknown[] } | undefined;
  if (account?.allOf) {
    account.anyOf = account.allOf;
    delete account.allOf;
  }
  return spec;
}

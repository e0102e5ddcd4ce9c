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
  return spec;
}

import { loadSpec } from "./load-spec.js";
import {
  HTTP_METHODS,
  isReference,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
} from "./openapi-types.js";

/** An operation of GitHub's REST API, as found by method and URL path. */
export interface MatchedOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/issues/{issue_number}`. */
  template: string;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  operation: OpenApiOperation;
  /** Path-level and operation-level parameters with `$ref`s resolved. */
  parameters: OpenApiParameter[];
}

interface RouteEntry {
  method: string;
  template: string;
  pattern: RegExp;
  paramNames: string[];
  /** Literal segments score higher, earlier ones most: `/issues/comments` beats `/issues/{n}`. */
  specificity: string;
  operation: OpenApiOperation;
  parameters: OpenApiParameter[];
}

/** Compiled routes, built once per process from the cached spec. */
let routeTableCache: RouteEntry[] | undefined;

/** Finds the operation for `METHOD /path` (path without the `/api/v3` prefix). */
export function matchOperation(method: string, path: string): MatchedOperation | undefined {
  routeTableCache ??= buildRouteTable(loadSpec());
  let best: { entry: RouteEntry; match: RegExpExecArray } | undefined;
  for (const entry of routeTableCache) {
    if (entry.method !== method.toUpperCase()) continue;
    const match = entry.pattern.exec(path);
    if (match && (!best || entry.specificity > best.entry.specificity)) best = { entry, match };
  }
  if (!best) return undefined;
  const { entry, match } = best;
  const params = Object.fromEntries(
    entry.paramNames.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]),
  );
  return {
    operationId: entry.operation.operationId,
    method: entry.method,
    template: entry.template,
    params,
    operation: entry.operation,
    parameters: entry.parameters,
  };
}

/** The operation with this id, or undefined (used to resolve `failNext` routes). */
export function findOperationById(operationId: string): { method: string; template: string } | undefined {
  routeTableCache ??= buildRouteTable(loadSpec());
  const entry = routeTableCache.find((candidate) => candidate.operation.operationId === operationId);
  return entry && { method: entry.method, template: entry.template };
}

function buildRouteTable(spec: OpenApiDocument): RouteEntry[] {
  const entries: RouteEntry[] = [];
  for (const [template, pathItem] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(
        (parameter) => resolveParameter(spec, parameter),
      );
      entries.push({ method: method.toUpperCase(), template, operation, parameters, ...compileTemplate(template, parameters) });
    }
  }
  return entries;
}

function compileTemplate(template: string, parameters: OpenApiParameter[]) {
  const paramNames: string[] = [];
  const segments = template.split("/").slice(1);
  const source = segments
    .map((segment) =>
      segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
        if (name === undefined) return escapeRegExp(part);
        paramNames.push(name);
        const multi = parameters.some((p) => p.name === name && p["x-multi-segment"]);
        return multi ? "(.+)" : "([^/]+)";
      }),
    )
    .join("/");
  const specificity = segments.map((segment) => (segment.startsWith("{") ? "0" : "1")).join("");
  return { pattern: new RegExp(`^/${source}/?$`), paramNames, specificity };
}

function resolveParameter(spec: OpenApiDocument, parameter: OpenApiParameter | { $ref: string }): OpenApiParameter {
  if (!isReference(parameter)) return parameter;
  const name = parameter.$ref.replace("#/components/parameters/", "");
  const resolved = spec.components.parameters[name];
  if (!resolved) throw new Error(`OpenAPI: unresolved parameter ${parameter.$ref}`);
  return resolved;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

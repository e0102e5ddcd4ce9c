import type Handlebars from "handlebars";
import { parseErrorPosition } from "./parse-error-position.js";
import { TemplateFailure, type SourceLocation } from "./template-error.js";
import type { TemplateLimits } from "./template-limits.js";

/**
 * Names that lead from data to prototypes and from there to `Function`. Handlebars already
 * refuses them at run time (since 4.6) but silently renders nothing and logs to the console;
 * refusing them here tells the template's author, at the line, instead.
 */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  "constructor",
  "__proto__",
  "prototype",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/** Where partials are called, for pointing a run-time partial error at a line. */
export interface PartialSites {
  /** First call of each partial name. */
  readonly firstCall: ReadonlyMap<string, SourceLocation>;
  /** A call of partial N inside the inline definition of N: the recursion. */
  readonly recursiveCall: ReadonlyMap<string, SourceLocation>;
}

interface AstNode {
  readonly type?: string;
  readonly loc?: SourceLocation;
  readonly [key: string]: unknown;
}

/**
 * Parses a template and refuses, with the line, what must never run: prototype names in
 * any path or string literal (`{{constructor.constructor}}`, `{{#with __proto__}}`,
 * `{{lookup this "constructor"}}`), unescaped output (`{{{x}}}`, `{{&x}}`), block
 * nesting deeper than the limit, and calls of helpers the environment does not have
 * (`{{nope 1}}`), which would otherwise only fail when the template is rendered.
 */
export function checkTemplateAst(
  hb: typeof Handlebars,
  source: string,
  limits: TemplateLimits,
): PartialSites {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const loc = parseErrorPosition(message, source) ?? locFromException(error);
    throw new TemplateFailure(describeParseError(message), loc);
  }
  const firstCall = new Map<string, SourceLocation>();
  const recursiveCall = new Map<string, SourceLocation>();

  const visit = (node: unknown, nesting: number, inline: readonly string[]): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, nesting, inline);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const n = node as AstNode;
    if (n.type === "PathExpression") {
      const bad = (n.parts as string[]).find((part) => FORBIDDEN_NAMES.has(part));
      if (bad) throw new TemplateFailure(`"${bad}" is not allowed in a template (prototype access is refused)`, n.loc);
    }
    if (n.type === "StringLiteral" && FORBIDDEN_NAMES.has(String(n.value))) {
      throw new TemplateFailure(`"${String(n.value)}" is not allowed in a template (prototype access is refused)`, n.loc);
    }
    if (isHelperCall(n) && !Object.hasOwn(hb.helpers, pathName(n.path) ?? "")) {
      throw new TemplateFailure(`unknown helper "${pathName(n.path) ?? "?"}"`, n.loc);
    }
    if (n.type === "MustacheStatement" && n.escaped === false) {
      // Data is user text; markup the app trusts arrives through helpers (mermaid, cell…)
      // as SafeStrings, so unescaped output has no legitimate use in a report template.
      throw new TemplateFailure("{{{…}}} and {{&…}} (unescaped output) are not allowed: use {{…}} or a helper such as {{md …}}", n.loc);
    }
    let depth = nesting;
    let scope = inline;
    if (n.type === "BlockStatement" || n.type === "PartialBlockStatement" || n.type === "DecoratorBlock") {
      depth += 1;
      if (depth > limits.maxBlockNesting) {
        throw new TemplateFailure(`blocks are nested more than ${limits.maxBlockNesting} deep`, n.loc);
      }
    }
    if (n.type === "DecoratorBlock" && pathName(n.path) === "inline") {
      const name = literalName((n.params as unknown[] | undefined)?.[0]);
      if (name) scope = [...inline, name];
    }
    if ((n.type === "PartialStatement" || n.type === "PartialBlockStatement") && n.loc) {
      const name = pathName(n.name) ?? literalName(n.name);
      if (name) {
        if (!firstCall.has(name)) firstCall.set(name, n.loc);
        if (scope.includes(name) && !recursiveCall.has(name)) recursiveCall.set(name, n.loc);
      }
    }
    for (const [key, value] of Object.entries(n)) {
      if (key !== "loc" && typeof value === "object") visit(value, depth, scope);
    }
  };
  visit(ast, 0, []);
  return { firstCall, recursiveCall };
}

/** `{{name arg}}`, `{{#name arg}}`, `(name arg)`: a simple name called with arguments. */
function isHelperCall(n: AstNode): boolean {
  if (n.type !== "MustacheStatement" && n.type !== "BlockStatement" && n.type !== "SubExpression") return false;
  const path = n.path as AstNode | undefined;
  const params = (n.params as unknown[] | undefined) ?? [];
  const hash = n.hash as { pairs?: unknown[] } | undefined;
  const simple = path?.type === "PathExpression" && path.data !== true && (path.parts as string[]).length === 1 && path.depth === 0;
  return simple && (params.length > 0 || (hash?.pairs?.length ?? 0) > 0);
}

function pathName(node: unknown): string | undefined {
  const n = node as AstNode | undefined;
  return n?.type === "PathExpression" ? String(n.original) : undefined;
}

function literalName(node: unknown): string | undefined {
  const n = node as AstNode | undefined;
  return n?.type === "StringLiteral" ? String(n.value) : undefined;
}

function locFromException(error: unknown): SourceLocation | undefined {
  const e = error as { lineNumber?: unknown; column?: unknown };
  return typeof e.lineNumber === "number"
    ? { start: { line: e.lineNumber, column: typeof e.column === "number" ? e.column : 0 } }
    : undefined;
}

/** "Parse error on line 3: … Expecting 'ID', …, got 'INVALID'" → a sentence a person can act on. */
function describeParseError(message: string): string {
  const lines = message.split("\n");
  const got = /got '([^']+)'\s*$/.exec(message)?.[1];
  const head = (lines[0] ?? message).replace(/^Parse error on line \d+:?/, "").replace(/ - \d+:\d+$/, "").trim();
  if (/^Parse error/.test(lines[0] ?? "")) {
    const what = got === "EOF" ? "the template ended inside an expression or block" : `unexpected ${got ?? "text"}`;
    return `syntax error: ${what} (check that every {{ has a matching }} and every block is closed)`;
  }
  return `syntax error: ${head || message}`;
}

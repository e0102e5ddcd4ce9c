import type Handlebars from "handlebars";
import { safeText } from "../../markdown/safe-text.js";
import { tableCell } from "../../markdown/table-cell.js";
import { FORBIDDEN_NAMES } from "../environment/check-template-ast.js";
import { MermaidDiagram } from "../mermaid/mermaid-diagram.js";
import type { RenderBudget } from "../environment/render-budget.js";
import { TemplateFailure, type SourceLocation } from "../environment/template-error.js";
import { formatDate, isDateStyle } from "./format-date.js";
import { elapsedMs, formatDuration } from "../../time/duration.js";

interface Options {
  readonly name?: string;
  readonly loc?: SourceLocation;
  readonly fn: (context: unknown, runtime?: { data?: unknown; blockParams?: unknown[] }) => string;
  readonly inverse: (context: unknown) => string;
  readonly data?: Record<string, unknown>;
  readonly hash: Record<string, unknown>;
  readonly lookupProperty: (parent: unknown, name: string) => unknown;
}

type Helper = (this: unknown, ...args: unknown[]) => unknown;

/** Helpers always receive their options last; user arguments come before. */
function split(args: unknown[]): [unknown[], Options] {
  return [args.slice(0, -1), args[args.length - 1] as Options];
}

const EMPTY = "—";

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/**
 * Registers the helpers a report template may use, and replaces the built-ins that could
 * run away (`each`, `lookup`, `log`, `helperMissing`) with bounded, line-reporting ones.
 * Every helper returns either plain values (escaped by `{{ }}`) or a SafeString whose
 * content it made safe itself.
 */
export function registerTemplateHelpers(hb: typeof Handlebars, budget: () => RenderBudget): void {
  const safe = (value: string) => new hb.SafeString(value);
  const helpers: Record<string, Helper> = {
    each(this: unknown, ...args) {
      const [[list], options] = split(args);
      const data = options.data ? (hb.createFrame(options.data) as Record<string, unknown>) : undefined;
      const entries: Array<[string | number, unknown]> = Array.isArray(list)
        ? list.map((item, i) => [i, item] as [number, unknown])
        : list !== null && typeof list === "object" && !(list instanceof MermaidDiagram)
          ? Object.keys(list).map((key) => [key, (list as Record<string, unknown>)[key]] as [string, unknown])
          : [];
      let out = "";
      entries.forEach(([key, item], index) => {
        budget().countIteration(options.loc);
        if (data) Object.assign(data, { key, index, first: index === 0, last: index === entries.length - 1 });
        out += options.fn(item, { data, blockParams: [item, key] });
        budget().checkOutput(out.length, "this loop", options.loc);
      });
      return entries.length === 0 ? options.inverse(this) : out;
    },
    lookup(...args) {
      const [[object, field], options] = split(args);
      const name = text(field);
      if (FORBIDDEN_NAMES.has(name)) {
        throw new TemplateFailure(`"${name}" is not allowed in a template (prototype access is refused)`, options.loc);
      }
      return object === null || object === undefined ? undefined : options.lookupProperty(object, name);
    },
    log: () => undefined,
    helperMissing(...args) {
      const [params, options] = split(args);
      if (params.length === 0) return undefined;
      throw new TemplateFailure(`unknown helper "${options.name ?? "?"}"`, options.loc);
    },
    date(...args) {
      const [[value, style], options] = split(args);
      if (style !== undefined && !isDateStyle(style)) {
        throw new TemplateFailure(`date: style must be "datetime", "date", "time" or "iso", not "${text(style)}"`, options.loc);
      }
      return formatDate(value, style) ?? (text(value) || EMPTY);
    },
    duration(...args) {
      const [params] = split(args);
      const ms = params.length >= 2 ? elapsedMs(params[0], params[1]) : params[0];
      return formatDuration(ms);
    },
    md(...args) {
      const [[value]] = split(args);
      return safe(safeText(text(value)));
    },
    cell(...args) {
      const [[value]] = split(args);
      return safe(tableCell(text(value)));
    },
    join(...args) {
      const [[list, separator]] = split(args);
      if (!Array.isArray(list)) return "";
      const sep = typeof separator === "string" ? separator : ", ";
      return safe(list.map((item) => safeText(text(item))).join(safeText(sep)));
    },
    eq(...args) {
      const [[a, b]] = split(args);
      return a === b;
    },
    default(...args) {
      const [[value, fallback]] = split(args);
      const empty = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
      return empty ? fallback : value;
    },
    user(...args) {
      const [[login]] = split(args);
      const name = text(login).replace(/^@+/, "");
      // Shows "@login" as people expect, with the zero-width space that keeps it from pinging.
      return name === "" ? EMPTY : safe(safeText(`@${name}`));
    },
    mermaid(...args) {
      const [[diagram]] = split(args);
      const source = diagram instanceof MermaidDiagram ? diagram.source : safeText(text(diagram));
      if (source.trim() === "") return "";
      // A fence longer than any backtick run inside, so nothing in the diagram can close it.
      const longest = Math.max(2, ...Array.from(source.matchAll(/`+/g), (m) => m[0].length));
      const fence = "`".repeat(longest + 1);
      return safe(`${fence}mermaid\n${source.replace(/\n+$/, "")}\n${fence}`);
    },
  };
  for (const [name, helper] of Object.entries(helpers)) hb.registerHelper(name, helper);
}

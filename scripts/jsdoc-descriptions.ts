import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { z } from "zod";

/**
 * One JSDoc comment in a schema source file: on a top-level `const` (`path` is empty) or on a
 * property inside its initializer (`path` names the enclosing properties, outermost first, e.g.
 * `["labels", "incident"]` for `configSchema = z.object({ labels: z.object({ incident: … }) })`).
 */
export interface JSDocEntry {
  file: string;
  variable: string;
  path: string[];
  text: string;
}

/** The text of the node's last JSDoc comment up to its first block tag. Read from the source, not `doc.comment`: TypeScript takes any ` @word` (`/role <role> @user`) for a tag. */
const jsdocText = (node: ts.Node): string | undefined => {
  const doc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
  const lines =
    doc
      ?.getText()
      .replace(/^\/\*\*|\*\/$/g, "")
      .split("\n")
      .map((line) => line.replace(/^\s*\* ?/, "").trimEnd()) ?? [];
  const tag = lines.findIndex((line) => line.trimStart().startsWith("@"));
  const text = lines
    .slice(0, tag < 0 ? undefined : tag)
    .join("\n")
    .trim();
  return text ? text : undefined;
};

const propertyName = (name: ts.PropertyName): string | undefined =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;

/** JSDoc comments of `files` and of the files they import by relative path, read with the TypeScript parser. */
export function extractJSDoc(files: string[]): JSDocEntry[] {
  const entries: JSDocEntry[] = [];
  const queue = files.map((file) => resolve(file));
  for (const file of queue) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (variable: string, node: ts.Node, path: string[]): void => {
      if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        const name = propertyName(node.name);
        if (name === undefined) return;
        const text = jsdocText(node);
        if (text) entries.push({ file, variable, path: [...path, name], text });
        if (ts.isPropertyAssignment(node)) visit(variable, node.initializer, [...path, name]);
        return;
      }
      ts.forEachChild(node, (child) => visit(variable, child, path));
    };
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        const imported = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
        if (
          specifier.startsWith(".") &&
          !statement.importClause?.isTypeOnly &&
          !queue.includes(imported)
        )
          queue.push(imported);
      }
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const variable = declaration.name.text;
        const text = jsdocText(declaration);
        if (text) entries.push({ file, variable, path: [], text });
        visit(variable, declaration.initializer, []);
      }
    }
  }
  return entries;
}

type Schema = z.core.$ZodType;
const isSchema = (value: unknown): value is Schema => value instanceof z.core.$ZodType;

/** The schema of field `key`, looking through wrappers, arrays, records, pipes and union members for the object that has it. */
function fieldOf(schema: Schema, key: string): Schema | undefined {
  const queue = [schema];
  for (const current of queue) {
    const def = current._zod.def as unknown as Record<string, unknown>;
    if (def.type === "object") {
      const field = (def.shape as Record<string, unknown>)[key];
      if (isSchema(field)) return field;
    }
    for (const child of Object.values(def).flat())
      if (isSchema(child) && !queue.includes(child)) queue.push(child);
  }
  return undefined;
}

/**
 * Which zod schema instance each JSDoc comment documents: a property comment documents the schema
 * written as the property's value, a `const` comment the schema the const holds. A property comment
 * wins over the comment on a const used bare as the property's value (`run: stepRunSchema`).
 * Throws when a comment cannot be attached, so documentation never disappears silently.
 */
export async function jsdocDescriptions(files: string[]): Promise<Map<Schema, string>> {
  const found = new Map<Schema, { text: string; field: boolean; where: string }>();
  for (const entry of extractJSDoc(files)) {
    const module = (await import(pathToFileURL(entry.file).href)) as Record<string, unknown>;
    const root = module[entry.variable];
    const where = `${entry.file}: ${[entry.variable, ...entry.path].join(".")}`;
    if (entry.path.length === 0 && !isSchema(root)) continue; // a constant or helper, not a schema
    if (!isSchema(root))
      throw new Error(`${where}: documented fields of \`${entry.variable}\` need it exported`);
    let schema: Schema | undefined = root;
    for (const key of entry.path) schema = schema && fieldOf(schema, key);
    if (!schema) throw new Error(`${where}: no such field in the schema`);
    const field = entry.path.length > 0;
    const seen = found.get(schema);
    if (seen && seen.field === field && seen.text !== entry.text) {
      throw new Error(
        `${where} and ${seen.where} document the same schema differently; wrap one (e.g. \`.optional()\`)`,
      );
    }
    if (!seen || (field && !seen.field)) found.set(schema, { text: entry.text, field, where });
  }
  return new Map([...found].map(([schema, { text }]) => [schema, text]));
}

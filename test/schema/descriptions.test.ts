import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractJSDoc, jsdocDescriptions } from "../../scripts/jsdoc-descriptions.js";
import { generateSchemas, SCHEMA_SOURCES } from "../../scripts/generate-schemas.js";

type Json = {
  description?: string;
  properties?: Record<string, Json>;
  items?: Json;
  oneOf?: Json[];
  anyOf?: Json[];
  const?: unknown;
};

const generated = generateSchemas();
const parse = (file: string) => JSON.parse(generated[file] ?? "") as Json;
const config = parse("schema/firewatch.schema.json");
const runbook = parse("schema/runbook.schema.json");
const step = runbook.properties?.steps?.items?.properties;
// `run` is either the short form (a bare kind) or one of the kinds' mappings.
const runKinds = [step?.run, ...(step?.run?.anyOf ?? [])].flatMap((s) => s?.oneOf ?? []);
const runKind = (kind: string) =>
  runKinds.find((branch) => branch.properties?.kind?.const === kind)?.properties;
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("JSON Schema descriptions come from the zod schemas' JSDoc", () => {
  it("describes configuration fields", () => {
    expect(config.description).toBe(
      "The contents of `.github/firewatch.yml`. Every field is optional.",
    );
    expect(config.properties?.labels?.properties?.incident?.description).toBe(
      "The label that marks an issue as an incident.",
    );
    expect(config.properties?.permissions?.properties?.commands?.description).toMatch(
      /^Minimum repository role .* to run slash commands/,
    );
    expect(config.properties?.roles?.description).toBe(
      "Incident roles that `/role <role> @user` accepts.",
    );
  });

  it("describes runbook fields, through arrays, imported schemas and the step kinds", () => {
    expect(step?.timeout?.description).toBe(
      "How long the step may take before it fails (e.g. `15m`).",
    );
    expect(step?.needs?.description).toBe(
      "Ids of steps that must finish first. Without `needs`, a step waits for the step written before it.",
    );
    expect(step?.run?.description).toBe("How the step is carried out.");
    expect(runKind("comment")?.template?.description).toMatch(/Text typed by users is neutralised/);
    expect(runKind("http")?.expect?.properties?.status?.description).toBe("Accepted status codes.");
    expect(runKind("label")?.add?.description).toBe("Labels to add.");
    expect(runbook.properties?.objectives?.properties?.rto?.description).toMatch(
      /^Recovery time objective/,
    );
  });

  it("puts every field's JSDoc into the generated schemas", () => {
    const texts = new Set(
      [
        ...`${generated["schema/firewatch.schema.json"]}${generated["schema/runbook.schema.json"]}`.matchAll(
          /"description": ("(?:[^"\\]|\\.)*")/g,
        ),
      ].map((m) => JSON.parse(m[1] ?? "") as string),
    );
    const fields = extractJSDoc(SCHEMA_SOURCES).filter((entry) => entry.path.length > 0);
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.filter((entry) => !texts.has(entry.text))).toEqual([]);
  });

  it.each(Object.entries(generated))(
    "committed %s is what the generator produces (run `npm run schema`)",
    async (file, text) => {
      expect(await readFile(new URL(`../../${file}`, import.meta.url), "utf8")).toBe(text);
    },
  );

  it("refuses documentation it cannot attach", async () => {
    await expect(jsdocDescriptions([fixture("unexported.ts")])).rejects.toThrow(
      /`hidden` need it exported/,
    );
    await expect(jsdocDescriptions([fixture("conflict.ts")])).rejects.toThrow(
      /document the same schema differently/,
    );
  });
});

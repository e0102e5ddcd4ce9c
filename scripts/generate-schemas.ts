import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { configSchema } from "../src/config/schema.js";
import { runbookSchema } from "../src/runbooks/schema.js";
import { jsdocDescriptions } from "./jsdoc-descriptions.js";

/** The schema source files whose JSDoc (with that of the files they import) becomes the `description`s. */
export const SCHEMA_SOURCES = ["src/config/schema.ts", "src/runbooks/schema.ts"].map((file) =>
  fileURLToPath(new URL(`../${file}`, import.meta.url)),
);
const descriptions = await jsdocDescriptions(SCHEMA_SOURCES);

/** The JSON Schemas editors use, generated from the zod schemas (never written by hand); each field's JSDoc is its `description`. */
export function generateSchemas(): Record<string, string> {
  const override: NonNullable<z.core.ToJSONSchemaParams["override"]> = ({
    zodSchema,
    jsonSchema,
  }) => {
    const description = descriptions.get(zodSchema);
    if (description) jsonSchema.description = description;
  };
  const render = (schema: z.ZodType, id: string, title: string) =>
    JSON.stringify(
      {
        ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any", override }),
        $id: id,
        title,
      },
      null,
      2,
    ) + "\n";
  return {
    "schema/runbook.schema.json": render(
      runbookSchema,
      "https://firewatch.dev/schema/runbook.schema.json",
      "Firewatch runbook",
    ),
    "schema/firewatch.schema.json": render(
      configSchema,
      "https://firewatch.dev/schema/firewatch.schema.json",
      "Firewatch configuration (.github/firewatch.yml)",
    ),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  for (const [file, text] of Object.entries(generateSchemas())) {
    await writeFile(`${root}${file}`, text);
    console.log(`wrote ${file}`);
  }
}

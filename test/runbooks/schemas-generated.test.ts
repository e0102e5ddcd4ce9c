import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateSchemas } from "../../scripts/generate-schemas.js";

describe("generated JSON Schemas", () => {
  it.each(Object.entries(generateSchemas()))("%s is up to date (run `npm run schema`)", async (file, text) => {
    expect(await readFile(new URL(`../../${file}`, import.meta.url), "utf8")).toBe(text);
  });
});

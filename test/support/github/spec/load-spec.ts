import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { OpenApiDocument } from "./openapi-types.js";
import { applySpecPatches } from "./spec-patches.js";

const require = createRequire(import.meta.url);
const SPEC_FILE = require.resolve("@octokit/openapi/generated/api.github.com.json");

/** The parsed 13 MB description, read at most once per process (i.e. per test worker). */
let specCache: OpenApiDocument | undefined;

/** GitHub's REST API description (api.github.com, with the stand-in's documented patches). */
export function loadSpec(): OpenApiDocument {
  specCache ??= applySpecPatches(JSON.parse(readFileSync(SPEC_FILE, "utf8")) as OpenApiDocument);
  return specCache;
}

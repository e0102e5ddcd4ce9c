import { readFileSync } from "node:fs";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.js";

describe("the shipped .github/firewatch.yml", () => {
  it("is valid and names the LLM services the examples use", () => {
    const { config, problems } = parseConfig(yaml.load(readFileSync(".github/firewatch.yml", "utf8")));
    expect(problems).toEqual([]);
    expect(Object.keys(config.services)).toEqual(["inference", "gateway", "embeddings", "vector-store", "rag-pipeline"]);
    expect(config.runbooks.http_allow).toContain("status.openai.com");
  });
});

import { readdir, readFile } from "node:fs/promises";
import { validateRunbook } from "../src/runbooks/validate-runbook.js";

// Validates the shipped example runbooks, round-robin, 1,000 times in all: YAML parsing with
// positions, the zod schema, graph, host and template checks.
const dir = new URL("../.github/runbooks/", import.meta.url);
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f));
const sources = await Promise.all(files.map((f) => readFile(new URL(f, dir), "utf8")));
const allow = ["status.openai.com", "gateway.internal.example.com"];
const N = 1000;

for (let i = 0; i < 50; i++) validateRunbook(sources[i % sources.length] ?? "", "warm.yml", { httpAllow: allow });
const started = performance.now();
let errors = 0;
for (let i = 0; i < N; i++) errors += validateRunbook(sources[i % sources.length] ?? "", files[i % files.length] ?? "", { httpAllow: allow }).errors.length;
const ms = performance.now() - started;
console.log(`validated ${N} runbooks (${files.length} distinct files) in ${ms.toFixed(0)} ms — ${(ms / N).toFixed(3)} ms each, ${errors} errors`);

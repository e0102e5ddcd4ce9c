import { parseArgs } from "node:util";
import { validateRunbook, type RunbookError } from "../../runbooks/validate-runbook.js";
import type { CliCommand, CliIo } from "../cli-command.js";
import { readHttpAllow } from "../read-http-allow.js";

/** `firewatch validate [paths…] [--format text|github] [--http-allow host,…]` */
export const validateCommand: CliCommand = {
  name: "validate",
  summary: "check runbook files (exit code 1 on errors)",
  usage: "firewatch validate [paths…] [--format text|github] [--http-allow host,…]   (default path: .github/runbooks)",
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string", default: "text" }, "http-allow": { type: "string", multiple: true, default: [] } } });
    if (values.format !== "text" && values.format !== "github") {
      io.stderr(`unknown --format ${values.format}; use text or github`);
      return 2;
    }
    const httpAllow = await readHttpAllow(io, values["http-allow"]);
    const files = await expand(positionals.length > 0 ? positionals : [".github/runbooks"], io);
    if (files.length === 0) {
      io.stderr("no runbook files found (*.yml, *.yaml)");
      return 1;
    }
    let failed = 0;
    for (const file of files) {
      let source: string;
      try {
        source = await io.readFile(resolve(io.cwd, file));
      } catch (error) {
        report(io, values.format, { message: `cannot read the file: ${(error as Error).message}`, line: 1, column: 1, path: file, field: "" });
        failed++;
        continue;
      }
      const { errors } = validateRunbook(source, file, { httpAllow });
      errors.forEach((e) => report(io, values.format, e));
      if (errors.length > 0) failed++;
      else if (values.format === "text") io.stdout(`✓ ${file}`);
    }
    io.stdout(`${files.length} runbook${files.length === 1 ? "" : "s"} checked, ${failed} with errors`);
    return failed > 0 ? 1 : 0;
  },
};

async function expand(paths: string[], io: CliIo): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const listed = await io.listFiles(resolve(io.cwd, path));
    if (listed === undefined) files.push(path);
    else files.push(...listed.filter((f) => /\.ya?ml$/.test(f)).map((f) => `${path.replace(/\/$/, "")}/${f}`).sort());
  }
  return files;
}

function resolve(cwd: string, path: string): string {
  return path.startsWith("/") ? path : `${cwd}/${path}`;
}

function report(io: CliIo, format: string, e: RunbookError): void {
  if (format === "github") {
    // Workflow commands end at a newline; `%`, CR and LF must be escaped, and `,`/`:` in properties.
    const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
    const prop = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
    io.stdout(`::error file=${prop(e.path)},line=${e.line},col=${e.column},title=${prop(`firewatch: ${e.field || "runbook"}`)}::${data(e.message)}`);
  } else {
    io.stdout(`${e.path}:${e.line}:${e.column}: ${e.field ? `${e.field}: ` : ""}${e.message}`);
  }
}

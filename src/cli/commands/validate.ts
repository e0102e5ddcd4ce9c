import { validateRunbook, type RunbookError } from "../../runbooks/validate-runbook.js";
import type { CliIo } from "../cli-command.js";
import { collect } from "../collect.js";
import { defineCommand } from "../define-command.js";
import { readHttpAllow } from "../read-http-allow.js";
import { readCliHttpAllowCidrs } from "../read-http-allow-cidrs.js";

/** `firewatch validate [paths…] [--format text|github] [--http-allow host,…]` */
export const validateCommand = defineCommand({
  name: "validate",
  define: (command) =>
    command
      .description("check runbook files (exit code 1 on errors)")
      .argument("[paths...]", "runbook files or folders", [".github/runbooks"])
      .option("--format <format>", "text, or github for workflow annotations", "text")
      .option("--http-allow <hosts>", "hosts http steps may call, comma-separated, besides runbooks.http_allow (repeatable)", collect),
  async execute({ args, options, usageError }, io) {
    const values = options as { format: string; httpAllow?: string[] };
    if (values.format !== "text" && values.format !== "github") return usageError(`unknown --format ${values.format}; use text or github`);
    const httpAllow = await readHttpAllow(io, values.httpAllow ?? []);
    const httpAllowCidrs = readCliHttpAllowCidrs(io);
    if (!httpAllowCidrs) return 2;
    const files = await expand(args.length > 0 ? args : [".github/runbooks"], io);
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
      const { errors } = validateRunbook(source, file, { httpAllow, httpAllowCidrs });
      errors.forEach((e) => report(io, values.format, e));
      if (errors.length > 0) failed++;
      else if (values.format === "text") io.stdout(`✓ ${file}`);
    }
    io.stdout(`${files.length} runbook${files.length === 1 ? "" : "s"} checked, ${failed} with errors`);
    return failed > 0 ? 1 : 0;
  },
});

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

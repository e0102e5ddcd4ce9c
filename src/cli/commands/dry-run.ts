import { dryRun, syntheticIncident } from "../../runbooks/dry-run.js";
import { validateRunbook } from "../../runbooks/validate-runbook.js";
import { collect } from "../collect.js";
import { defineCommand } from "../define-command.js";
import { readHttpAllow } from "../read-http-allow.js";
import { readCliHttpAllowCidrs } from "../read-http-allow-cidrs.js";

interface DryRunOptions {
  severity: string;
  service?: string[];
  label?: string[];
  title?: string;
  httpAllow?: string[];
}

/** `firewatch dry-run <runbook> [--severity …] [--service …] [--label …]` */
export const dryRunCommand = defineCommand({
  name: "dry-run",
  define: (command) =>
    command
      .description("print a runbook's steps in order with rendered messages, doing nothing")
      .argument("<runbook>", "the runbook file (.yml)")
      .option("--severity <severity>", "the made-up incident's severity: critical, high, medium or low", "high")
      .option("--service <name>", "an affected service (repeatable)", collect)
      .option("--label <name>", "a label on the incident besides `incident` (repeatable)", collect)
      .option("--title <text>", "the incident's title")
      .option("--http-allow <hosts>", "hosts http steps may call, comma-separated, besides runbooks.http_allow (repeatable)", collect),
  async execute({ args, options }, io) {
    const values = options as unknown as DryRunOptions;
    const file = args[0]!;
    let source: string;
    try {
      source = await io.readFile(file.startsWith("/") ? file : `${io.cwd}/${file}`);
    } catch (error) {
      io.stderr(`${file}: cannot read the file: ${(error as Error).message}`);
      return 1;
    }
    const httpAllowCidrs = readCliHttpAllowCidrs(io);
    if (!httpAllowCidrs) return 2;
    const { runbook, errors } = validateRunbook(source, file, { httpAllow: await readHttpAllow(io, values.httpAllow ?? []), httpAllowCidrs });
    if (!runbook) {
      errors.forEach((e) => io.stderr(`${e.path}:${e.line}:${e.column}: ${e.message}`));
      return 1;
    }
    const incident = syntheticIncident({ severity: values.severity, services: values.service ?? [], labels: ["incident", ...(values.label ?? [])], ...(values.title ? { title: values.title } : {}) });
    io.stdout(dryRun(runbook, incident));
    return 0;
  },
});

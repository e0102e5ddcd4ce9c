import { parseArgs } from "node:util";
import { dryRun, syntheticIncident } from "../../runbooks/dry-run.js";
import { validateRunbook } from "../../runbooks/validate-runbook.js";
import type { CliCommand } from "../cli-command.js";
import { readHttpAllow } from "../read-http-allow.js";

/** `firewatch dry-run <runbook> [--severity …] [--service …] [--label …]` */
export const dryRunCommand: CliCommand = {
  name: "dry-run",
  summary: "print a runbook's steps in order with rendered messages, doing nothing",
  usage: "firewatch dry-run <runbook.yml> [--severity critical|high|medium|low] [--service name]… [--label name]… [--title text]",
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        severity: { type: "string", default: "high" },
        service: { type: "string", multiple: true, default: [] },
        label: { type: "string", multiple: true, default: [] },
        title: { type: "string" },
        "http-allow": { type: "string", multiple: true, default: [] },
      },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.stderr(`usage: ${this.usage}`);
      return 2;
    }
    let source: string;
    try {
      source = await io.readFile(file.startsWith("/") ? file : `${io.cwd}/${file}`);
    } catch (error) {
      io.stderr(`${file}: cannot read the file: ${(error as Error).message}`);
      return 1;
    }
    const { runbook, errors } = validateRunbook(source, file, { httpAllow: await readHttpAllow(io, values["http-allow"]) });
    if (!runbook) {
      errors.forEach((e) => io.stderr(`${e.path}:${e.line}:${e.column}: ${e.message}`));
      return 1;
    }
    const incident = syntheticIncident({ severity: values.severity, services: values.service, labels: ["incident", ...values.label], ...(values.title ? { title: values.title } : {}) });
    io.stdout(dryRun(runbook, incident));
    return 0;
  },
};

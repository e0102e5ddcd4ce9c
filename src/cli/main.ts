import { readdir, readFile, stat } from "node:fs/promises";
import { relative, join } from "node:path";
import type { CliIo } from "./cli-command.js";
import { runCli } from "./run-cli.js";

async function listFiles(path: string): Promise<string[] | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(path, join(e.parentPath, e.name)));
}

const io: CliIo = {
  cwd: process.cwd(),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  readFile: (path) => readFile(path, "utf8"),
  listFiles,
};

process.exitCode = await runCli(process.argv.slice(2), io);

import type { CliIo } from "../../src/cli/cli-command.js";

/**
 * The CLI's surroundings in memory: files by absolute path under `/repo` (the working
 * directory), and what it printed — `out`, `err`, and `all` (both, in the order written).
 */
export function fakeCliIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const all: string[] = [];
  const io: CliIo = {
    cwd: "/repo",
    stdout: (line) => void (out.push(line), all.push(line)),
    stderr: (line) => void (err.push(line), all.push(line)),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error("ENOENT");
      return text;
    },
    listFiles: async (path) => {
      const inside = Object.keys(files)
        .filter((f) => f.startsWith(`${path}/`))
        .map((f) => f.slice(path.length + 1));
      return inside.length > 0 ? inside : undefined;
    },
  };
  return { io, out, err, all };
}

/**
 * A reader for the parts of Dockerfile syntax a test needs to check what an image would be,
 * without Docker (there is no daemon here): comments and parser directives, `\` line
 * continuations, instructions (case-insensitive) with their exec (JSON array) or shell form,
 * `FROM … AS name` stages, `ENV` pairs, flags such as `COPY --from=`. It follows the Dockerfile
 * reference (docs.docker.com/reference/dockerfile) for those, and refuses what it cannot read
 * (an unknown instruction, a line before the first FROM other than ARG) with the line number.
 */
export interface Instruction {
  /** Upper case: FROM, RUN, COPY, ENV, USER, CMD, HEALTHCHECK, … */
  keyword: string;
  /** Everything after the keyword, continuations joined with a space. */
  args: string;
  /** The JSON array of the exec form (`CMD ["node", "x"]`), when the args are one. */
  exec?: string[];
  /** `--name=value` flags at the start of the args (`COPY --from=build`, `HEALTHCHECK --interval=30s`). */
  flags: Record<string, string>;
  /** The args after the flags. */
  rest: string;
  line: number;
}

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

const KEYWORDS = new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
]);

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  let pending = "";
  let startLine = 0;
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (/^\s*#/.test(line)) return; // comments (and directives) — also inside a continuation
    if (pending === "" && line.trim() === "") return;
    if (pending === "") startLine = index + 1;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      return;
    }
    const whole = `${pending}${line.trim()}`.trim();
    pending = "";
    if (whole !== "") add(stages, whole, startLine);
  });
  if (pending.trim() !== "") throw new Error(`line ${startLine}: a continuation never ends`);
  return stages;
}

function add(stages: Stage[], text: string, line: number): void {
  const match = /^(\S+)\s*(.*)$/.exec(text)!;
  const keyword = match[1]!.toUpperCase();
  if (!KEYWORDS.has(keyword)) throw new Error(`line ${line}: unknown instruction ${match[1]}`);
  const args = match[2]!;
  const { flags, rest } = splitFlags(args);
  const instruction: Instruction = { keyword, args, flags, rest, line, ...execForm(rest) };
  if (keyword === "FROM") {
    const from = /^(\S+)(?:\s+as\s+(\S+))?$/i.exec(rest);
    if (!from) throw new Error(`line ${line}: FROM needs an image (and optionally AS name)`);
    stages.push({ image: from[1]!, ...(from[2] ? { name: from[2] } : {}), instructions: [] });
    return;
  }
  const stage = stages.at(-1);
  if (!stage) {
    if (keyword === "ARG") return;
    throw new Error(`line ${line}: ${keyword} before the first FROM`);
  }
  stage.instructions.push(instruction);
}

function splitFlags(args: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = args;
  for (;;) {
    const flag = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!flag) return { flags, rest };
    flags[flag[1]!] = flag[2] ?? "true";
    rest = rest.slice(flag[0].length);
  }
}

/** `["a", "b"]` → the array; Docker falls back to the shell form when it is not valid JSON. */
function execForm(rest: string): { exec?: string[] } {
  const json = /^(?:CMD\s+)?(\[.*\])$/.exec(rest)?.[1];
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? { exec: value } : {};
  } catch {
    return {};
  }
}

/** `ENV A=1 B="two words"` or the legacy `ENV A 1`, as name → value. */
export function envOf(instruction: Instruction): Record<string, string> {
  const env: Record<string, string> = {};
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+([^=]*)$/.exec(instruction.args);
  if (legacy && !instruction.args.includes("=")) {
    env[legacy[1]!] = legacy[2]!.trim();
    return env;
  }
  const pair = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const m of instruction.args.matchAll(pair)) {
    const value = m[2]!;
    env[m[1]!] = /^["']/.test(value) ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
  }
  return env;
}

/**
 * A reader for Prometheus' text exposition format (version 0.0.4), for tests that scrape
 * `/metrics` the way Prometheus does: `# HELP` / `# TYPE` lines, then one sample a line,
 * `name{label="value",…} value [timestamp]`, label values with `\\`, `\"` and `\n` escaped.
 * Anything else is an error naming the line, so a malformed exposition fails the test.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  samples: Sample[];
  /** `counter`, `gauge`, `histogram`, … by metric family name. */
  types: Map<string, string>;
  help: Map<string, string>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

export function parsePrometheusText(text: string): Exposition {
  const exposition: Exposition = { samples: [], types: new Map(), help: new Map() };
  text.split("\n").forEach((line, index) => {
    const where = `line ${index + 1} ("${line}")`;
    if (line.trim() === "") return;
    if (line.startsWith("#")) {
      const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
      if (!meta) return; // other comments are allowed and mean nothing
      if (meta[1] === "TYPE") {
        if (!/^(counter|gauge|histogram|summary|untyped)$/.test(meta[3]!))
          throw new Error(`bad TYPE at ${where}`);
        exposition.types.set(meta[2]!, meta[3]!);
      } else exposition.help.set(meta[2]!, meta[3]!);
      return;
    }
    exposition.samples.push(parseSample(line, where));
  });
  return exposition;
}

function parseSample(line: string, where: string): Sample {
  const name = NAME.exec(line)?.[0];
  if (!name) throw new Error(`no metric name at ${where}`);
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith("{")) {
    rest = rest.slice(1);
    while (!rest.startsWith("}")) {
      const label = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(rest);
      if (!label) throw new Error(`bad label at ${where}`);
      rest = rest.slice(label[0].length);
      let value = "";
      for (;;) {
        const c = rest[0];
        if (c === undefined) throw new Error(`unterminated label value at ${where}`);
        rest = rest.slice(1);
        if (c === '"') break;
        if (c === "\\") {
          const escaped = rest[0];
          rest = rest.slice(1);
          if (escaped === "n") value += "\n";
          else if (escaped === "\\" || escaped === '"') value += escaped;
          else throw new Error(`bad escape at ${where}`);
        } else value += c;
      }
      labels[label[1]!] = value;
      if (rest.startsWith(",")) rest = rest.slice(1);
      else if (!rest.startsWith("}")) throw new Error(`expected , or } at ${where}`);
    }
    rest = rest.slice(1);
  }
  const fields = rest.trim().split(/\s+/);
  if (!/^\s/.test(rest) || fields.length < 1 || fields.length > 2)
    throw new Error(`bad value at ${where}`);
  const value = parseValue(fields[0]!);
  if (value === undefined) throw new Error(`bad value at ${where}`);
  return { name, labels, value };
}

/** As Prometheus reads it (Go's ParseFloat): `NaN` and `Inf` in any case — prom-client writes `Nan`. */
function parseValue(text: string): number | undefined {
  if (/^[+-]?nan$/i.test(text)) return Number.NaN;
  if (/^\+?inf(inity)?$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(text)) return Number.NEGATIVE_INFINITY;
  const value = Number(text);
  return text !== "" && Number.isFinite(value) ? value : undefined;
}

/** The sum of a metric's samples whose labels include `match` (0 when there are none). */
export function sumOf(
  exposition: Exposition,
  name: string,
  match: Record<string, string> = {},
): number {
  return exposition.samples
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}

/** The metric family names the exposition declares (`# TYPE`). */
export function familiesOf(exposition: Exposition): Set<string> {
  return new Set(exposition.types.keys());
}

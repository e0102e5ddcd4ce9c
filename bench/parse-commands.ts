/**
 * How long parsing a 1 MB comment takes, and that the parser stays linear (4× the input,
 * about 4× the time). Run with `npx tsx bench/parse-commands.ts`.
 */
import { parseCommands } from "../src/commands/parse/parse-commands.js";

const median = (body: string) => {
  const times = [1, 2, 3, 4, 5].map(() => {
    const start = performance.now();
    parseCommands(body);
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[2]!;
};

const cases: [string, string][] = [
  ["prose", "The GPU pool ran out of memory. ".repeat(32_000)],
  ["one huge line of quotes", `/note ${'"a '.repeat(350_000)}`],
  ["commands", "/note hello world\n".repeat(58_000)],
  ["fences", "```\n/ack\n```\n".repeat(85_000)],
  ["quote lines", "> /ack\n".repeat(150_000)],
];
for (const [name, body] of cases) {
  console.log(`1 MB comment of ${name}: ${median(body).toFixed(1)} ms (median of 5)`);
}
const unit = '/note "x\n> q\n```\n/ack\n```\n    code\nprose\n';
const small = median(unit.repeat(20_000));
const large = median(unit.repeat(80_000));
console.log(`linearity: 4x the input took ${(large / Math.max(small, 0.01)).toFixed(1)}x the time`);

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { minimalCutSets } from "../../src/analysis/minimal-cut-sets.js";
import { parseFaultTree } from "../../src/analysis/parse-fault-tree.js";

const valid = `title: Service unavailable
top: unavailable
gates:
  - id: unavailable
    type: or
    inputs: [gpu-fault, oom, network]
  - id: oom
    type: and
    inputs: [high-load, resource-limit]
events:
  - id: gpu-fault
  - id: network
  - id: high-load
  - id: resource-limit
`;

/** Replaces one line (1-based) of the valid tree, so each case states only what is wrong. */
function withLine(line: number, text: string): string {
  const lines = valid.split("\n");
  lines[line - 1] = text;
  return lines.join("\n");
}

describe("parseFaultTree", () => {
  it("accepts a valid tree", () => {
    const result = parseFaultTree(valid);
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it("accepts the shipped example and computes its cut sets", () => {
    const source = readFileSync(new URL("../../.github/fault-trees/inference-unavailable.yml", import.meta.url), "utf8");
    const result = parseFaultTree(source);
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
    if (!result.ok) return;
    // Shared events matter here: one OOM or one bad rollout takes all three pools down at once.
    expect(minimalCutSets(result.tree)).toEqual({
      ok: true,
      cutSets: [
        ["bad-model-rollout"],
        ["network-outage"],
        ["failover-provider-outage", "primary-provider-outage"],
        ["gateway-config-bad-deploy", "gateway-replicas-crash"],
        ["gpu-hardware-fault-b", "gpu-hardware-fault-c"],
        ["gpu-hardware-fault", "gpu-hardware-fault-b"],
        ["gpu-hardware-fault", "gpu-hardware-fault-c"],
        ["kv-cache-saturation", "request-surge"],
        ["no-autoscaling", "request-surge"],
      ],
    });
  });

  it.each<[string, string, { message: RegExp; line: number; column: number }]>([
    ["invalid YAML", withLine(6, "    inputs: [gpu-fault, oom"), { message: /^invalid YAML: /, line: 7, column: 3 }],
    ["duplicate key", withLine(5, "    id: again"), { message: /invalid YAML: duplicated mapping key/, line: 5, column: 5 }],
    ["unknown gate type", withLine(5, "    type: xor"), { message: /type: must be one of "and", "or", "k-of-n"/, line: 5, column: 5 }],
    ["unknown field", withLine(5, "    kind: or"), { message: /unknown field "kind"/, line: 4, column: 5 }],
    ["probability out of range", withLine(11, "  - { id: network, probability: 1.5 }"), { message: /probability: .*<=1/, line: 11, column: 20 }],
    ["undefined event", withLine(9, "    inputs: [high-load, resourse-limit]"), { message: /"resourse-limit", which is not a gate or event defined/, line: 9, column: 25 }],
    ["undefined top", withLine(2, "top: nowhere"), { message: /top event "nowhere" is not/, line: 2, column: 1 }],
    ["empty gate", withLine(9, "    inputs: []"), { message: /gate "oom" has no inputs/, line: 9, column: 5 }],
    ["duplicate id", withLine(13, "  - id: oom"), { message: /duplicate id "oom"/, line: 13, column: 5 }],
    ["input listed twice", withLine(6, "    inputs: [gpu-fault, oom, gpu-fault]"), { message: /lists "gpu-fault" twice/, line: 6, column: 30 }],
    ["cycle", withLine(9, "    inputs: [high-load, unavailable]"), { message: /cycle: unavailable → oom → unavailable/, line: 9, column: 25 }],
    ["k out of range", withLine(8, "    type: k-of-n\n    k: 3"), { message: /k = 3, but k must be between 1 and 2/, line: 9, column: 5 }],
    ["k missing", withLine(8, "    type: k-of-n"), { message: /k-of-n gate "oom" needs k/, line: 7, column: 5 }],
    ["k on an or gate", withLine(5, "    type: or\n    k: 1"), { message: /k only applies to k-of-n/, line: 6, column: 5 }],
    ["bad id characters", withLine(13, '  - id: "high load; drop"'), { message: /ids are 1-64 letters/, line: 13, column: 5 }],
    ["not a mapping", "- just\n- a list\n", { message: /expected object/, line: 1, column: 1 }],
    ["empty file", "", { message: /the file is empty/, line: 1, column: 1 }],
    ["alias (refused: billion laughs)", `${valid}x: &a [1]\ny: [*a, *a]\n`, { message: /invalid YAML: aliases \(\*name\) are not allowed/, line: 16, column: 5 }],
    ["200-deep nesting", `title: T\ntop: t\ngates: ${"[".repeat(200)}${"]".repeat(200)}\n`, { message: /invalid YAML: nesting is deeper than 64 levels/, line: 3, column: 71 }],
  ])("%s → a clear error at the right line", (_name, source, expected) => {
    const result = parseFaultTree(source);
    expect(result.ok).toBe(false);
    const first = result.ok ? undefined : result.errors.find((error) => expected.message.test(error.message));
    expect(first?.message).toMatch(expected.message);
    expect({ line: first?.line, column: first?.column }).toEqual({ line: expected.line, column: expected.column });
  });

  it("refuses a billion-laughs alias bomb without expanding it", () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`)].join("\n");
    const result = parseFaultTree(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/alias/);
  });

  it("refuses an oversized file", () => {
    const result = parseFaultTree(`title: T\n#${"x".repeat(300_000)}\n`);
    expect(!result.ok && result.errors[0]?.message).toMatch(/the limit is 256 KB/);
  });

  it("warns about events that cannot reach the top", () => {
    const result = parseFaultTree(`${valid}  - id: unused\n`);
    expect(result).toMatchObject({ ok: true, warnings: [{ severity: "warning", line: 15, column: 5, message: expect.stringMatching(/"unused" is not reachable/) }] });
  });

  it("reports every error, sorted by line", () => {
    const source = withLine(6, "    inputs: [nope, oom]").replace("inputs: [high-load, resource-limit]", "inputs: []");
    const result = parseFaultTree(source);
    expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual([6, 9]);
  });

  it("works with any loader that gives values and positions", () => {
    const loader = { load: () => ({ value: { title: "T", top: "x", gates: [], events: [{ id: "y" }] }, positionOf: (path: ReadonlyArray<string | number>) => ({ line: path.length, column: 7 }) }) };
    expect(parseFaultTree("ignored", loader)).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/top event "x"/), line: 1, column: 7, path: "top" }] });
  });
});

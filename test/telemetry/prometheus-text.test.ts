import { describe, expect, it } from "vitest";
import { parsePrometheusText, sumOf } from "../support/prometheus-text.js";

describe("parsePrometheusText (the test's reader of /metrics)", () => {
  it("reads HELP, TYPE, labels with escapes, special values and timestamps", () => {
    const metrics = parsePrometheusText(
      [
        "# HELP x_total A counter.",
        "# TYPE x_total counter",
        'x_total{a="1",b="quote \\" backslash \\\\ newline \\n"} 3',
        'x_total{a="2",} 4 1700000000000',
        "# a free comment",
        "y +Inf",
        "z NaN",
        "",
      ].join("\n"),
    );
    expect(metrics.types.get("x_total")).toBe("counter");
    expect(metrics.help.get("x_total")).toBe("A counter.");
    expect(metrics.samples[0]!.labels.b).toBe('quote " backslash \\ newline \n');
    expect(sumOf(metrics, "x_total")).toBe(7);
    expect(sumOf(metrics, "x_total", { a: "2" })).toBe(4);
    expect(metrics.samples.find((s) => s.name === "y")!.value).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    ["a value that is not a number", "x 1.2.3"],
    ["no value", 'x{a="1"}'],
    ["an unterminated label value", 'x{a="1} 2'],
    ["a bad escape", 'x{a="\\t"} 2'],
    ["an unknown type", "# TYPE x countr"],
    ["no name", '{a="1"} 2'],
  ])("refuses %s, naming the line", (_, line) => {
    expect(() => parsePrometheusText(`ok 1\n${line}`)).toThrow(/line 2/);
  });
});

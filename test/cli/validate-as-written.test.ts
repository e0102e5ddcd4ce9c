import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { fakeCliIo } from "../support/fake-cli-io.js";

const FAILOVER = "name: Database failover\nsteps:\n  - { id: promote, title: Promote, type: contain, run: manual }\n  - { id: ok, title: Go ahead, type: remediate, run: approval }\n";
const BROKEN = "name: Broken\nsteps:\n  - { id: a, title: 42, type: assess, run: comment }\n  - { id: a, title: Again, type: assess, run: manual, needs: [missing] }\n";

function fakeIo(files: Record<string, string>) {
  const { io, all } = fakeCliIo(files);
  return { io, out: all };
}

describe("firewatch validate on runbooks as people write them", () => {
  it("accepts a free-text name and bare kinds", async () => {
    const { io, out } = fakeIo({ "/repo/.github/runbooks/db-failover.yml": FAILOVER });
    expect(await runCli(["validate"], io)).toBe(0);
    expect(out).toContain("✓ .github/runbooks/db-failover.yml");
  });

  it("prints every problem of a broken one at its line and column, graph errors included", async () => {
    const { io, out } = fakeIo({ "/repo/rb/broken.yml": BROKEN });
    expect(await runCli(["validate", "rb", "--format", "github"], io)).toBe(1);
    const lines = out.join("\n");
    expect(lines).toContain("::error file=rb/broken.yml,line=3,col=14,title=firewatch%3A steps[0].title::title must be text, found the number 42");
    expect(lines).toContain("::error file=rb/broken.yml,line=3,col=39,title=firewatch%3A steps[0].run::run: a comment step needs options");
    expect(lines).toContain('::error file=rb/broken.yml,line=4,col=7,title=firewatch%3A steps[1].id::duplicate step id "a" (first used by steps[0])');
    expect(lines).toContain('::error file=rb/broken.yml,line=4,col=63,title=firewatch%3A steps[1].needs[0]::step "a" needs unknown step "missing"');
  });
});

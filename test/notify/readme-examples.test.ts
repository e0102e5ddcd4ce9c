import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deliveryId } from "../../src/notify/render/render-for-kind.js";
import { renderDiscord } from "../../src/notify/render/render-discord.js";
import { renderMattermost } from "../../src/notify/render/render-mattermost.js";
import { renderSlack } from "../../src/notify/render/render-slack.js";
import { renderTeams } from "../../src/notify/render/render-teams.js";
import { renderWebhook } from "../../src/notify/render/render-webhook.js";
import type { Received } from "./support/receivers.js";
import { validateDiscord, validateMattermost, validateSlack, validateTeams } from "./support/validators.js";
import { README_EXAMPLE } from "./readme-example-message.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const example = (kind: string) => {
  const match = new RegExp(`<!-- example: ${kind} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!match) throw new Error(`README has no example for ${kind}`);
  return JSON.parse(match[1]!) as unknown;
};
const received = (body: unknown) => ({ raw: JSON.stringify(body), body }) as unknown as Received;

describe("the README's rendered example per kind is what the renderer sends", () => {
  it.each([
    ["slack", renderSlack(README_EXAMPLE), validateSlack],
    ["teams", renderTeams(README_EXAMPLE), validateTeams],
    ["mattermost", renderMattermost(README_EXAMPLE), validateMattermost],
    ["discord", renderDiscord(README_EXAMPLE), validateDiscord],
  ] as const)("%s", (kind, rendered, validate) => {
    expect(example(kind)).toEqual(rendered);
    expect(validate(received(rendered))).toEqual([]);
  });

  it("webhook", () => {
    expect(example("webhook")).toEqual(renderWebhook(README_EXAMPLE, deliveryId(README_EXAMPLE, "pager-relay")));
  });
});

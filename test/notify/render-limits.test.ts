import { describe, expect, it } from "vitest";
import type { NotificationMessage } from "../../src/notify/notification-message.js";
import { renderDiscord } from "../../src/notify/render/render-discord.js";
import { renderMattermost } from "../../src/notify/render/render-mattermost.js";
import { renderSlack } from "../../src/notify/render/render-slack.js";
import { renderTeams } from "../../src/notify/render/render-teams.js";
import type { Received } from "./support/receivers.js";
import { validateDiscord, validateMattermost, validateSlack, validateTeams } from "./support/validators.js";

const received = (body: unknown): Received => ({
  path: "/",
  headers: {},
  raw: JSON.stringify(body),
  body: body as Record<string, unknown>,
  at: new Date(0),
  problems: [],
});

function message(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    event: "update",
    key: "update:x",
    headline: "Update from alice",
    repository: "acme/ops",
    number: 7,
    title: "inference: GPU OOM",
    severity: "critical",
    status: "identified",
    services: ["inference", "gateway"],
    commander: "alice",
    text: "Rolled back the model",
    url: "https://github.com/acme/ops/issues/7",
    at: "2026-01-05T09:00:00.000Z",
    ...overrides,
  };
}

// Long everywhere, astral characters (2 UTF-16 units, 4 bytes) and characters that escaping doubles.
const huge = message({
  headline: `Update from ${"a".repeat(300)}`,
  title: "🔥[x]".repeat(400),
  text: "😀*_`<>".repeat(20_000),
  services: Array.from({ length: 40 }, (_, i) => `service-${i}-${"s".repeat(40)}`),
});

describe("each target's limits hold for any text", () => {
  it("Slack: header ≤ 150, section ≤ 3,000, fields ≤ 2,000, button ≤ 75", () => {
    expect(validateSlack(received(renderSlack(huge)))).toEqual([]);
    const header = (renderSlack(huge) as { blocks: { text?: { text: string } }[] }).blocks[0]!.text!.text;
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.endsWith("… (truncated)")).toBe(true);
  });

  it("Discord: title ≤ 256, description ≤ 4,096, fields ≤ 1,024, 6,000 in all", () => {
    expect(validateDiscord(received(renderDiscord(huge)))).toEqual([]);
    expect(validateDiscord(received(renderDiscord(message())))).toEqual([]);
  });

  it("Teams: a valid Adaptive Card under 28 KB even with 100,000 characters of text", () => {
    const body = renderTeams(huge);
    expect(validateTeams(received(body))).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(28 * 1024);
  });

  it("Mattermost: text and attachments, no blocks, under the post limit", () => {
    expect(validateMattermost(received(renderMattermost(huge)))).toEqual([]);
  });

  it("an empty text and no commander still make valid messages", () => {
    const bare = message({ text: "", commander: undefined, services: [] });
    expect(validateSlack(received(renderSlack(bare)))).toEqual([]);
    expect(validateDiscord(received(renderDiscord(bare)))).toEqual([]);
    expect(validateTeams(received(renderTeams(bare)))).toEqual([]);
  });
});

describe("the validators catch what the services refuse", () => {
  it("flags an Adaptive Card that breaks the schema, a Slack header over 150, a Discord embed over its limits", () => {
    const teams = renderTeams(message()) as { attachments: { content: { body: unknown[] } }[] };
    teams.attachments[0]!.content.body.push({ type: "TextBlock" }, { type: "NoSuchElement" });
    expect(validateTeams(received(teams)).length).toBeGreaterThan(0);
    const slack = renderSlack(message()) as { blocks: { text?: { text: string } }[] };
    slack.blocks[0]!.text!.text = "x".repeat(151);
    expect(validateSlack(received(slack))).toContain("blocks[0].header: length 151 (1..150)");
    const discord = renderDiscord(message()) as { embeds: { description?: string }[]; allowed_mentions: unknown };
    discord.embeds[0]!.description = "x".repeat(5000);
    discord.allowed_mentions = { parse: ["everyone"] };
    expect(validateDiscord(received(discord))).toEqual(["allowed_mentions.parse is not []", "description 5000"]);
  });
});

describe("Teams text", () => {
  it("keeps the typed line breaks (a TextBlock needs an empty line for one)", () => {
    const body = renderTeams(message({ text: "line one\nline two" })) as { attachments: { content: { body: { text?: string }[] } }[] };
    expect(body.attachments[0]!.content.body.at(-1)!.text).toBe("line one\n\nline two");
  });
});

import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import type { Received } from "./receivers.js";

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * Slack Block Kit as an incoming webhook takes it (Block Kit reference): at most 50 blocks;
 * header: plain_text ≤ 150; section: text ≤ 3,000, ≤ 10 fields of ≤ 2,000; button text
 * plain_text ≤ 75 with a url ≤ 3,000; every text object non-empty with a known type.
 */
export function validateSlack(r: Received): string[] {
  const problems: string[] = [];
  const blocks = arr(r.body.blocks);
  if (blocks.length === 0 || blocks.length > 50) problems.push(`blocks: ${blocks.length}`);
  if (!str(r.body.text)) problems.push("no top-level text (notifications show it)");
  const textObject = (t: unknown, where: string, max: number, plainOnly = false) => {
    const o = t as Json | undefined;
    if (!o || (o.type !== "plain_text" && o.type !== "mrkdwn")) return problems.push(`${where}: not a text object`);
    if (plainOnly && o.type !== "plain_text") problems.push(`${where}: must be plain_text`);
    const text = str(o.text);
    if (text.length < 1 || text.length > max) problems.push(`${where}: length ${text.length} (1..${max})`);
    return 0;
  };
  for (const [i, b] of blocks.entries()) {
    if (b.type === "header") textObject(b.text, `blocks[${i}].header`, 150, true);
    else if (b.type === "section") {
      if (b.text) textObject(b.text, `blocks[${i}].section.text`, 3000);
      const fields = arr(b.fields);
      if (fields.length > 10) problems.push(`blocks[${i}]: ${fields.length} fields`);
      fields.forEach((f, j) => textObject(f, `blocks[${i}].fields[${j}]`, 2000));
      if (!b.text && fields.length === 0) problems.push(`blocks[${i}]: section without text or fields`);
    } else if (b.type === "actions") {
      for (const e of arr(b.elements)) {
        textObject(e.text, `blocks[${i}].button`, 75, true);
        if (!/^https?:\/\//.test(str(e.url)) || str(e.url).length > 3000) problems.push(`blocks[${i}].button.url`);
      }
    } else problems.push(`blocks[${i}]: unexpected type ${String(b.type)}`);
  }
  return problems;
}

/** Mattermost's incoming webhook: `text` and Slack-style `attachments`; it does not render Block Kit. */
export function validateMattermost(r: Received): string[] {
  const problems: string[] = [];
  if ("blocks" in r.body) problems.push("Block Kit sent to Mattermost (it does not render it)");
  if (!str(r.body.text)) problems.push("no text");
  if (str(r.body.text).length > 16383) problems.push("text over 16,383");
  for (const a of arr(r.body.attachments)) {
    if (!str(a.fallback)) problems.push("attachment without fallback");
    for (const f of arr(a.fields)) if (typeof f.title !== "string" || typeof f.value !== "string") problems.push("field without title/value");
  }
  return problems;
}

const DISCORD = { title: 256, description: 4096, fields: 25, name: 256, value: 1024, footer: 2048, total: 6000 };

/** Discord's execute-webhook body: the embed limits of the message resource, and no mentions parsed. */
export function validateDiscord(r: Received): string[] {
  const problems: string[] = [];
  const parse = (r.body.allowed_mentions as Json | undefined)?.parse;
  if (!Array.isArray(parse) || parse.length !== 0) problems.push("allowed_mentions.parse is not []");
  const embeds = arr(r.body.embeds);
  if (embeds.length < 1 || embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    const title = str(e.title);
    const description = str(e.description);
    const footer = str((e.footer as Json | undefined)?.text);
    if (title.length > DISCORD.title) problems.push(`title ${title.length}`);
    if (description.length > DISCORD.description) problems.push(`description ${description.length}`);
    if (footer.length > DISCORD.footer) problems.push(`footer ${footer.length}`);
    const fields = arr(e.fields);
    if (fields.length > DISCORD.fields) problems.push(`${fields.length} fields`);
    for (const f of fields) {
      const [name, value] = [str(f.name), str(f.value)];
      if (name.length < 1 || name.length > DISCORD.name) problems.push(`field name ${name.length}`);
      if (value.length < 1 || value.length > DISCORD.value) problems.push(`field value ${value.length}`);
      total += name.length + value.length;
    }
    total += title.length + description.length + footer.length;
    if (e.color !== undefined && (!Number.isInteger(e.color) || (e.color as number) < 0 || (e.color as number) > 0xffffff)) problems.push("color");
  }
  if (total > DISCORD.total) problems.push(`embeds total ${total} over 6,000`);
  return problems;
}

// The Adaptive Card schema, version 1.4, from microsoft/AdaptiveCards (schemas/1.4.0/adaptive-card.json):
// draft-06, with the pre-draft-06 `id` keyword that ajv reads as `$id`.
const cardSchema = JSON.parse(readFileSync(new URL("../fixtures/adaptive-card-1.4.json", import.meta.url), "utf8")) as Json;
const { id, ...rest } = cardSchema;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
addFormats.default(ajv);
const validateCard = ajv.compile({ ...rest, $id: String(id) });

/** A Teams Workflows webhook body: a `message` with one Adaptive Card attachment, valid against the schema, under 28 KB. */
export function validateTeams(r: Received): string[] {
  const problems: string[] = [];
  if (Buffer.byteLength(r.raw) > 28 * 1024) problems.push(`body ${Buffer.byteLength(r.raw)} bytes over 28 KB`);
  if (r.body.type !== "message") problems.push(`type ${String(r.body.type)}`);
  const attachments = arr(r.body.attachments);
  if (attachments.length !== 1) problems.push(`${attachments.length} attachments`);
  for (const a of attachments) {
    if (a.contentType !== "application/vnd.microsoft.card.adaptive") problems.push(`contentType ${String(a.contentType)}`);
    if (!validateCard(a.content)) problems.push(...(validateCard.errors ?? []).map((e) => `card${e.instancePath} ${e.message ?? ""}`));
    if ((a.content as Json | undefined)?.version !== "1.4") problems.push("card version is not 1.4");
  }
  return problems;
}

/** The signed webhook: version 1, the event and delivery headers, the signature of the raw body with `secret`. */
export function webhookValidator(secret: string) {
  return (r: Received): string[] => {
    const problems: string[] = [];
    if (r.body.version !== 1) problems.push(`version ${String(r.body.version)}`);
    if (r.headers["x-firewatch-event"] !== r.body.event) problems.push("X-Firewatch-Event does not match the body");
    if (!r.headers["x-firewatch-delivery"] || r.headers["x-firewatch-delivery"] !== r.body.delivery) problems.push("X-Firewatch-Delivery");
    const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(r.raw).digest("hex")}`);
    const got = Buffer.from(String(r.headers["x-firewatch-signature-256"] ?? ""));
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) problems.push("bad X-Firewatch-Signature-256");
    return problems;
  };
}

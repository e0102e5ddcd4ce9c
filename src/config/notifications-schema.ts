import { z } from "zod";

/** What a notification can be about, in the order an incident usually goes through them. */
export const NOTIFICATION_EVENTS = [
  "declared",
  "severity",
  "status",
  "roles",
  "update",
  "resolved",
  "postmortem",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const CHANNEL_KINDS = ["slack", "teams", "mattermost", "discord", "webhook"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** The prefix every variable a repository may name must have: nothing else of the server's environment can be sent anywhere. */
export const NOTIFY_ENV_PREFIX = "FIREWATCH_NOTIFY_";

const envName = z
  .string()
  .regex(
    /^FIREWATCH_NOTIFY_[A-Z0-9_]{1,100}$/,
    "must name a server environment variable starting with FIREWATCH_NOTIFY_ (e.g. FIREWATCH_NOTIFY_SLACK_SRE)",
  );

// Repeated here rather than imported from schema.ts, which imports this file.
const severity = z.enum(["critical", "high", "medium", "low"]);

/** One place notifications go: a chat incoming webhook, or a signed JSON webhook. */
export const channelSchema = z
  .object({
    /** `slack`, `teams` (a Workflows webhook), `mattermost`, `discord` or `webhook` (signed JSON). */
    kind: z.enum(CHANNEL_KINDS),
    /** The server environment variable (`FIREWATCH_NOTIFY_*`) holding the webhook URL; the URL itself never goes in the repository. */
    url_env: envName,
    /** For `kind: webhook` (required there): the server environment variable (`FIREWATCH_NOTIFY_*`) holding the HMAC secret the body is signed with. */
    secret_env: envName.optional(),
  })
  .strict()
  .superRefine((channel, ctx) => {
    if (channel.kind === "webhook" && !channel.secret_env)
      ctx.addIssue({ code: "custom", path: ["secret_env"], message: "is required for kind: webhook (the body is signed with it)" });
    if (channel.kind !== "webhook" && channel.secret_env)
      ctx.addIssue({ code: "custom", path: ["secret_env"], message: `is only for kind: webhook (${channel.kind} does not sign)` });
  });

/** Which events of which incidents go to which channels. */
export const routeSchema = z
  .object({
    /** Channel names (keys of `notifications.channels`). */
    to: z.array(z.string().min(1).max(60)).min(1).max(10),
    /** Only incidents of these severities (default: all); once a channel was told about an incident, its later events reach it whatever the severity became. */
    severities: z.array(severity).min(1).optional(),
    /** Only incidents affecting one of these services (default: all). */
    services: z.array(z.string().min(1).max(60)).min(1).max(50).optional(),
    /** Which events (default: all of `declared`, `severity`, `status`, `roles`, `update`, `resolved`, `postmortem`). */
    events: z.array(z.enum(NOTIFICATION_EVENTS)).min(1).default([...NOTIFICATION_EVENTS]),
  })
  .strict();

/** Chat and webhook notifications (see the README's "Notifications" section). */
export const notificationsConfigSchema = z
  .object({
    /** Named channels; the name is what routes and recovery plans' `communication[].channel` use. */
    channels: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, "must be a lowercase name such as sre-slack"),
        channelSchema,
      )
      .default({}),
    /** Routes, each sending some events of some incidents to some channels. */
    routes: z.array(routeSchema).max(20).default([]),
  })
  .strict()
  .superRefine((section, ctx) => {
    section.routes.forEach((route, index) => {
      const unknown = route.to.filter((name) => !(name in section.channels));
      if (unknown.length > 0)
        ctx.addIssue({
          code: "custom",
          path: ["routes", index, "to"],
          message: `names no channel in notifications.channels: ${unknown.join(", ")}`,
        });
    });
  })
  .prefault({});

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
export type ChannelConfig = z.infer<typeof channelSchema>;
export type RouteConfig = z.infer<typeof routeSchema>;

import { z } from "zod";

/**
 * What the card remembers about notifications, in its hidden state: what the channels were
 * last told (so a redelivered event, a retry or a card rewrite with nothing new notifies
 * nobody), which channels were told about the incident at all (so its later events follow it
 * there whatever its severity became), and each channel's last delivery (shown on the card).
 */
export const notifyStateSchema = z.object({
  /** The incident as the channels last heard of it. */
  seen: z.object({
    status: z.string(),
    severity: z.string(),
    roles: z.record(z.string(), z.string()).default({}),
    /** How many `/update`s were announced. */
    updates: z.number().int().nonnegative().default(0),
    /** The postmortem pull request announced, if any. */
    postmortem: z.number().optional(),
  }),
  /** Channels that were sent (or tried) something about this incident. */
  announced: z.array(z.string()).default([]),
  /** Per channel, its last delivery. */
  channels: z
    .record(
      z.string(),
      z.object({
        kind: z.string(),
        event: z.string(),
        outcome: z.enum(["sent", "failed"]),
        /** The last HTTP status, if an answer came. */
        status: z.number().optional(),
        /** Why it failed, in words, when it did. */
        reason: z.string().optional(),
        attempts: z.number().int().nonnegative(),
        at: z.string(),
      }),
    )
    .default({}),
});

export type NotifyState = z.infer<typeof notifyStateSchema>;
export type NotifySeen = NotifyState["seen"];
export type ChannelDelivery = NotifyState["channels"][string];

import type { NotificationMessage } from "../../src/notify/notification-message.js";

/** The message the README's rendered examples are made from (readme-examples.test.ts checks them). */
export const README_EXAMPLE: NotificationMessage = {
  event: "update",
  key: "update:2026-03-12T09:41:00Z:3f2a9c1b7d4e",
  headline: "Update from alice",
  repository: "acme/ops",
  number: 42,
  title: "inference: CUDA out of memory on every vLLM replica",
  severity: "critical",
  status: "investigating",
  services: ["inference", "gateway"],
  commander: "alice",
  text: "Rolled inference back to model v41 (`vllm` 0.6); the error rate is under 1% and falling. Next update at 10:15.",
  url: "https://github.com/acme/ops/issues/42",
  at: "2026-03-12T09:41:00.000Z",
};

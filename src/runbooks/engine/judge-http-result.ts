import type { z } from "zod";
import type { httpRunSchema } from "../step-run-schema.js";

/** Why an HTTP check failed, or undefined when the response meets `expect`. */
export function judgeHttpResult(run: z.infer<typeof httpRunSchema>, result: { status?: number; body?: string; error?: string }): string | undefined {
  if (result.error !== undefined) return `request failed: ${result.error}`;
  const accepted = Array.isArray(run.expect.status) ? run.expect.status : [run.expect.status];
  if (result.status === undefined || !accepted.includes(result.status)) return `status ${result.status ?? "none"}, expected ${accepted.join(" or ")}`;
  if (run.expect.body_contains !== undefined && !(result.body ?? "").includes(run.expect.body_contains)) return `the response does not contain "${run.expect.body_contains}"`;
  return undefined;
}

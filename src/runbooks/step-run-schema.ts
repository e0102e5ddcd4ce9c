import { z } from "zod";
import { durationSchema } from "../time/duration.js";

/** The input the engine adds to every dispatched workflow so its run can be found again. */
export const CORRELATION_INPUT = "firewatch_run_id";

const login = z.string().regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub login such as octocat");

/** A checklist item a responder ticks in the runbook comment or completes with `/step done <id>`. */
export const manualRunSchema = z
  .object({
    kind: z.literal("manual"),
    /** What the responder should do, in Markdown; shown under the checklist item. */
    instructions: z.string().max(4000).optional().describe("What the responder should do, in Markdown; shown under the checklist item."),
  })
  .strict()
  .describe("A checklist item a responder ticks in the runbook comment or completes with `/step done <id>`.");

/** Posts a comment rendered from a Handlebars template with the incident in scope. */
export const commentRunSchema = z
  .object({
    kind: z.literal("comment"),
    /** A Handlebars template; `{{incident.title}}`, `{{incident.severity}}`, `{{incident.services}}`, `{{incident.number}}`, `{{incident.url}}`, `{{runbook.name}}` are in scope. Text typed by users is neutralised (no pings, no issue links) and HTML-escaped; `{{{…}}}` is refused; a render over budget (10,000 loop iterations, 60,000 characters, 1 s) fails the step. */
    template: z.string().min(1).max(20000).describe("A Handlebars template; `{{incident.title}}`, `{{incident.severity}}`, `{{incident.services}}`, `{{incident.number}}`, `{{incident.url}}` and `{{runbook.name}}` are in scope. `{{{…}}}` is refused; a render over budget (10,000 loop iterations, 60,000 characters, 1 s) fails the step."),
  })
  .strict()
  .describe("Posts a comment on the incident, rendered from a Handlebars template.");

/** Adds and removes labels on the incident. */
export const labelRunSchema = z
  .object({
    kind: z.literal("label"),
    /** Labels to add. */
    add: z.array(z.string().min(1).max(50)).max(20).default([]).describe("Labels to add."),
    /** Labels to remove. */
    remove: z.array(z.string().min(1).max(50)).max(20).default([]).describe("Labels to remove."),
  })
  .strict()
  .refine((run) => run.add.length + run.remove.length > 0, "a label step must add or remove at least one label")
  .describe("Adds and removes labels on the incident.");

/** Assigns people to the incident. */
export const assignRunSchema = z
  .object({
    kind: z.literal("assign"),
    /** GitHub logins to assign (at most 10, GitHub's limit). */
    assignees: z.array(login).min(1).max(10).describe("GitHub logins to assign (at most 10, GitHub's limit)."),
  })
  .strict()
  .describe("Assigns people to the incident.");

const inputValue = z.union([z.string().max(1000), z.number(), z.boolean()]);

/** Dispatches a GitHub Actions workflow and waits for its run; the run's conclusion decides the step. */
export const workflowRunSchema = z
  .object({
    kind: z.literal("workflow"),
    /** The workflow file in `.github/workflows/`, e.g. `rollback-model.yml`. It must have a `workflow_dispatch` trigger accepting a `firewatch_run_id` input. */
    workflow: z
      .string()
      .regex(/^(?:\.github\/workflows\/)?[A-Za-z0-9_.-]+\.ya?ml$/, "must be a workflow file name such as rollback-model.yml")
      .describe("The workflow file in `.github/workflows/`, e.g. `rollback-model.yml`. It must accept a `firewatch_run_id` input."),
    /** The branch or tag to run the workflow on; the repository's default branch when omitted. */
    ref: z.string().min(1).max(255).optional().describe("The branch or tag to run the workflow on; the default branch when omitted."),
    /** Inputs for `workflow_dispatch`; string values are Handlebars templates with the incident in scope, rendered as plain text (no HTML escaping). */
    inputs: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, "must be a workflow input name"), inputValue)
      .refine((inputs) => !(CORRELATION_INPUT in inputs), `\`${CORRELATION_INPUT}\` is set by Firewatch itself`)
      .refine((inputs) => Object.keys(inputs).length <= 9, "workflow_dispatch accepts at most 10 inputs, one of them Firewatch's")
      .default({})
      .describe("Inputs for `workflow_dispatch`; string values are Handlebars templates with the incident in scope, rendered as plain text (no HTML escaping)."),
  })
  .strict()
  .describe("Dispatches a GitHub Actions workflow and waits for its run; the run's conclusion decides the step.");

/** An HTTP check against a host the configuration allows. */
export const httpRunSchema = z
  .object({
    kind: z.literal("http"),
    /** The HTTP method. */
    method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]).default("GET").describe("The HTTP method."),
    /** An `https://` URL whose host is listed in the configuration's allowed hosts. Not an address on a private network, nor `localhost`; a name is resolved when the step runs and refused if it leads to one (unless the server's `FIREWATCH_HTTP_ALLOW_CIDRS` allows it). */
    url: z.url({ protocol: /^https$/, error: "must be an https:// URL" }).describe("An `https://` URL whose host is listed in the configuration's allowed hosts. Not an address on a private network, nor `localhost`; a name is resolved when the step runs and refused if it leads to one (unless the server's `FIREWATCH_HTTP_ALLOW_CIDRS` allows it)."),
    /** A request body (sent as is). */
    body: z.string().max(10000).optional().describe("A request body (sent as is)."),
    /** What counts as success. */
    expect: z
      .object({
        /** Accepted status codes. */
        status: z.union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)]).default(200).describe("Accepted status code(s)."),
        /** A substring the response body must contain. */
        body_contains: z.string().min(1).max(1000).optional().describe("A substring the response body must contain."),
      })
      .strict()
      .prefault({})
      .describe("What counts as success."),
    /** How long to wait for the response (at most 30s). */
    request_timeout: durationSchema.default("10s").describe("How long to wait for the response (at most 30s)."),
  })
  .strict()
  .describe("An HTTP check against a host the configuration allows.");

/** Waits until a permitted user comments `/approve <step id>`. */
export const approvalRunSchema = z
  .object({
    kind: z.literal("approval"),
    /** What the approver is asked to confirm. */
    prompt: z.string().max(2000).optional().describe("What the approver is asked to confirm."),
  })
  .strict()
  .describe("Waits until a user with the approve permission comments `/approve <step id>`.");

export const STEP_KINDS = ["manual", "comment", "label", "assign", "workflow", "http", "approval"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** A step's `run` written out as a mapping, its kind chosen by `kind`. */
export const stepRunObjectSchema = z
  .discriminatedUnion("kind", [manualRunSchema, commentRunSchema, labelRunSchema, assignRunSchema, workflowRunSchema, httpRunSchema, approvalRunSchema])
  .describe("How the step is carried out, chosen by `kind`.");

export type StepRun = z.infer<typeof stepRunObjectSchema>;

/** Kinds without required options: `run: manual` is short for `run: { kind: manual }`. */
export const BARE_STEP_KINDS = ["manual", "approval"] as const;

/** How a step is carried out: a mapping chosen by `kind`, or just the kind (`manual`, `approval`) when it needs no options. */
export const stepRunSchema = z
  .union([z.enum(BARE_STEP_KINDS).transform((kind): StepRun => ({ kind })), stepRunObjectSchema])
  .describe("How the step is carried out: a mapping chosen by `kind`, or just `manual` or `approval`, which need no options.");

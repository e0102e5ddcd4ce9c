import { z } from "zod";
import { alertsConfigSchema } from "./alerts-schema.js";
import { notificationsConfigSchema } from "./notifications-schema.js";

/** Repository permission levels, weakest first, as GitHub reports them in `role_name`. */
export const PERMISSION_LEVELS = ["read", "triage", "write", "maintain", "admin"] as const;
export const permissionSchema = z.enum(PERMISSION_LEVELS);
export type Permission = z.infer<typeof permissionSchema>;

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

const login = z
  .string()
  .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub login such as octocat")
  .transform((s) => s.replace(/^@/, ""));

const team = z
  .string()
  .regex(
    /^@?[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    "must be a team such as @acme/ml-serving",
  )
  .transform((s) => s.replace(/^@/, ""));

/** One service the team runs. */
export const serviceSchema = z
  .object({
    /** The team that owns the service, as `@org/team-slug`; it is mentioned in the incident card. */
    team: team.optional(),
    /** GitHub logins of the people on call for the service; they are assigned to its incidents. */
    oncall: z.array(login).max(10).default([]),
  })
  .strict();

/** The contents of `.github/firewatch.yml`. Every field is optional. */
export const configSchema = z
  .object({
    /** Label names. Change them to fit an existing label scheme. */
    labels: z
      .object({
        /** The label that marks an issue as an incident. */
        incident: z.string().min(1).max(50).default("incident"),
        /** Prefix of the status labels (`status:investigating`). */
        status_prefix: z.string().min(1).max(30).default("status:"),
        /** Prefix of the severity labels (`severity:high`). */
        severity_prefix: z.string().min(1).max(30).default("severity:"),
        /** Label put on follow-up issues opened with `/action`. */
        follow_up: z.string().min(1).max(50).default("incident-follow-up"),
        /** Label put on an incident proposed by someone below `permissions.declare`, instead of `incident`, until someone with that role confirms it. */
        proposed: z.string().min(1).max(50).default("incident:proposed"),
      })
      .strict()
      .prefault({}),
    /** Severity given to an incident whose severity is missing or not understood. */
    default_severity: severitySchema.default("high"),
    /** Services by name (e.g. `inference`, `gateway`): who owns them and who is on call. */
    services: z.record(z.string().min(1).max(60), serviceSchema).default({}),
    /** Who may do what. */
    permissions: z
      .object({
        /** Minimum repository role (`read`, `triage`, `write`, `maintain`, `admin`) to run slash commands and tick checklist items. */
        commands: permissionSchema.default("triage"),
        /** Minimum repository role to `/approve` a runbook approval step. */
        approve: permissionSchema.default("write"),
        /** Minimum repository role to declare an incident (the form, the `incident` label, `/declare`). Below it the issue becomes a proposal: nobody is paged or assigned and no runbook starts until someone with the role confirms it. */
        declare: permissionSchema.default("triage"),
      })
      .strict()
      .prefault({}),
    /** Incident roles that `/role <role> @user` accepts. */
    roles: z
      .array(z.string().regex(/^[a-z][a-z0-9-]{0,29}$/, "must be a lowercase word such as scribe"))
      .min(1)
      .max(20)
      .default(["commander", "communications", "scribe"]),
    /** People or teams mentioned when an incident becomes critical. */
    escalation: z
      .object({
        /** Logins (`octocat`) or teams (`@acme/sre-leads`) mentioned on a move to `critical`. */
        critical: z
          .array(z.string().regex(/^@?[A-Za-z0-9][A-Za-z0-9/_.-]*$/))
          .max(20)
          .default([]),
      })
      .strict()
      .prefault({}),
    /** Runbooks: response plans kept in the repository. */
    runbooks: z
      .object({
        /** Folder of runbook files (`*.yml`). */
        directory: z.string().min(1).max(200).default(".github/runbooks"),
        /** Hosts that `http` steps may call: exact names, or `*.example.com` for its subdomains. */
        http_allow: z.array(z.string().min(1).max(253)).max(50).default([]),
      })
      .strict()
      .prefault({}),
    /** Postmortem reports, opened as pull requests. */
    postmortem: z
      .object({
        /** When the postmortem pull request is opened: `resolve` (when the incident resolves), `command` (only on `/postmortem`), or `off`. */
        when: z.enum(["resolve", "command", "off"]).default("resolve"),
        /** Folder the postmortem files are written to. */
        directory: z.string().min(1).max(200).default("docs/postmortems"),
      })
      .strict()
      .prefault({}),
    /** Root-cause analysis. */
    rca: z
      .object({
        /** Fishbone (Ishikawa) categories that `/cause <category> <text>` accepts. */
        categories: z
          .array(z.string().regex(/^[a-z][a-z0-9-]{0,29}$/, "must be a lowercase word such as process"))
          .min(1)
          .max(12)
          .default(["people", "process", "technology", "environment", "measurement", "materials"]),
      })
      .strict()
      .prefault({}),
    /** Alerts from Prometheus Alertmanager and Grafana: which ones declare incidents, and how. */
    alerts: alertsConfigSchema,
    /** Where incidents are announced outside GitHub: chat channels and signed webhooks. */
    notifications: notificationsConfigSchema,
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ServiceConfig = z.infer<typeof serviceSchema>;

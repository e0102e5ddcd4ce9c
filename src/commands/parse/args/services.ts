import type { Permission } from "../../../config/schema.js";
import { inlineCode } from "../../../markdown/index.js";
import { ok, usageError, type CommandSpec } from "../command-spec.js";

export interface ServicesArgs {
  services: string[];
  /** Named services the config does not describe (no team or on-call to derive); empty when the config lists none. */
  unconfigured: string[];
}

const usage = "/services <service>[, <service>…]";
const SERVICE = /^[a-z0-9][a-z0-9._/-]{0,59}$/;
export const MAX_SERVICES = 20;

/** `/services inference, gateway`: commas or spaces separate names; names are lower-cased and de-duplicated. */
export function servicesCommand(
  permission: Permission,
  configured: readonly string[],
): CommandSpec<ServicesArgs> {
  return {
    name: "services",
    usage,
    summary: "Set the affected services (re-derives the owning team and on-call).",
    permission,
    parse(_args, rest) {
      const names = rest
        .split(/[\s,]+/)
        .map((s) => s.replace(/^["'`]+|["'`]+$/g, "").toLowerCase())
        .filter(Boolean);
      if (names.length === 0) return usageError(usage, "Name at least one service.");
      const bad = names.find((n) => !SERVICE.test(n));
      if (bad !== undefined)
        return usageError(
          usage,
          `${inlineCode(bad)} is not a service name (letters, digits, \`.\`, \`_\`, \`/\`, \`-\`).`,
        );
      const services = [...new Set(names)];
      if (services.length > MAX_SERVICES)
        return usageError(usage, `Name at most ${MAX_SERVICES} services.`);
      const known = new Set(configured.map((s) => s.toLowerCase()));
      const unconfigured = known.size === 0 ? [] : services.filter((s) => !known.has(s));
      return ok({ services, unconfigured });
    },
  };
}

import ipaddr from "ipaddr.js";
import type { AllowedCidr } from "./refused-address.js";

/**
 * Reads `FIREWATCH_HTTP_ALLOW_CIDRS`: comma-separated networks (`10.20.0.0/16, fd00:1::/64`)
 * that `http` steps may reach although they are private. Only the server's environment can
 * set it, never a repository. A value that is not a CIDR throws an Error naming the
 * variable, so a typo stops the app at start instead of silently allowing less (or more).
 */
export function readHttpAllowCidrs(env: NodeJS.ProcessEnv): AllowedCidr[] {
  const raw = env.FIREWATCH_HTTP_ALLOW_CIDRS ?? "";
  return raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      if (!ipaddr.isValidCIDR(entry)) {
        throw new Error(
          `FIREWATCH_HTTP_ALLOW_CIDRS: "${entry}" is not a network such as 10.20.0.0/16 or fd00:1::/64 (comma-separated); unset it to allow no private network.`,
        );
      }
      return ipaddr.parseCIDR(entry);
    });
}

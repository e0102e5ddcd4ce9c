import { readHttpAllowCidrs } from "../runbooks/http-allow-cidrs.js";
import type { AllowedCidr } from "../runbooks/refused-address.js";
import type { CliIo } from "./cli-command.js";

/**
 * The private networks `http` steps may reach, from `FIREWATCH_HTTP_ALLOW_CIDRS` in this
 * shell, so a check here says what a server with the same setting would. A bad value is
 * printed (naming the variable) and gives undefined: the command then exits with 2.
 */
export function readCliHttpAllowCidrs(io: CliIo, env: NodeJS.ProcessEnv = process.env): AllowedCidr[] | undefined {
  try {
    return readHttpAllowCidrs(env);
  } catch (error) {
    io.stderr((error as Error).message);
    return undefined;
  }
}

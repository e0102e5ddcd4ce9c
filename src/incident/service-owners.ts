import type { Config } from "../config/schema.js";

/** The teams that own the given services, each once, in the order the services are named. */
export function teamsFor(config: Config, services: readonly string[]): string[] {
  const teams = services
    .map((s) => config.services[s]?.team)
    .filter((t): t is string => Boolean(t));
  return [...new Set(teams)];
}

/** The on-call people for the given services, each once. */
export function oncallFor(config: Config, services: readonly string[]): string[] {
  return [...new Set(services.flatMap((s) => config.services[s]?.oncall ?? []))];
}

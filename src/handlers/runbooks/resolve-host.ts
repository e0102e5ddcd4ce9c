import { lookup } from "node:dns/promises";

/** Every address a host name resolves to; `AppDeps.resolve` replaces it in tests. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/** The system resolver, as fetch itself would use it (hosts file, both address families). */
export const resolveWithSystem: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

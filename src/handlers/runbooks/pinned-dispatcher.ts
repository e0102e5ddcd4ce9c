import type { LookupFunction } from "node:net";
import { Agent } from "undici";

/** The address a dispatcher made by `pinnedDispatcher` connects to, for the test network to see. */
export const PINNED_ADDRESS: unique symbol = Symbol("firewatch.pinnedAddress");

export type PinnedDispatcher = Agent & { [PINNED_ADDRESS]: string };

/**
 * A one-request connection pool that connects to `address` whatever the URL's name resolves
 * to now, so the address that was checked is the one reached (no DNS rebinding between the
 * check and the connection). The name stays in the Host header and in TLS (SNI and the
 * certificate's name), because only the lookup is replaced.
 */
export function pinnedDispatcher(address: string, tls: { ca?: string } = {}): PinnedDispatcher {
  const family = address.includes(":") ? 6 : 4;
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const agent = new Agent({ connect: { lookup, ...tls }, connections: 1, pipelining: 0 });
  return Object.assign(agent, { [PINNED_ADDRESS]: address });
}

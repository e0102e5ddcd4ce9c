import ipaddr from "ipaddr.js";
import { describeRefusal, refusedAddress, type AllowedCidr } from "./refused-address.js";

/**
 * Why an `http` step's URL is refused from its text alone (no DNS): its host is an IP
 * address in a refused network, or `localhost` (which always means this machine). Names
 * are judged at run time by what they resolve to. Undefined when the text is fine.
 */
export function refusedHost(url: string, allowed: readonly AllowedCidr[] = []): string | undefined {
  const host = bareHost(url);
  if (host === undefined) return undefined;
  if (ipaddr.isValid(host)) {
    const refused = refusedAddress(host, allowed);
    return refused && describeRefusal(host, refused);
  }
  if (host === "localhost" || host.endsWith(".localhost")) {
    const refused = refusedAddress("127.0.0.1", allowed);
    return refused && `${host} is this machine (loopback): http steps may not call the private network Firewatch runs in (the server's operator can allow ranges with FIREWATCH_HTTP_ALLOW_CIDRS)`;
  }
  return undefined;
}

/** The URL's host as it is connected to: lowercase, no IPv6 brackets, no trailing dot. */
export function bareHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  } catch {
    return undefined;
  }
}

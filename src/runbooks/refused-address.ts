import ipaddr from "ipaddr.js";

/** A network the operator lets `http` steps reach (`FIREWATCH_HTTP_ALLOW_CIDRS`). */
export type AllowedCidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Why an address may not be called: the refused network it is in. */
export interface RefusedAddress {
  address: string;
  /** In words: "private", "loopback", "link-local (cloud metadata)"… */
  range: string;
  cidr: string;
}

/**
 * Networks `http` steps never reach unless the operator allows them: they lead into the
 * machine Firewatch runs on, its network, or its cloud's metadata service, never to a
 * public status page. First match wins, so the narrow IPv6 entries come before `::/96`.
 */
const REFUSED: readonly { cidr: string; range: string }[] = [
  { cidr: "0.0.0.0/8", range: "unspecified" },
  { cidr: "10.0.0.0/8", range: "private" },
  { cidr: "100.64.0.0/10", range: "carrier-grade NAT" },
  { cidr: "127.0.0.0/8", range: "loopback" },
  { cidr: "169.254.0.0/16", range: "link-local (cloud metadata)" },
  { cidr: "172.16.0.0/12", range: "private" },
  { cidr: "192.0.0.0/24", range: "IETF protocol assignments" },
  { cidr: "192.168.0.0/16", range: "private" },
  { cidr: "198.18.0.0/15", range: "benchmarking" },
  { cidr: "224.0.0.0/4", range: "multicast" },
  { cidr: "240.0.0.0/4", range: "reserved or broadcast" },
  { cidr: "::/128", range: "unspecified" },
  { cidr: "::1/128", range: "loopback" },
  { cidr: "64:ff9b:1::/48", range: "local NAT64" },
  { cidr: "2001::/32", range: "Teredo tunnel" },
  { cidr: "fc00::/7", range: "private (unique local)" },
  { cidr: "fe80::/10", range: "link-local" },
  { cidr: "fec0::/10", range: "site-local" },
  { cidr: "ff00::/8", range: "multicast" },
];
const REFUSED_PARSED = REFUSED.map((r) => ({ ...r, net: ipaddr.parseCIDR(r.cidr) }));

/** IPv6 forms that carry an IPv4 address, which is then what is reached. */
const EMBEDDING: readonly { net: AllowedCidr; at: number }[] = [
  { net: ipaddr.parseCIDR("::ffff:0:0/96"), at: 12 }, // IPv4-mapped
  { net: ipaddr.parseCIDR("::ffff:0:0:0/96"), at: 12 }, // IPv4-translated (RFC 6145)
  { net: ipaddr.parseCIDR("64:ff9b::/96"), at: 12 }, // NAT64 (RFC 6052)
  { net: ipaddr.parseCIDR("::/96"), at: 12 }, // IPv4-compatible (deprecated)
  { net: ipaddr.parseCIDR("2002::/16"), at: 2 }, // 6to4
];

/**
 * The refused network `address` is in, or undefined when it may be called. An IPv6 address
 * that carries an IPv4 one (`::ffff:10.0.0.1`, NAT64, 6to4) is judged by both. An address the
 * operator allowed (either form in one of `allowed`) is never refused. Not an IP: refused.
 */
export function refusedAddress(address: string, allowed: readonly AllowedCidr[] = []): RefusedAddress | undefined {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  if (!ipaddr.isValid(bare)) return { address, range: "not an IP address", cidr: "" };
  const parsed = ipaddr.parse(bare);
  const forms = [parsed, ...embeddedIPv4(parsed)];
  if (forms.some((form) => allowed.some((net) => within(form, net)))) return undefined;
  for (const form of forms) {
    const hit = REFUSED_PARSED.find((r) => within(form, r.net));
    if (hit) return { address: bare, range: hit.range, cidr: hit.cidr };
  }
  return undefined;
}

/** One line for the user: what the address is and who can change that. */
export function describeRefusal(host: string, refused: RefusedAddress): string {
  const what = `${refused.range} address${refused.cidr ? ` (${refused.cidr})` : ""}`;
  const a = /^[aeiouIE]/.test(what) ? "an" : "a";
  const subject = host === refused.address ? `${host} is ${a} ${what}` : `${host} resolves to ${refused.address}, ${a} ${what}`;
  return `${subject}: http steps may not call the private network Firewatch runs in (the server's operator can allow ranges with FIREWATCH_HTTP_ALLOW_CIDRS)`;
}

function within(address: ipaddr.IPv4 | ipaddr.IPv6, net: AllowedCidr): boolean {
  return address.kind() === net[0].kind() && address.match(net);
}

function embeddedIPv4(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4[] {
  if (address.kind() !== "ipv6") return [];
  const bytes = address.toByteArray();
  return EMBEDDING.filter((e) => address.match(e.net)).map((e) => new ipaddr.IPv4(bytes.slice(e.at, e.at + 4)));
}

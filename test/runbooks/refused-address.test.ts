import { describe, expect, it } from "vitest";
import { readHttpAllowCidrs } from "../../src/runbooks/http-allow-cidrs.js";
import { refusedAddress } from "../../src/runbooks/refused-address.js";
import { refusedHost } from "../../src/runbooks/refused-host.js";

describe("which addresses http steps may not reach", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["224.0.0.1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "reserved or broadcast"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["fc00::1", "private (unique local)"],
    ["fd12:3456::1", "private (unique local)"],
    ["fe80::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local (cloud metadata)"],
    ["64:ff9b::10.0.0.1", "private"],
    ["2002:7f00:1::", "loopback"],
    ["[::1]", "loopback"],
  ])("%s is refused as %s", (address, range) => {
    expect(refusedAddress(address)?.range).toBe(range);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.255.0.1", "203.0.113.10", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8"])(
    "%s (public) may be called",
    (address) => {
      expect(refusedAddress(address)).toBeUndefined();
    },
  );

  it.each([
    ["10.1.2.3", "10.0.0.0/8", undefined],
    ["::ffff:10.1.2.3", "10.0.0.0/8", undefined],
    ["10.1.2.3", "10.2.0.0/16", "private"],
    ["fd00:1::5", "fd00:1::/64", undefined],
    ["fd00:2::5", "fd00:1::/64", "private (unique local)"],
    ["169.254.169.254", "10.0.0.0/8, 192.168.0.0/16", "link-local (cloud metadata)"],
  ])("%s with FIREWATCH_HTTP_ALLOW_CIDRS=%s → %s", (address, cidrs, range) => {
    expect(refusedAddress(address, readHttpAllowCidrs({ FIREWATCH_HTTP_ALLOW_CIDRS: cidrs }))?.range).toBe(range);
  });

  it("something that is not an address is refused", () => {
    expect(refusedAddress("status.example.com")?.range).toBe("not an IP address");
  });
});

describe("FIREWATCH_HTTP_ALLOW_CIDRS", () => {
  it("is empty when unset or blank", () => {
    expect(readHttpAllowCidrs({})).toEqual([]);
    expect(readHttpAllowCidrs({ FIREWATCH_HTTP_ALLOW_CIDRS: " , " })).toEqual([]);
  });

  it.each(["10.0.0.0", "10.0.0.0/33", "internal.example.com/8", "10.0.0.0/8;192.168.0.0/16"])("refuses %s, naming the variable", (raw) => {
    expect(() => readHttpAllowCidrs({ FIREWATCH_HTTP_ALLOW_CIDRS: raw })).toThrow(/^FIREWATCH_HTTP_ALLOW_CIDRS: ".*" is not a network such as 10\.20\.0\.0\/16/);
  });
});

describe("hosts refused from the URL alone", () => {
  it.each([
    ["https://10.0.0.5/health", "10.0.0.5 is a private address (10.0.0.0/8)"],
    ["https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local (cloud metadata) address (169.254.0.0/16)"],
    ["https://[::1]/", "::1 is a loopback address (::1/128)"],
    ["https://[::ffff:10.0.0.1]/", "::ffff:a00:1 is a private address (10.0.0.0/8)"],
    ["https://[fe80::1]/", "fe80::1 is a link-local address (fe80::/10)"],
    ["https://0x7f.1/", "127.0.0.1 is a loopback address (127.0.0.0/8)"],
    ["https://2130706433/", "127.0.0.1 is a loopback address (127.0.0.0/8)"],
    ["https://localhost/", "localhost is this machine (loopback)"],
    ["https://LOCALHOST./", "localhost is this machine (loopback)"],
    ["https://api.localhost/", "api.localhost is this machine (loopback)"],
  ])("%s: %s", (url, start) => {
    const message = refusedHost(url);
    expect(message?.startsWith(start)).toBe(true);
    expect(message).toContain("FIREWATCH_HTTP_ALLOW_CIDRS");
  });

  it.each(["https://status.example.com/", "https://gateway.internal.example.com/healthz", "https://8.8.8.8/", "not a url"])("%s is left to the run-time check", (url) => {
    expect(refusedHost(url)).toBeUndefined();
  });

  it("an operator's range lets an address or localhost through", () => {
    expect(refusedHost("https://10.0.0.5/", readHttpAllowCidrs({ FIREWATCH_HTTP_ALLOW_CIDRS: "10.0.0.0/8" }))).toBeUndefined();
    expect(refusedHost("https://localhost/", readHttpAllowCidrs({ FIREWATCH_HTTP_ALLOW_CIDRS: "127.0.0.0/8" }))).toBeUndefined();
  });
});

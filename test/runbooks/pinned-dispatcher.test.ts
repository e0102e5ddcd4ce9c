import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pinnedDispatcher } from "../../src/handlers/runbooks/pinned-dispatcher.js";

// The name is never looked up: the pinned dispatcher connects to 127.0.0.1 whatever it says.
const NAME = "status.example.com";

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

describe("the pinned dispatcher connects to the checked address", () => {
  const seen: { host?: string; servername?: string | false | null }[] = [];
  const record = (req: IncomingMessage, res: { end(body: string): void }) => {
    seen.push({ host: req.headers.host, servername: (req.socket as TLSSocket).servername });
    res.end("ok");
  };
  const http = createHttpServer(record);
  let https: Server;
  let ca = "";
  let httpPort = 0;
  let httpsPort = 0;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "firewatch-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", `/CN=${NAME}`, "-addext", `subjectAltName=DNS:${NAME}`, "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
    ca = readFileSync(join(dir, "cert.pem"), "utf8");
    https = createHttpsServer({ key: readFileSync(join(dir, "key.pem")), cert: ca }, record);
    rmSync(dir, { recursive: true });
    httpPort = await listen(http);
    httpsPort = await listen(https);
  });
  afterAll(() => {
    http.close();
    https.close();
  });

  it("keeps the name in the Host header", async () => {
    const dispatcher = pinnedDispatcher("127.0.0.1");
    const response = await fetch(`http://${NAME}:${httpPort}/x`, { dispatcher } as RequestInit);
    expect(await response.text()).toBe("ok");
    expect(seen.at(-1)).toEqual({ host: `${NAME}:${httpPort}`, servername: undefined });
    await dispatcher.destroy();
  });

  it("keeps the name for TLS: SNI and the certificate's name", async () => {
    const dispatcher = pinnedDispatcher("127.0.0.1", { ca });
    const response = await fetch(`https://${NAME}:${httpsPort}/x`, { dispatcher } as RequestInit);
    expect(await response.text()).toBe("ok");
    expect(seen.at(-1)).toEqual({ host: `${NAME}:${httpsPort}`, servername: NAME });
    await dispatcher.destroy();
  });

  it("a certificate for another name is refused", async () => {
    const dispatcher = pinnedDispatcher("127.0.0.1", { ca });
    const error = await fetch(`https://other.example.com:${httpsPort}/x`, { dispatcher } as RequestInit).catch((e: unknown) => e);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
    await dispatcher.destroy();
  });
});

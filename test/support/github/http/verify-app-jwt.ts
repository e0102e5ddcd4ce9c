import { verify } from "node:crypto";

/**
 * Checks a GitHub App JWT the way GitHub does: RS256, signed by the app's private key
 * (verified with its public key), issued for this app, not expired (by the real clock,
 * which is what the client signs with).
 * @returns what is wrong, or undefined when the token is good.
 */
export function verifyAppJwt(token: string, publicKey: string, appId: number): string | undefined {
  try {
    return checkJwt(token, publicKey, appId);
  } catch (error) {
    return `malformed JWT: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function checkJwt(token: string, publicKey: string, appId: number): string | undefined {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return "not a JWT (expected header.payload.signature)";
  const { alg } = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg?: string };
  if (alg !== "RS256") return `JWT alg is ${String(alg)}, GitHub requires RS256`;
  const signed = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, "base64url"));
  if (!signed) return "JWT signature does not verify with the app's public key";
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { iss?: unknown; exp?: number };
  if (String(claims.iss) !== String(appId)) return `JWT iss is ${String(claims.iss)}, expected app id ${appId}`;
  if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) return "JWT is expired";
  return undefined;
}

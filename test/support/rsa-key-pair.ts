import { generateKeyPairSync } from "node:crypto";

export interface RsaKeyPair {
  /** PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"), the format GitHub hands out and Probot reads. */
  privateKey: string;
  /** SPKI PEM, given to the stand-in to verify the app's JWTs. */
  publicKey: string;
}

/** A real 2048-bit key takes ~0.4 s to make, so each test worker makes one and reuses it. */
let keyPairCache: RsaKeyPair | undefined;

export function rsaKeyPair(): RsaKeyPair {
  keyPairCache ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return keyPairCache;
}

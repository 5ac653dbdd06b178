// What signing a document needs beyond node:crypto: JSON canonicalisation (RFC 8785, "JCS"),
// base58btc and multibase, did:key for an Ed25519 public key, and the eddsa-jcs-2022 Data
// Integrity proof of the W3C Verifiable Credentials, so that any standard verifier can check a
// credential this server signs without asking it.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/** RFC 8785 canonical JSON: members sorted by UTF-16 code units, ECMAScript number and string forms. */
export function jcs(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("JCS cannot represent a non-finite number");
    return JSON.stringify(value);
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : jcs(v))).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // Plain sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jcs(v)}`).join(",")}}`;
  }
  throw new Error(`JCS cannot represent a ${typeof value}`);
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function base58btc(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = "";
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = "1" + out;
  }
  return out;
}

export function fromBase58btc(text: string): Uint8Array {
  let n = 0n;
  for (const ch of text) {
    const digit = BASE58.indexOf(ch);
    if (digit < 0) throw new Error("Not base58btc");
    n = n * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 255n));
    n >>= 8n;
  }
  for (const ch of text) {
    if (ch !== "1") break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = (key.type === "public" ? key : createPublicKey(key)).export({ format: "jwk" });
  return Buffer.from(jwk.x!, "base64url");
}

/** did:key of an Ed25519 public key: multibase base58btc of the multicodec 0xed01 and the key. */
export function didKey(key: KeyObject): string {
  return `did:key:z${base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), rawPublicKey(key)]))}`;
}

/** The Ed25519 public key a did:key (or a did:key verification method URL) names. */
export function publicKeyOfDidKey(did: string): KeyObject {
  const match = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)/.exec(did);
  if (!match) throw new Error("Not a did:key");
  const bytes = fromBase58btc(match[1]);
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) throw new Error("Not an Ed25519 did:key");
  return createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(bytes.slice(2)).toString("base64url") },
    format: "jwk",
  });
}

/** Ed25519 signature of a text's UTF-8 bytes, base64url. */
export function signText(text: string, privateKey: KeyObject): string {
  return sign(null, Buffer.from(text, "utf8"), privateKey).toString("base64url");
}

export function verifyText(text: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(text, "utf8"), publicKey, Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

export interface DataIntegrityProof {
  type: "DataIntegrityProof";
  cryptosuite: "eddsa-jcs-2022";
  created: string;
  verificationMethod: string;
  proofPurpose: "assertionMethod";
  proofValue?: string;
}

type Credential = Record<string, unknown> & { "@context": unknown };

// eddsa-jcs-2022: the hash of the canonical proof options (with the document's @context) and the
// hash of the canonical document without its proof, concatenated in that order, are what is signed.
function hashData(document: Credential, proof: Omit<DataIntegrityProof, "proofValue">): Buffer {
  const { proof: _ignored, ...unsecured } = document;
  const options = { ...proof, "@context": document["@context"] };
  return Buffer.concat([sha256(jcs(options)), sha256(jcs(unsecured))]);
}

/** The document with an eddsa-jcs-2022 DataIntegrityProof made with the key. */
export function withProof<T extends Credential>(
  document: T,
  { privateKey, verificationMethod, created }: { privateKey: KeyObject; verificationMethod: string; created: Date },
): T & { proof: DataIntegrityProof } {
  const proof = {
    type: "DataIntegrityProof" as const,
    cryptosuite: "eddsa-jcs-2022" as const,
    created: created.toISOString().replace(/\.\d{3}Z$/, "Z"),
    verificationMethod,
    proofPurpose: "assertionMethod" as const,
  };
  const signature = sign(null, hashData(document, proof), privateKey);
  return { ...document, proof: { ...proof, proofValue: `z${base58btc(signature)}` } };
}

/** Whether a document's eddsa-jcs-2022 proof verifies with the key (by default the did:key it names). */
export function verifyProof(document: Credential, publicKey?: KeyObject): boolean {
  try {
    const { proofValue, ...proof } = document.proof as DataIntegrityProof;
    if (proof.type !== "DataIntegrityProof" || proof.cryptosuite !== "eddsa-jcs-2022") return false;
    if (!proofValue?.startsWith("z")) return false;
    const key = publicKey ?? publicKeyOfDidKey(proof.verificationMethod);
    return verify(null, hashData(document, proof), key, fromBase58btc(proofValue.slice(1)));
  } catch {
    return false;
  }
}

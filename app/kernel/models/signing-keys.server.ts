// The Ed25519 key that signs diplomas, in the data directory beside the database (or
// SIGNING_KEYS_DIR): the private key in a file only the server's user reads, made at the first
// start; every public key it ever used, with its validity, in a JSON file that /verify/key
// publishes, so a diploma signed before a rotation still verifies. See
// docs/decisions/016-diploma-signing-key.md.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { databasePath } from "../../../db/client";
import { didKey, rawPublicKey } from "../server/signature.server";

export interface PublishedKey {
  /** The first 16 hex digits of the SHA-256 of the raw public key. */
  id: string;
  publicKeyPem: string;
  validFrom: string;
  /** When the key stopped signing (rotation); null while it is the current one. */
  validUntil: string | null;
}

export interface SigningKey {
  id: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  did: string;
}

export function signingKeysDir(): string {
  return process.env.SIGNING_KEYS_DIR ?? join(dirname(databasePath()), "keys");
}

const privatePath = () => join(signingKeysDir(), "diploma-signing-key.pem");
const publishedPath = () => join(signingKeysDir(), "published-keys.json");

export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(rawPublicKey(publicKey)).digest("hex").slice(0, 16);
}

/** Every public key that ever signed, oldest first; an empty list before the first start. */
export function publishedKeys(): PublishedKey[] {
  try {
    return JSON.parse(readFileSync(publishedPath(), "utf8")) as PublishedKey[];
  } catch {
    return [];
  }
}

function writePublished(keys: PublishedKey[]) {
  const path = publishedPath();
  writeFileSync(`${path}.tmp`, JSON.stringify(keys, null, 2));
  renameSync(`${path}.tmp`, path);
}

function newKey(now: Date) {
  mkdirSync(signingKeysDir(), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  // "wx": two processes starting together never overwrite each other's key.
  writeFileSync(privatePath(), privateKey.export({ format: "pem", type: "pkcs8" }), { flag: "wx", mode: 0o600 });
  chmodSync(privatePath(), 0o600);
  const published = publishedKeys().map((k) => (k.validUntil ? k : { ...k, validUntil: now.toISOString() }));
  published.push({
    id: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    validFrom: now.toISOString(),
    validUntil: null,
  });
  writePublished(published);
}

// Kept with the file's modification time: another server process may rotate the key.
let cached: { path: string; modified: number; key: SigningKey } | undefined;

const modifiedAt = (path: string) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/** The current signing key, made (and its public half published) when there is none yet. */
export function ensureSigningKey(now = new Date()): SigningKey {
  const path = privatePath();
  if (cached?.path === path && cached.modified === modifiedAt(path)) return cached.key;
  if (!existsSync(path)) {
    try {
      newKey(now);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const privateKey = createPrivateKey(readFileSync(path));
  const publicKey = createPublicKey(privateKey);
  const key = { id: keyIdOf(publicKey), privateKey, publicKey, did: didKey(publicKey) };
  if (!publishedKeys().some((k) => k.id === key.id))
    writePublished([
      ...publishedKeys(),
      {
        id: key.id,
        publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
        validFrom: now.toISOString(),
        validUntil: null,
      },
    ]);
  cached = { path, modified: modifiedAt(path)!, key };
  return key;
}

/**
 * Retires the current key (its public half stays published, with the end of its validity) and
 * makes a new one. The retired private key is deleted: it can sign nothing more.
 */
export function rotateSigningKey(now = new Date()): SigningKey {
  if (existsSync(privatePath())) unlinkSync(privatePath());
  cached = undefined;
  newKey(now);
  return ensureSigningKey(now);
}

/** A published public key by its id, or null. */
export function publicKeyById(id: string): KeyObject | null {
  const found = publishedKeys().find((k) => k.id === id);
  return found ? createPublicKey(found.publicKeyPem) : null;
}

/** The current key when it exists already, else null: for a page, which must not make one. */
export function publishedSigningKey(): SigningKey | null {
  return existsSync(privatePath()) ? ensureSigningKey() : null;
}

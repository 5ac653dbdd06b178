// The lottery seed of a tie-break rule is kept sealed (AES-256-GCM) under a key of its own in the
// signing keys' directory, so that a copy of the database alone (a backup, an export, a worker's
// snapshot) does not tell anyone how a tie would be drawn before the vote's outcome is final.
// See docs/decisions/044-lottery-seed-sealed.md.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { signingKeysDir } from "../../kernel/models/signing-keys.server";

const PREFIX = "sealed:v1:";
const CLEAR_SEED = /^[0-9a-f]{64}$/;

export const sealKeyPath = () => join(signingKeysDir(), "lottery-seal.key");

/** What a sealed seed is bound to: a sealed seed moved to another edition's row does not open. */
const boundTo = (editionId: string) => Buffer.from(`tie-break seed of edition ${editionId}`);

let cached: { path: string; key: Buffer } | undefined;

function readKey(path: string): Buffer {
  const key = Buffer.from(readFileSync(path, "utf8").trim(), "hex");
  if (key.length !== 32) throw new Error(`The lottery seal key ${path} is not 64 hexadecimal digits.`);
  return key;
}

/**
 * The key. Made when sealing (a post) if there is none yet: written aside, then linked, so two
 * processes never share half a file. Never made when opening (a page must not make one), so a lost
 * key says so.
 */
function sealKey({ make }: { make: boolean }): Buffer {
  const path = sealKeyPath();
  if (cached?.path === path) return cached.key;
  if (!existsSync(path)) {
    if (!make)
      throw new Error(
        `A lottery seed is sealed but its key ${path} is missing: restore the signing keys' directory from the backup made with the database.`,
      );
    mkdirSync(signingKeysDir(), { recursive: true, mode: 0o700 });
    const aside = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(aside, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
    try {
      linkSync(aside, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(aside);
    }
  }
  cached = { path, key: readKey(path) };
  return cached.key;
}

/** The seed as stored: "sealed:v1:" and base64url of nonce (12 bytes), tag (16) and ciphertext. */
export function sealSeed({ editionId, seed }: { editionId: string; seed: string }): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey({ make: true }), nonce);
  cipher.setAAD(boundTo(editionId));
  const sealed = Buffer.concat([cipher.update(seed, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString("base64url");
}

/**
 * The seed in the clear, from what is stored. A seed stored before sealing (64 hexadecimal digits)
 * is returned as it is. Throws when the key is missing or is not the one that sealed it, or when
 * the sealed seed belongs to another edition.
 */
export function openSeed({ editionId, stored }: { editionId: string; stored: string }): string {
  if (CLEAR_SEED.test(stored)) return stored;
  if (!stored.startsWith(PREFIX)) throw new Error(`The tie-break seed of edition ${editionId} is in no known form.`);
  const bytes = Buffer.from(stored.slice(PREFIX.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", sealKey({ make: false }), bytes.subarray(0, 12));
  decipher.setAAD(boundTo(editionId));
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      `The tie-break seed of edition ${editionId} does not open with the lottery seal key ${sealKeyPath()}: it was sealed with another key, or for another edition.`,
    );
  }
}

// A laureate's award as an Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential,
// data model 2.0), secured with an eddsa-jcs-2022 Data Integrity proof by the diploma key. The
// issuer and the verification method are the key's did:key, so a verifier needs nothing from
// this server to check the proof; the key is also published at /verify/key.
import type { SigningKey } from "../../kernel/models/signing-keys.server";
import { withProof } from "../../kernel/server/signature.server";
import type { DiplomaStatement } from "../models/diploma-codes.server";

export const PRIZE_NAME = "UNESCO King Hamad Bin Isa Al-Khalifa Prize for the Use of ICT in Education";

export const CREDENTIAL_CONTEXTS = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];

/** Where the issuer's revocation list is published (1EdTech Revocation List Status Method 1.0). */
export const revocationListUrl = (origin: string) => `${origin}/verify/revocations.json`;

/** A badge's id: the URL it is served at, which the revocation list names. */
export const badgeId = (origin: string, code: string) => `${origin}/verify/${code}/badge.json`;

/**
 * The issuer's revocation list, in the 1EdTech Revocation List Status Method's shape: the ids of
 * the revoked badges, with the reason the secretariat gave. A verifier holding a badge issued
 * before the revocation finds it here through the badge's `credentialStatus`.
 */
export function revocationList({
  origin,
  issuerDid,
  revoked,
}: {
  origin: string;
  issuerDid: string | null;
  revoked: { code: string; reason: string }[];
}) {
  return {
    id: revocationListUrl(origin),
    ...(issuerDid ? { issuer: issuerDid } : {}),
    revokedCredentials: revoked.map((r) => ({
      id: badgeId(origin, r.code),
      revoked: true,
      revocationReason: r.reason,
    })),
  };
}

/** The unsigned OpenBadgeCredential of a diploma's statement. */
export function badgeCredential({
  statement,
  origin,
  issuerDid,
  validFrom,
}: {
  statement: DiplomaStatement;
  origin: string;
  issuerDid: string;
  validFrom: Date;
}) {
  const page = `${origin}/verify/${statement.code}`;
  const name = `${PRIZE_NAME} — laureate ${statement.edition}`;
  return {
    "@context": CREDENTIAL_CONTEXTS,
    id: badgeId(origin, statement.code),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name,
    issuer: { id: issuerDid, type: ["Profile"], name: `UNESCO — ${PRIZE_NAME}`, url: origin },
    validFrom: validFrom.toISOString().replace(/\.\d{3}Z$/, "Z"),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: statement.laureate }],
      achievement: {
        id: `${origin}/laureates/${statement.edition}`,
        type: ["Achievement"],
        achievementType: "Award",
        name,
        description: `Awarded for the project “${statement.project}” (${statement.country}), announced on ${statement.announcementDate}.`,
        criteria: { narrative: "Selected by the international jury and decided by the Director-General of UNESCO." },
      },
    },
    evidence: [{ id: page, type: ["Evidence"], name: `Diploma ${statement.code}` }],
    credentialStatus: { id: revocationListUrl(origin), type: "1EdTechRevocationList" },
  };
}

/** The credential with its proof, made now with the current key. */
export function signedBadge({
  statement,
  origin,
  key,
  validFrom,
  now = new Date(),
}: {
  statement: DiplomaStatement;
  origin: string;
  key: SigningKey;
  validFrom: Date;
  now?: Date;
}) {
  const credential = badgeCredential({ statement, origin, issuerDid: key.did, validFrom });
  const fragment = key.did.slice("did:key:".length);
  return withProof(credential, {
    privateKey: key.privateKey,
    verificationMethod: `${key.did}#${fragment}`,
    created: now,
  });
}

// Every public key that has signed diplomas, with its validity, as PEM and as JWK (and did:key),
// so that anyone can check a diploma or a badge offline, years later, after a rotation too.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createPublicKey } from "node:crypto";
import { getSessionUser } from "../accounts/server/session.server";
import { publishedKeys } from "../kernel/models/signing-keys.server";
import { didKey } from "../kernel/server/signature.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await getSessionUser(request);
  const keys = publishedKeys().map((k) => {
    const key = createPublicKey(k.publicKeyPem);
    return {
      id: k.id,
      algorithm: "Ed25519",
      validFrom: k.validFrom,
      validUntil: k.validUntil,
      did: didKey(key),
      publicKeyPem: k.publicKeyPem,
      publicKeyJwk: { ...key.export({ format: "jwk" }), kid: k.id },
    };
  });
  return new Response(JSON.stringify({ keys }, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}

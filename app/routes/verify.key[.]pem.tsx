// One public key as PEM, for openssl: the one named by ?id=, else the current one.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { found } from "../accounts/server/permissions.server";
import { getSessionUser, profileLocale } from "../accounts/server/session.server";
import { publishedKeys } from "../kernel/models/signing-keys.server";
import { fileLoader } from "../kernel/server/download.server";

export const loader = fileLoader(async ({ request }: LoaderFunctionArgs) => {
  await getSessionUser(request);
  const id = new URL(request.url).searchParams.get("id");
  const keys = publishedKeys();
  const key = found(id ? keys.find((k) => k.id === id) : keys.find((k) => !k.validUntil));
  return new Response(key.publicKeyPem, {
    headers: { "Content-Type": "application/x-pem-file", "Cache-Control": "public, max-age=300" },
  });
}, profileLocale);

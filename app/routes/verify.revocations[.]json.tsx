// The issuer's public revocation list (1EdTech Revocation List Status Method): every badge names
// it as its `credentialStatus`, so that a badge downloaded before its diploma was revoked can be
// found revoked by any verifier. Public like the verification pages; never cached, so a
// revocation shows at once.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser, profileLocale } from "../accounts/server/session.server";
import { publishedSigningKey } from "../kernel/models/signing-keys.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";
import { siteOrigin } from "../kernel/server/site.server";
import { revokedDiplomas } from "../results/models/diploma-revocation.server";
import { revocationList } from "../results/server/badge.server";

export const loader = fileLoader(async ({ request }: LoaderFunctionArgs) => {
  await getSessionUser(request);
  // Before the first decision there is no key, no badge and nothing revoked: an empty list.
  const issuerDid = publishedSigningKey()?.did ?? null;
  const list = revocationList({ origin: siteOrigin(), issuerDid, revoked: revokedDiplomas() });
  return fileResponse({
    bytes: JSON.stringify(list, null, 2),
    name: "revocations.json",
    type: "application/json; charset=utf-8",
  });
}, profileLocale);

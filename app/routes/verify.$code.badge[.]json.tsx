// A laureate's award as an Open Badges 3.0 credential, signed now by the current key (eddsa-jcs-2022).
// Public like the verification page; a revoked diploma's badge is no longer issued (410 Gone).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { found } from "../accounts/server/permissions.server";
import { getSessionUser, profileLocale } from "../accounts/server/session.server";
import { parisDateToInstant } from "../kernel/domain/paris-time";
import { publishedSigningKey } from "../kernel/models/signing-keys.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";
import { siteOrigin } from "../kernel/server/site.server";
import { verificationOf } from "../results/models/diploma-codes.server";
import { signedBadge } from "../results/server/badge.server";

export const loader = fileLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await getSessionUser(request);
  const v = found(verificationOf({ code: params.code ?? "" }));
  const key = found(v.genuine && publishedSigningKey());
  if (v.revoked)
    return new Response(`Diploma ${v.code} was revoked: ${v.revoked.reason}`, {
      status: 410,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  const badge = signedBadge({
    statement: v.statement,
    origin: siteOrigin(),
    key,
    validFrom: parisDateToInstant(v.statement.announcementDate) ?? new Date(),
  });
  return fileResponse({
    bytes: JSON.stringify(badge, null, 2),
    name: `badge-${v.code}.json`,
    type: "application/vc+ld+json; charset=utf-8",
  });
}, profileLocale);

// The frozen decision snapshot (canonical JSON) exactly as hashed; secretariat only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { found, requireSecretariat, UNADVERTISED } from "../accounts/server/permissions.server";
import { decisionSnapshot, getEditionBrief } from "../results/models/decision.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";

export const loader = fileLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requireSecretariat(request, UNADVERTISED);
  const edition = found(getEditionBrief({ editionId: params.editionId ?? "" }));
  const snap = found(decisionSnapshot({ editionId: edition.id }));
  return fileResponse({
    bytes: snap.snapshot,
    name: `decision-${edition.year}-${snap.sha256.slice(0, 12)}.json`,
    type: "application/json; charset=utf-8",
  });
}, profileLocale);

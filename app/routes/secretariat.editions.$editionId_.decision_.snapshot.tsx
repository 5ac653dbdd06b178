// The frozen decision snapshot (canonical JSON) exactly as hashed; secretariat only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/permissions.server";
import { decisionSnapshot, getEditionBrief } from "../models/decision.server";
import { requireSecretariat } from "../utils/results-route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const edition = getEditionBrief({ editionId: params.editionId ?? "" });
  if (!edition) notFound();
  const snap = decisionSnapshot({ editionId: edition.id });
  if (!snap) notFound();
  return new Response(snap.snapshot, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="decision-${edition.year}-${snap.sha256.slice(0, 12)}.json"`, "Cache-Control": "no-store" },
  });
}

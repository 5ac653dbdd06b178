// Downloads a nomination letter as an attachment: for the nominating entity's members and the
// secretariat; anyone else gets the same 404 as for a letter that does not exist. A resource route:
// no component, no ErrorBoundary (exporting one would make Remix render it as an HTML page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../auth/permissions.server";
import { nominationLetterForDownload } from "../models/nomination.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const letter = nominationLetterForDownload({ letterId: params.letterId ?? "", user });
  if (!letter) notFound();
  const ascii = letter.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(letter.bytes, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(letter.bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(letter.originalName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

// Downloads a nomination letter as an attachment: for the nominating entity's members, the
// applicant, an assigned juror and the secretariat; anyone else gets the same 404 as for a
// letter that does not exist. A resource route: no component, no ErrorBoundary (see
// app/kernel/server/download.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { found, requireUser } from "../accounts/server/permissions.server";
import { nominationLetterForDownload } from "../nominations/models/nomination.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";

export const loader = fileLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  const letter = found(nominationLetterForDownload({ letterId: params.letterId ?? "", user }));
  return fileResponse({ bytes: letter.bytes, name: letter.name, type: letter.mimeType });
}, profileLocale);

// Download of a supporting document: only for those allowed (owner; the entity it was sent to;
// an assigned juror; the secretariat), always as an attachment with the type read from its
// bytes. A resource route: no component, no ErrorBoundary (see app/kernel/server/download.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { found, requireUser } from "../accounts/server/permissions.server";
import { getAttachmentForDownload } from "../applications/models/attachment.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";

export const loader = fileLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  const file = found(getAttachmentForDownload({ attachmentId: params.attachmentId ?? "", user }));
  return fileResponse({ bytes: file.bytes, name: file.name, type: file.mimeType });
}, profileLocale);

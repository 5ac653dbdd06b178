// Download of a supporting document: only for those allowed (owner; the entity it was sent to;
// the secretariat), always as an attachment with the type read from its bytes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../auth/permissions.server";
import { contentDisposition, getAttachmentForDownload } from "../models/attachment.server";

export const handle = { title: "applications.attachments_title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = params.attachmentId ? getAttachmentForDownload({ attachmentId: params.attachmentId, user }) : null;
  if (!file) notFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": contentDisposition(file.name),
      "Content-Length": String(file.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

export { RouteErrorBoundary as ErrorBoundary } from "../components/error-boundary";

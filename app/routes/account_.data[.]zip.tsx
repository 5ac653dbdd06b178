// "Download my data": everything the system holds about the signed-in person, as one ZIP.
// A GET that only reads; it writes nothing, not even an audit row.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { found, requireUser } from "../accounts/server/permissions.server";
import { personalDataArchive } from "../accounts/server/personal-data.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";

export const loader = fileLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  const bytes = found(personalDataArchive({ userId: user.id }));
  const day = new Date().toISOString().slice(0, 10);
  return fileResponse({ bytes, name: `my-data-${day}.zip`, type: "application/zip" });
}, profileLocale);

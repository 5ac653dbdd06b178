// The filtered screening list as CSV (UTF-8 with BOM, RFC 4180, formula injection defused).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { screeningExport } from "../nominations/server/screening-export.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";

export const loader = fileLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireSecretariat(request);
  const { bytes, name } = await screeningExport(request, user.locale, "csv");
  return fileResponse({ bytes, name, type: "text/csv; charset=utf-8" });
}, profileLocale);

// The filtered screening list as an Excel workbook (one sheet, inline strings).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { screeningExport } from "../nominations/server/screening-export.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";

export const loader = fileLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireSecretariat(request);
  const { bytes, name } = await screeningExport(request, user.locale, "xlsx");
  return fileResponse({
    bytes,
    name,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}, profileLocale);

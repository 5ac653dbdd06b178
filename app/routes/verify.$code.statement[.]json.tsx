// The exact bytes a diploma's signature is over (canonical JSON), for checking it offline.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { found } from "../accounts/server/permissions.server";
import { getSessionUser, profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";
import { verificationOf } from "../results/models/diploma-codes.server";

export const loader = fileLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await getSessionUser(request);
  const v = found(verificationOf({ code: params.code ?? "" }));
  return fileResponse({ bytes: v.statementText, name: "statement.json", type: "application/json; charset=utf-8" });
}, profileLocale);

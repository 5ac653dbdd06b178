// The refusals the server makes before any route answers (scripts/server.mjs: a method it does
// not serve, a post from another site), as plain text in the visitor's language: the switch's
// cookie, else Accept-Language, else English (no session is read there).
import { translate } from "../i18n";
import { catalogues, resolveLocale } from "../i18n/locale.server";

const REFUSALS = { origin: "errors.origin_refused", method: "errors.method_not_allowed" } as const;

/**
 * @example
 * await plainRefusal("origin", { cookie: "lang=fr" }); // "Refusé : …"
 */
export async function plainRefusal(
  kind: keyof typeof REFUSALS,
  { cookie, acceptLanguage }: { cookie?: string; acceptLanguage?: string },
): Promise<string> {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  if (acceptLanguage) headers.set("Accept-Language", acceptLanguage);
  const locale = await resolveLocale(new Request("http://localhost/", { headers })).catch(() => "en" as const);
  return translate(catalogues[locale], REFUSALS[kind]);
}

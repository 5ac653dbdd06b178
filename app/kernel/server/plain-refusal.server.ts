// The refusals the server makes before any route answers (scripts/server.mjs: a method it does
// not serve, a post from another site, an address that cannot be decoded), as plain text in the
// visitor's language: the switch's cookie, else Accept-Language, else English (no session is
// read there). Their texts are here, not in the catalogue: the catalogue's core travels with
// every page, these never do.
import { resolveLocale } from "../i18n/locale.server";
import type { Locale } from "../i18n";

const REFUSALS: Record<"origin" | "method" | "path", Record<Locale, string>> = {
  origin: {
    en: "Refused: this request did not come from one of this site's pages (Origin check). Go back to the page, reload it, and send the form again.",
    fr: "Refusé : cette requête ne vient pas d’une page de ce site (contrôle de l’origine). Revenez à la page, rechargez-la et renvoyez le formulaire.",
    ar: "مرفوض: لم يصدر هذا الطلب عن إحدى صفحات هذا الموقع (التحقق من المصدر). عد إلى الصفحة وأعد تحميلها ثم أرسل النموذج من جديد.",
  },
  method: {
    en: "Method not allowed: this site answers GET, HEAD and POST.",
    fr: "Méthode non autorisée : ce site répond à GET, HEAD et POST.",
    ar: "طريقة غير مسموح بها: يستجيب هذا الموقع لـ GET وHEAD وPOST.",
  },
  path: {
    en: "Bad request: this address cannot be read (a % in it is not followed by a valid code). Check the link, or start again from the home page.",
    fr: "Requête incorrecte : cette adresse est illisible (un % n’y est pas suivi d’un code valide). Vérifiez le lien, ou repartez de la page d’accueil.",
    ar: "طلب غير صحيح: تعذّرت قراءة هذا العنوان (فيه علامة % لا يليها رمز صالح). تحقّق من الرابط أو ابدأ من جديد من الصفحة الرئيسية.",
  },
};

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
  return REFUSALS[kind][locale];
}

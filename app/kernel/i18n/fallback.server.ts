// The few messages of an error page rendered when the root loader itself failed (its data, and so
// the page's messages, are missing): the layout's and the error messages', in the three languages.
// Copied from core.json, so the catalogues never travel in the browser bundle; a test keeps the
// copy equal to the catalogue and complete for what the root layout and its error page show.
import { byLanguage, type Triple } from "./triples";
import type { Locale, MessageKey, Messages } from "./index";
import type { RootData } from "../components/i18n";

const TABLE: Partial<Record<MessageKey, Triple>> = {
  "app.name": [
    "UNESCO King Hamad Bin Isa Al-Khalifa Prize for the Use of ICT in Education",
    "Prix UNESCO Roi Hamad Bin Isa Al-Khalifa pour l’utilisation des TIC dans l’éducation",
    "جائزة اليونسكو/الملك حمد بن عيسى آل خليفة لاستخدام تكنولوجيا المعلومات والاتصالات في مجال التعليم",
  ],
  "app.short_name": [
    "UNESCO ICT in Education Prize",
    "Prix UNESCO TIC dans l’éducation",
    "جائزة اليونسكو لاستخدام تكنولوجيا المعلومات والاتصالات في التعليم",
  ],
  "title.error_prefix": ["Error: ", "Erreur : ", "خطأ: "],
  "nav.skip": ["Skip to main content", "Aller au contenu principal", "الانتقال إلى المحتوى الرئيسي"],
  "nav.main": ["Main menu", "Menu principal", "القائمة الرئيسية"],
  "nav.home": ["Home", "Accueil", "الصفحة الرئيسية"],
  "nav.language": ["Language", "Langue", "اللغة"],
  "nav.call": ["Call for nominations", "Appel à candidatures", "الدعوة إلى تقديم الترشيحات"],
  "nav.laureates": ["Laureates", "Lauréats", "الفائزون"],
  "nav.login": ["Sign in", "Se connecter", "تسجيل الدخول"],
  "nav.register": ["Create an account", "Créer un compte", "إنشاء حساب"],
  "nav.logout": ["Sign out", "Se déconnecter", "تسجيل الخروج"],
  "nav.account": ["Your account", "Votre compte", "حسابك"],
  "nav.dashboard": ["Your workspace", "Votre espace de travail", "مساحة عملك"],
  "nav.secretariat": ["Secretariat", "Secrétariat", "الأمانة"],
  "footer.text": [
    "Prize funded by the Kingdom of Bahrain and awarded by UNESCO. Deadlines are shown in Paris time.",
    "Prix financé par le Royaume de Bahreïn et décerné par l’UNESCO. Les dates limites sont indiquées à l’heure de Paris.",
    "جائزة تموّلها مملكة البحرين وتمنحها اليونسكو. تُعرض المواعيد النهائية بتوقيت باريس.",
  ],
  "footer.privacy": ["Privacy notice", "Avis de confidentialité", "إشعار الخصوصية"],
  "errors.page_not_found": ["Page not found", "Page introuvable", "الصفحة غير موجودة"],
  "errors.page_not_found_help": [
    "If you typed the address, check it is correct. If you followed a link, it may be out of date or you may not have access to this page.",
    "Si vous avez saisi l’adresse, vérifiez qu’elle est correcte. Si vous avez suivi un lien, il est peut-être périmé, ou vous n’avez peut-être pas accès à cette page.",
    "إذا كتبت العنوان بنفسك، فتحقق من صحته. وإذا اتبعت رابطاً، فقد يكون قديماً أو قد لا تكون لديك صلاحية الوصول إلى هذه الصفحة.",
  ],
  "errors.forbidden": [
    "You cannot do this",
    "Vous ne pouvez pas effectuer cette action",
    "لا يمكنك القيام بهذا الإجراء",
  ],
  "errors.forbidden_help": [
    "This request was refused. Go back and try again from the page itself.",
    "Cette demande a été refusée. Revenez en arrière et réessayez depuis la page elle-même.",
    "رُفض هذا الطلب. ارجع وأعد المحاولة من الصفحة نفسها.",
  ],
  "errors.bad_request": [
    "This request could not be read",
    "Cette demande n’a pas pu être lue",
    "تعذّرت قراءة هذا الطلب",
  ],
  "errors.bad_request_help": [
    "Nothing was changed. Go back to the page and send the form from there again.",
    "Rien n’a été modifié. Revenez à la page et renvoyez le formulaire depuis celle-ci.",
    "لم يتغير شيء. ارجع إلى الصفحة وأرسل النموذج منها مرة أخرى.",
  ],
  "errors.unexpected": [
    "Sorry, there is a problem with the service",
    "Désolé, le service rencontre un problème",
    "عذراً، توجد مشكلة في الخدمة",
  ],
  "errors.unexpected_help": [
    "Nothing you entered was changed. Try again later.",
    "Rien de ce que vous avez saisi n’a été modifié. Réessayez plus tard.",
    "لم يتغير أي شيء مما أدخلته. حاول مرة أخرى لاحقاً.",
  ],
};

/** The fallback messages in one language: only those keys, a page asking for another shows the key. */
export const FALLBACK_MESSAGES: Record<Locale, Messages> = byLanguage(TABLE as Record<MessageKey, Triple>);

const FALLBACK_DATA = Object.fromEntries(
  Object.entries(FALLBACK_MESSAGES).map(([locale, messages]) => [
    locale,
    { locale: locale as Locale, messages, user: null, formSeed: "" },
  ]),
) as Record<Locale, RootData>;

/**
 * What the pages read when the root loader itself failed: its error page, in the given language,
 * with the few messages it shows, never their keys (server only: entry.server.tsx).
 */
export function fallbackRootData(locale: Locale): RootData {
  return FALLBACK_DATA[locale];
}

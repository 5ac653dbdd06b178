// Messages of the editions area for the secretariat's home (what waits for the secretariat now);
// merged into the area in editions.ts.
// Each key holds its English, French and Arabic texts side by side (see ../triples.ts).
import type { Triples } from "../triples";

export const editionsHomeTriples = {
  "editions.home.attention_title": [
    "What needs your attention",
    "Ce qui demande votre attention",
    "ما يحتاج إلى اهتمامك",
  ],
  "editions.home.nothing": ["Nothing is waiting for you.", "Rien ne vous attend.", "لا شيء بانتظارك."],
  "editions.home.edition_nothing": [
    "Nothing is waiting for you in this edition.",
    "Rien ne vous attend dans cette édition.",
    "لا شيء بانتظارك في هذه الدورة.",
  ],
  "editions.home.none_active": [
    "No edition is in progress. Create the next one when you are ready.",
    "Aucune édition n’est en cours. Créez la suivante quand vous le souhaitez.",
    "لا توجد دورة جارية. أنشئ الدورة التالية عندما تكون مستعدًا.",
  ],
  "editions.home.all_editions": ["All editions", "Toutes les éditions", "جميع الدورات"],
  "editions.home.more_active": [
    "[count] one: 1 more edition is in progress: see all editions | other: {count} more editions are in progress: see all editions",
    "[count] one: 1 autre édition est en cours : voir toutes les éditions | other: {count} autres éditions sont en cours : voir toutes les éditions",
    "[count] zero: لا توجد دورات أخرى جارية | one: دورة أخرى جارية: اطّلع على جميع الدورات | two: دورتان أخريان جاريتان: اطّلع على جميع الدورات | few: {count} دورات أخرى جارية: اطّلع على جميع الدورات | many: {count} دورة أخرى جارية: اطّلع على جميع الدورات | other: {count} دورة أخرى جارية: اطّلع على جميع الدورات",
  ],
  "editions.home.next_date": [
    "Next date — {what}: {date} (Paris time)",
    "Prochaine échéance — {what} : {date} (heure de Paris)",
    "الموعد القادم — {what}: {date} (بتوقيت باريس)",
  ],
  "editions.home.past_date": [
    "{what}: {date} (Paris time), now passed",
    "{what} : {date} (heure de Paris), date dépassée",
    "{what}: {date} (بتوقيت باريس)، وقد انقضى",
  ],
  "editions.home.date_call_opens": ["Call opens", "Ouverture de l’appel", "فتح باب الترشيح"],
  "editions.home.date_call_closes": ["Nomination deadline", "Date limite des candidatures", "الموعد النهائي للترشيحات"],
  "editions.home.date_scoring_opens": ["Scoring opens", "Ouverture de la notation", "بدء التقييم"],
  "editions.home.date_scoring_closes": ["Scoring closes", "Clôture de la notation", "انتهاء التقييم"],
  "editions.home.date_announcement": ["Announcement", "Annonce", "الإعلان"],
  "editions.home.screening_count": [
    "one: 1 application waits for screening | other: {count} applications wait for screening",
    "one: {count} candidature attend l’examen de recevabilité | other: {count} candidatures attendent l’examen de recevabilité",
    "zero: لا توجد طلبات بانتظار التحقق من الأهلية | one: طلب واحد بانتظار التحقق من الأهلية | two: طلبان بانتظار التحقق من الأهلية | few: {count} طلبات بانتظار التحقق من الأهلية | many: {count} طلبًا بانتظار التحقق من الأهلية | other: {count} طلب بانتظار التحقق من الأهلية",
  ],
  "editions.home.conflicts_count": [
    "one: 1 proposed conflict of interest to confirm or dismiss | other: {count} proposed conflicts of interest to confirm or dismiss",
    "one: {count} conflit d’intérêts proposé à confirmer ou à écarter | other: {count} conflits d’intérêts proposés à confirmer ou à écarter",
    "zero: لا توجد حالات تضارب مصالح مقترحة | one: حالة تضارب مصالح مقترحة واحدة للتأكيد أو الرفض | two: حالتا تضارب مصالح مقترحتان للتأكيد أو الرفض | few: {count} حالات تضارب مصالح مقترحة للتأكيد أو الرفض | many: {count} حالة تضارب مصالح مقترحة للتأكيد أو الرفض | other: {count} حالة تضارب مصالح مقترحة للتأكيد أو الرفض",
  ],
  "editions.home.late_count": [
    "one: 1 juror is late with their reviews | other: {count} jurors are late with their reviews",
    "one: {count} membre du jury est en retard dans ses évaluations | other: {count} membres du jury sont en retard dans leurs évaluations",
    "zero: لا يوجد أعضاء متأخرون في تقييماتهم | one: عضو واحد في لجنة التحكيم متأخر في تقييماته | two: عضوان في لجنة التحكيم متأخران في تقييماتهما | few: {count} أعضاء في لجنة التحكيم متأخرون في تقييماتهم | many: {count} عضوًا في لجنة التحكيم متأخرون في تقييماتهم | other: {count} عضو في لجنة التحكيم متأخرون في تقييماتهم",
  ],
  "editions.home.mail_failing": [
    "one: 1 e-mail could not be sent yet. It is retried automatically; if this lasts, check the mail server settings. | other: {count} e-mails could not be sent yet. They are retried automatically; if this lasts, check the mail server settings.",
    "one: {count} e-mail n’a pas encore pu être envoyé. Il est renvoyé automatiquement ; si cela dure, vérifiez les réglages du serveur de messagerie. | other: {count} e-mails n’ont pas encore pu être envoyés. Ils sont renvoyés automatiquement ; si cela dure, vérifiez les réglages du serveur de messagerie.",
    "zero: لا توجد رسائل بريد إلكتروني متعثرة. | one: تعذّر حتى الآن إرسال رسالة بريد إلكتروني واحدة. تُعاد المحاولة تلقائيًا؛ وإذا استمر ذلك فتحقق من إعدادات خادم البريد. | two: تعذّر حتى الآن إرسال رسالتَي بريد إلكتروني. تُعاد المحاولة تلقائيًا؛ وإذا استمر ذلك فتحقق من إعدادات خادم البريد. | few: تعذّر حتى الآن إرسال {count} رسائل بريد إلكتروني. تُعاد المحاولة تلقائيًا؛ وإذا استمر ذلك فتحقق من إعدادات خادم البريد. | many: تعذّر حتى الآن إرسال {count} رسالة بريد إلكتروني. تُعاد المحاولة تلقائيًا؛ وإذا استمر ذلك فتحقق من إعدادات خادم البريد. | other: تعذّر حتى الآن إرسال {count} رسالة بريد إلكتروني. تُعاد المحاولة تلقائيًا؛ وإذا استمر ذلك فتحقق من إعدادات خادم البريد.",
  ],
  "editions.home.next_step": ["Next step:", "Prochaine étape :", "الخطوة التالية:"],
  "editions.home.step_open_call": ["Open the call", "Ouvrir l’appel", "فتح باب الترشيح"],
  "editions.home.step_start_screening": [
    "Close the call and start screening",
    "Clore l’appel et commencer l’examen de recevabilité",
    "إغلاق باب الترشيح وبدء التحقق من الأهلية",
  ],
  "editions.home.step_prepare_assignment": ["Prepare the assignment", "Préparer l’attribution", "إعداد توزيع الطلبات"],
  "editions.home.step_publish_assignment": ["Publish the assignment", "Publier l’attribution", "نشر توزيع الطلبات"],
  "editions.home.step_open_scoring": ["Open scoring", "Ouvrir la notation", "بدء التقييم"],
  "editions.home.step_follow_scoring": [
    "Follow the scoring progress",
    "Suivre l’avancement de la notation",
    "متابعة سير التقييم",
  ],
  "editions.home.step_open_deliberation": ["Open deliberation", "Ouvrir la délibération", "فتح المداولة"],
  "editions.home.step_follow_deliberation": ["Follow the deliberation", "Suivre la délibération", "متابعة المداولة"],
  "editions.home.step_record_decision": ["Record the decision", "Enregistrer la décision", "تسجيل القرار"],
  "editions.home.step_see_decision": [
    "See the decision and the announcement",
    "Voir la décision et l’annonce",
    "الاطلاع على القرار والإعلان",
  ],
} as const satisfies Triples;

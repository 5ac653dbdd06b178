// Messages of the jury area: jurors' pages, errors and e-mails here, the secretariat's pages in
// jury-secretariat.ts (one file would be too long to review).
// Each key holds its English, French and Arabic texts side by side (see ../triples.ts).
import { byLanguage, type Triples } from "../triples";
import { jurySecretariatTriples } from "./jury-secretariat";

const forJurors = {
  "jury.application": ["Application", "Candidature", "الترشيح"],
  "jury.reference": ["Application reference number", "Numéro de référence de la candidature", "الرقم المرجعي للترشيح"],
  "jury.reference_hint": [
    "As written on the application, for example KH-2026-0042",
    "Tel qu’il figure sur la candidature, par exemple KH-2026-0042",
    "كما يظهر في الترشيح، مثلاً KH-2026-0042",
  ],
  "jury.organisation": ["Organisation", "Organisation", "المنظمة"],
  "jury.juror": ["Juror", "Membre du jury", "عضو لجنة التحكيم"],
  "jury.status": ["Status", "État", "الحالة"],
  "jury.deadline": [
    "Scoring closes on {date} (Paris time).",
    "La notation se termine le {date} (heure de Paris).",
    "ينتهي التقييم في {date} (بتوقيت باريس).",
  ],
  "jury.state.assigned": ["Not started", "Pas commencée", "لم يبدأ"],
  "jury.state.draft": ["Draft", "Brouillon", "مسودة"],
  "jury.state.submitted": ["Submitted", "Envoyée", "مُرسل"],
  "jury.state.recused": ["Recused", "Déport", "تنحٍّ"],
  "jury.confidence.1": ["1 — very low", "1 — très faible", "1 — منخفضة جدًا"],
  "jury.confidence.2": ["2 — low", "2 — faible", "2 — منخفضة"],
  "jury.confidence.3": ["3 — medium", "3 — moyenne", "3 — متوسطة"],
  "jury.confidence.4": ["4 — high", "4 — élevée", "4 — عالية"],
  "jury.confidence.5": ["5 — very high", "5 — très élevée", "5 — عالية جدًا"],
  "jury.source.declared": ["Declared by the juror", "Déclaré par le membre du jury", "أعلنه عضو اللجنة"],
  "jury.source.same_country": ["Same country", "Même pays", "البلد نفسه"],
  "jury.source.same_organisation": [
    "Same organisation (e-mail domain)",
    "Même organisation (domaine de courriel)",
    "المنظمة نفسها (نطاق البريد الإلكتروني)",
  ],
  "jury.source.manual": ["Set by the secretariat", "Saisi par le secrétariat", "سجّلته الأمانة"],
  "jury.conflict_status.proposed": ["Proposed", "Proposé", "مقترح"],
  "jury.conflict_status.confirmed": ["Confirmed", "Confirmé", "مؤكد"],
  "jury.conflict_status.dismissed": ["Dismissed", "Écarté", "مستبعد"],
  "jury.nav.label": ["Jury of the {year} edition", "Jury de l’édition {year}", "لجنة تحكيم دورة {year}"],
  "jury.nav.jury": ["Jury", "Jury", "لجنة التحكيم"],
  "jury.nav.conflicts": ["Conflicts of interest", "Conflits d’intérêts", "تضارب المصالح"],
  "jury.nav.assignment": ["Assignment", "Répartition", "توزيع الترشيحات"],
  "jury.nav.progress": ["Scoring progress", "Avancement de la notation", "تقدّم التقييم"],

  "jury.dashboard.title": ["Your jury work", "Votre travail de juré", "عملك في لجنة التحكيم"],
  "jury.dashboard.edition": ["{year} edition", "Édition {year}", "دورة {year}"],
  "jury.dashboard.declared": [
    "You have declared your conflicts of interest.",
    "Vous avez déclaré vos conflits d’intérêts.",
    "لقد أعلنت عن حالات تضارب المصالح لديك.",
  ],
  "jury.dashboard.declare_first": [
    "Before assignment, tell us about any conflict of interest.",
    "Avant la répartition, signalez-nous tout conflit d’intérêts.",
    "قبل التوزيع، أخبرنا بأي تضارب في المصالح.",
  ],
  "jury.dashboard.declare_link": ["Your conflicts of interest", "Vos conflits d’intérêts", "حالات تضارب المصالح لديك"],
  "jury.dashboard.progress": [
    "[total] one: {done} of 1 review submitted | other: {done} of {total} reviews submitted",
    "[done] one: {done} évaluation envoyée sur {total} | other: {done} évaluations envoyées sur {total}",
    "[total] zero: لا توجد تقييمات | one: أُرسل {done} من تقييم واحد | two: أُرسل {done} من تقييمين | few: أُرسل {done} من أصل {total} تقييمات | many: أُرسل {done} من أصل {total} تقييمًا | other: أُرسل {done} من أصل {total} تقييم",
  ],
  "jury.dashboard.recused": [
    "You have withdrawn from this application. The secretariat will give it to another juror.",
    "Vous vous êtes déporté de cette candidature. Le secrétariat la confiera à un autre membre du jury.",
    "لقد تنحّيت عن هذا الترشيح. ستُسنده الأمانة إلى عضو آخر في اللجنة.",
  ],

  "jury.conflicts.title": ["Your conflicts of interest", "Vos conflits d’intérêts", "حالات تضارب المصالح لديك"],
  "jury.conflicts.intro": [
    "These are the eligible applications of the {year} edition. Declare any application you have a link with (employer, partner, funder, family, friend, recent collaboration). You will never be assigned an application you are in conflict with.",
    "Voici les candidatures éligibles de l’édition {year}. Déclarez toute candidature avec laquelle vous avez un lien (employeur, partenaire, financeur, famille, ami, collaboration récente). Aucune candidature en conflit ne vous sera jamais confiée.",
    "هذه هي الترشيحات المؤهلة لدورة {year}. أعلن عن أي ترشيح تربطك به صلة (جهة عمل، شريك، جهة تمويل، قرابة، صداقة، تعاون حديث). لن يُسند إليك أبدًا ترشيح يتضارب مع مصالحك.",
  ],
  "jury.conflicts.empty": [
    "No application has been found eligible yet. Come back when screening is over.",
    "Aucune candidature n’a encore été déclarée éligible. Revenez après la vérification de l’éligibilité.",
    "لم يُعلن عن أهلية أي ترشيح بعد. عُد بعد انتهاء التحقق من الأهلية.",
  ],
  "jury.conflicts.your_declaration": ["Your declaration", "Votre déclaration", "إعلانك"],
  "jury.conflicts.none": ["No conflict declared", "Aucun conflit déclaré", "لا تضارب معلن"],
  "jury.conflicts.conflict": ["Conflict", "Conflit", "تضارب"],
  "jury.conflicts.declare_title": ["Declare a conflict", "Déclarer un conflit", "الإعلان عن تضارب"],
  "jury.conflicts.reason": ["Reason", "Motif", "السبب"],
  "jury.conflicts.reason_hint": [
    "Only the secretariat reads it.",
    "Seul le secrétariat le lit.",
    "لا يطّلع عليه إلا الأمانة.",
  ],
  "jury.conflicts.declare": ["Declare the conflict", "Déclarer le conflit", "الإعلان عن التضارب"],
  "jury.conflicts.declared_notice": [
    "Your conflict has been recorded.",
    "Votre conflit a été enregistré.",
    "سُجّل التضارب الذي أعلنته.",
  ],
  "jury.conflicts.confirm_title": ["Confirm your declaration", "Confirmer votre déclaration", "تأكيد إعلانك"],
  "jury.conflicts.confirm_label": [
    "I have no conflict of interest with the other applications listed",
    "Je n’ai aucun conflit d’intérêts avec les autres candidatures de la liste",
    "ليس لدي أي تضارب في المصالح مع الترشيحات الأخرى المدرجة",
  ],
  "jury.conflicts.confirm": ["Confirm", "Confirmer", "تأكيد"],
  "jury.conflicts.confirmed_notice": [
    "Thank you. Your declaration has been recorded.",
    "Merci. Votre déclaration a été enregistrée.",
    "شكرًا لك. سُجّل إعلانك.",
  ],
  "jury.conflicts.confirmed_on": [
    "You have confirmed your declaration. You can still declare a conflict you discover.",
    "Vous avez confirmé votre déclaration. Vous pouvez encore déclarer un conflit découvert plus tard.",
    "لقد أكّدت إعلانك. لا يزال بإمكانك الإعلان عن تضارب تكتشفه لاحقًا.",
  ],
  "jury.conflicts.withdraw_link": ["Withdraw", "Retirer", "سحب"],
  "jury.conflicts.withdraw_title": [
    "Withdraw this declared conflict?",
    "Retirer ce conflit déclaré ?",
    "هل تريد سحب هذا التضارب المُعلَن؟",
  ],
  "jury.conflicts.withdraw_intro": [
    "Withdraw it only if you declared it by mistake or the link has ended. The secretariat still sees in the audit log that you declared it and withdrew it. After assignments are published, declared conflicts can no longer be withdrawn.",
    "Ne le retirez que si vous l’avez déclaré par erreur ou si le lien a pris fin. Le secrétariat voit toujours dans le journal d’audit que vous l’avez déclaré puis retiré. Une fois les attributions publiées, les conflits déclarés ne peuvent plus être retirés.",
    "لا تسحبه إلا إذا أعلنته خطأً أو انتهت الصلة. تبقى الأمانة قادرة على أن ترى في سجل التدقيق أنك أعلنته ثم سحبته. بعد نشر الإسنادات لا يمكن سحب حالات التضارب المُعلَنة.",
  ],
  "jury.conflicts.withdraw_confirm": [
    "I confirm I have no conflict of interest with this application",
    "Je confirme n’avoir aucun conflit d’intérêts avec cette candidature",
    "أؤكد أنه لا يوجد لديّ أي تضارب مصالح مع هذا الترشيح",
  ],
  "jury.conflicts.withdraw": ["Withdraw the conflict", "Retirer le conflit", "سحب التضارب"],
  "jury.conflicts.keep": ["Keep it", "Le conserver", "الإبقاء عليه"],
  "jury.conflicts.withdrawn_notice": [
    "Your declared conflict has been withdrawn.",
    "Votre conflit déclaré a été retiré.",
    "سُحب التضارب الذي أعلنته.",
  ],

  "jury.review.title": ["Review", "Évaluation", "التقييم"],
  "jury.review.reading_title": ["The application as nominated", "La candidature telle que désignée", "الترشيح كما قُدّم"],
  "jury.review.scoring_title": ["Your scores", "Vos notes", "درجاتك"],
  "jury.review.scale_hint": [
    "Score each criterion from {min} to {max}. Your draft is kept until you submit; other jurors never see it.",
    "Notez chaque critère de {min} à {max}. Votre brouillon est conservé jusqu’à l’envoi ; les autres membres du jury ne le voient jamais.",
    "قيّم كل معيار من {min} إلى {max}. تُحفظ مسودتك إلى حين إرسالها، ولا يراها أعضاء اللجنة الآخرون أبدًا.",
  ],
  "jury.review.comment_label": [
    "Comment on this criterion (optional)",
    "Commentaire sur ce critère (facultatif)",
    "تعليق على هذا المعيار (اختياري)",
  ],
  "jury.review.confidence": [
    "How confident are you in your assessment?",
    "Quelle confiance avez-vous dans votre évaluation ?",
    "ما مدى ثقتك في تقييمك؟",
  ],
  "jury.review.overall": [
    "Overall comment for the jury",
    "Commentaire général pour le jury",
    "تعليق عام للجنة التحكيم",
  ],
  "jury.review.overall_hint": [
    "Shared with the other jurors once they have submitted their own review.",
    "Partagé avec les autres membres du jury une fois qu’ils ont envoyé leur propre évaluation.",
    "يُعرض على أعضاء اللجنة الآخرين بعد أن يرسلوا تقييماتهم.",
  ],
  "jury.review.save_draft": ["Save draft", "Enregistrer le brouillon", "حفظ المسودة"],
  "jury.review.submit": ["Submit the review", "Envoyer l’évaluation", "إرسال التقييم"],
  "jury.review.saved_notice": ["Your draft has been saved.", "Votre brouillon a été enregistré.", "حُفظت مسودتك."],
  "jury.review.submitted_notice": [
    "Your review has been submitted. You can reopen it until scoring closes.",
    "Votre évaluation a été envoyée. Vous pouvez la rouvrir jusqu’à la fin de la notation.",
    "أُرسل تقييمك. يمكنك إعادة فتحه إلى حين انتهاء التقييم.",
  ],
  "jury.review.reopened_notice": [
    "Your review is a draft again. Submit it again when you are done.",
    "Votre évaluation est de nouveau un brouillon. Envoyez-la de nouveau quand vous aurez terminé.",
    "أصبح تقييمك مسودة من جديد. أرسله مرة أخرى عند الانتهاء.",
  ],
  "jury.review.autosaved": [
    "Draft saved automatically at {time}.",
    "Brouillon enregistré automatiquement à {time}.",
    "حُفظت المسودة تلقائيًا في {time}.",
  ],
  "jury.review.closed": [
    "Scoring is closed: nothing can be changed.",
    "La notation est close : plus rien ne peut être modifié.",
    "انتهى التقييم: لا يمكن تغيير أي شيء.",
  ],
  "jury.review.reopen": ["Reopen my review", "Rouvrir mon évaluation", "إعادة فتح تقييمي"],
  "jury.review.recuse_title": [
    "I have a conflict of interest with this application",
    "J’ai un conflit d’intérêts avec cette candidature",
    "لدي تضارب في المصالح مع هذا الترشيح",
  ],
  "jury.review.recuse_text": [
    "If you discover a conflict now, withdraw: your review will not count and the secretariat will give the application to another juror.",
    "Si vous découvrez un conflit maintenant, déportez-vous : votre évaluation ne comptera pas et le secrétariat confiera la candidature à un autre membre du jury.",
    "إذا اكتشفت تضاربًا الآن، فتنحَّ: لن يُحتسب تقييمك وستُسند الأمانة الترشيح إلى عضو آخر.",
  ],
  "jury.review.recuse_reason": ["Nature of the conflict", "Nature du conflit", "طبيعة التضارب"],
  "jury.review.recuse_confirm": [
    "I confirm that I withdraw from this application",
    "Je confirme me déporter de cette candidature",
    "أؤكد تنحّيَّ عن هذا الترشيح",
  ],
  "jury.review.recuse": ["Withdraw from this application", "Me déporter de cette candidature", "التنحّي عن هذا الترشيح"],
  "jury.reading.empty_section": ["Not answered.", "Sans réponse.", "لا إجابة."],
  "jury.reading.files": [
    "Attachments and nomination letter",
    "Pièces jointes et lettre de désignation",
    "المرفقات وخطاب الترشيح",
  ],
  "jury.reading.no_files": ["No attachment.", "Aucune pièce jointe.", "لا توجد مرفقات."],
  "jury.reading.letter": ["Nomination letter", "Lettre de désignation", "خطاب الترشيح"],
  "jury.reading.size_kb": ["{size} kB", "{size} ko", "{size} كيلوبايت"],
  "jury.colleagues.title": ["Other jurors' scores", "Notes des autres membres du jury", "درجات أعضاء اللجنة الآخرين"],
  "jury.colleagues.hidden": [
    "Other jurors' scores are shown once you have submitted your own review.",
    "Les notes des autres membres du jury s’affichent une fois votre propre évaluation envoyée.",
    "تظهر درجات أعضاء اللجنة الآخرين بعد أن ترسل تقييمك.",
  ],
  "jury.colleagues.none": [
    "No other juror has submitted a review of this application yet.",
    "Aucun autre membre du jury n’a encore envoyé d’évaluation de cette candidature.",
    "لم يرسل أي عضو آخر تقييمًا لهذا الترشيح بعد.",
  ],
  "jury.colleagues.juror": ["Juror", "Membre du jury", "عضو اللجنة"],
} as const satisfies Triples;

const errorsAndMail = {
  "errors.jury_application_unknown": [
    "This application is not one of the edition's eligible applications",
    "Cette candidature ne fait pas partie des candidatures éligibles de l’édition",
    "هذا الترشيح ليس من الترشيحات المؤهلة لهذه الدورة",
  ],
  "errors.jury_conflict_unknown": [
    "You have not declared a conflict with this application",
    "Vous n’avez pas déclaré de conflit avec cette candidature",
    "لم تُعلن عن تضارب مع هذا الترشيح",
  ],
  "errors.jury_conflict_locked": [
    "Assignments are published: a declared conflict can no longer be withdrawn. Write to the secretariat if it was a mistake",
    "Les attributions sont publiées : un conflit déclaré ne peut plus être retiré. Écrivez au secrétariat s’il s’agit d’une erreur",
    "نُشرت الإسنادات: لم يعد بالإمكان سحب تضارب مُعلَن. راسل الأمانة إذا كان ذلك خطأً",
  ],
  "errors.jury_juror_unknown": [
    "This juror is not a member of this edition's jury",
    "Cette personne n’est pas membre du jury de cette édition",
    "هذا الشخص ليس عضوًا في لجنة تحكيم هذه الدورة",
  ],
  "errors.jury_juror_mismatch": [
    "This review belongs to you only: the form was changed. Reload the page",
    "Cette évaluation n’appartient qu’à vous : le formulaire a été modifié. Rechargez la page",
    "هذا التقييم يخصك وحدك: عُدّل النموذج. أعد تحميل الصفحة",
  ],
  "errors.jury_edition_unknown": ["This edition does not exist", "Cette édition n’existe pas", "هذه الدورة غير موجودة"],
  "errors.jury_conflict_exists": [
    "This conflict is already recorded",
    "Ce conflit est déjà enregistré",
    "هذا التضارب مسجّل بالفعل",
  ],
  "errors.jury_confirm_required": [
    "Tick the box to confirm",
    "Cochez la case pour confirmer",
    "ضع علامة في المربع للتأكيد",
  ],
  "errors.jury_number_invalid": ["Enter a whole number", "Saisissez un nombre entier", "أدخل عددًا صحيحًا"],
  "errors.jury_number_range": [
    "This number is outside the allowed range",
    "Ce nombre est en dehors des valeurs autorisées",
    "هذا العدد خارج النطاق المسموح به",
  ],
  "errors.jury_min_above_max": [
    "The minimum cannot be above the maximum",
    "Le minimum ne peut pas dépasser le maximum",
    "لا يمكن أن يتجاوز الحد الأدنى الحد الأقصى",
  ],
  "errors.jury_assignment_infeasible": [
    "No assignment is possible with these settings: see the explanation",
    "Aucune répartition n’est possible avec ces réglages : voir l’explication",
    "لا يمكن أي توزيع بهذه الإعدادات: انظر الشرح",
  ],
  "errors.jury_assignment_unknown": [
    "This assignment does not exist",
    "Cette attribution n’existe pas",
    "هذا الإسناد غير موجود",
  ],
  "errors.jury_assignment_none": [
    "This juror has no assignment for this application",
    "Ce membre du jury n’a pas cette candidature",
    "ليس لهذا العضو إسناد لهذا الترشيح",
  ],
  "errors.jury_reference_unknown": [
    "No eligible application of this edition has the reference {reference}: check the number",
    "Aucune candidature éligible de cette édition n’a la référence {reference} : vérifiez le numéro",
    "لا يوجد ترشيح مؤهل في هذه الدورة بالرقم المرجعي {reference}: تحقق من الرقم",
  ],
  "errors.jury_assignment_submitted": [
    "This review has been submitted and cannot be removed",
    "Cette évaluation a été envoyée et ne peut pas être retirée",
    "أُرسل هذا التقييم ولا يمكن إزالته",
  ],
  "errors.jury_pair_conflict": [
    "This juror is in conflict with this application",
    "Ce membre du jury est en conflit avec cette candidature",
    "هذا العضو في حالة تضارب مع هذا الترشيح",
  ],
  "errors.jury_pair_language": [
    "This juror does not read the application's language",
    "Ce membre du jury ne lit pas la langue de la candidature",
    "هذا العضو لا يقرأ لغة الترشيح",
  ],
  "errors.jury_pair_exists": [
    "This juror already has this application",
    "Ce membre du jury a déjà cette candidature",
    "هذا الترشيح مُسند بالفعل إلى هذا العضو",
  ],
  "errors.jury_pair_load": [
    "This juror already has the maximum of {max} applications",
    "Ce membre du jury a déjà le maximum de {max} candidatures",
    "لدى هذا العضو بالفعل الحد الأقصى البالغ {max} ترشيحات",
  ],
  "errors.jury_nothing_to_publish": [
    "There is nothing new to publish",
    "Il n’y a rien de nouveau à publier",
    "لا يوجد جديد للنشر",
  ],
  "errors.jury_nothing_pending": [
    "This juror has no review left to do",
    "Ce membre du jury n’a plus d’évaluation à faire",
    "لم يبقَ لدى هذا العضو أي تقييم",
  ],
  "errors.jury_reopen_phase": [
    "Scoring can only be extended while the edition is in its scoring phase",
    "La notation ne peut être prolongée que pendant la phase de notation de l’édition",
    "لا يمكن تمديد التقييم إلا خلال مرحلة التقييم في الدورة",
  ],
  "errors.jury_reopen_too_late": [
    "Scoring cannot close after the announcement date",
    "La notation ne peut pas se terminer après la date d’annonce",
    "لا يمكن أن ينتهي التقييم بعد تاريخ الإعلان",
  ],
  "errors.jury_score_out_of_scale": [
    "Choose one of the scores of the scale",
    "Choisissez une des notes de l’échelle",
    "اختر إحدى درجات المقياس",
  ],
  "errors.jury_score_missing": ["Score this criterion", "Notez ce critère", "قيّم هذا المعيار"],
  "errors.jury_confidence_missing": [
    "Choose your confidence level",
    "Choisissez votre niveau de confiance",
    "اختر مستوى ثقتك",
  ],
  "errors.jury_confidence_invalid": [
    "Choose a confidence level from 1 to 5",
    "Choisissez un niveau de confiance de 1 à 5",
    "اختر مستوى ثقة من 1 إلى 5",
  ],
  "errors.jury_criterion_unknown": [
    "The form names a criterion that does not exist: nothing was saved. Reload the page",
    "Le formulaire mentionne un critère qui n’existe pas : rien n’a été enregistré. Rechargez la page",
    "يذكر النموذج معيارًا غير موجود: لم يُحفظ شيء. أعد تحميل الصفحة",
  ],
  "errors.jury_scoring_closed": [
    "Scoring is closed: nothing was saved",
    "La notation est close : rien n’a été enregistré",
    "انتهى التقييم: لم يُحفظ شيء",
  ],
  "errors.jury_review_already_submitted": [
    "This review has been submitted. Reopen it to change it",
    "Cette évaluation a été envoyée. Rouvrez-la pour la modifier",
    "أُرسل هذا التقييم. أعد فتحه لتغييره",
  ],
  "errors.jury_review_not_submitted": [
    "This review is not submitted",
    "Cette évaluation n’est pas envoyée",
    "هذا التقييم غير مُرسل",
  ],
  "errors.jury_version_conflict": [
    "This review was saved meanwhile, in another tab or device: nothing was saved. What you typed is kept below; check it and save again to replace the other version",
    "Cette évaluation a été enregistrée entre-temps, dans un autre onglet ou sur un autre appareil : rien n’a été enregistré. Votre saisie est conservée ci-dessous ; vérifiez-la et enregistrez de nouveau pour remplacer l’autre version",
    "حُفظ هذا التقييم في هذه الأثناء من علامة تبويب أو جهاز آخر: لم يُحفظ شيء. ما كتبته محفوظ أدناه؛ راجعه واحفظه مجددًا ليحل محل النسخة الأخرى",
  ],
  "errors.jury_conflict_submitted_confirm": [
    "This conflict concerns a submitted review: tick the box to confirm that it will no longer count. Nothing was changed",
    "Ce conflit concerne une évaluation envoyée : cochez la case pour confirmer qu’elle ne comptera plus. Rien n’a été modifié",
    "يخص هذا التضارب تقييمًا مُرسلًا: ضع علامة في المربع لتأكيد أنه لن يُحتسب بعد الآن. لم يتغير شيء",
  ],
  "errors.jury_conflict_decided": [
    "This conflict has already been confirmed or dismissed: nothing was changed",
    "Ce conflit a déjà été confirmé ou écarté : rien n’a été modifié",
    "سبق تأكيد هذا التضارب أو استبعاده: لم يتغير شيء",
  ],
  "errors.jury_assignment_conflicts_first": [
    "Decide the proposed conflicts first: nothing was computed",
    "Tranchez d’abord les conflits proposés : rien n’a été calculé",
    "بتّ أولًا في حالات التضارب المقترحة: لم يُحسب شيء",
  ],

  "mail.jury_assignment.subject": [
    "Applications to score for the UNESCO ICT in Education Prize",
    "Candidatures à noter pour le Prix UNESCO pour l’utilisation des TIC dans l’éducation",
    "ترشيحات للتقييم لجائزة اليونسكو لاستخدام تكنولوجيا المعلومات والاتصالات في التعليم",
  ],
  "mail.jury_assignment.body": [
    "one: Hello {name},\n\n1 application has been assigned to you. Scoring closes on {deadline} (Paris time).\n\nYour applications: {link} | other: Hello {name},\n\n{count} applications have been assigned to you. Scoring closes on {deadline} (Paris time).\n\nYour applications: {link}",
    "one: Bonjour {name},\n\n{count} candidature vous a été attribuée. La notation se termine le {deadline} (heure de Paris).\n\nVos candidatures : {link} | other: Bonjour {name},\n\n{count} candidatures vous ont été attribuées. La notation se termine le {deadline} (heure de Paris).\n\nVos candidatures : {link}",
    "zero: مرحبًا {name}،\n\nلم يُسند إليك أي ترشيح. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | one: مرحبًا {name}،\n\nأُسند إليك ترشيح واحد. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | two: مرحبًا {name}،\n\nأُسند إليك ترشيحان. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | few: مرحبًا {name}،\n\nأُسندت إليك {count} ترشيحات. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | many: مرحبًا {name}،\n\nأُسند إليك {count} ترشيحًا. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | other: مرحبًا {name}،\n\nأُسند إليك {count} ترشيح. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link}",
  ],
  "mail.jury_reminder.subject": [
    "Reminder: reviews to finish",
    "Rappel : évaluations à terminer",
    "تذكير: تقييمات يجب إكمالها",
  ],
  "mail.jury_reminder.body": [
    "one: Hello {name},\n\n1 of your reviews is not submitted yet. Scoring closes on {deadline} (Paris time).\n\nYour applications: {link} | other: Hello {name},\n\n{count} of your reviews are not submitted yet. Scoring closes on {deadline} (Paris time).\n\nYour applications: {link}",
    "one: Bonjour {name},\n\n{count} de vos évaluations n’est pas encore envoyée. La notation se termine le {deadline} (heure de Paris).\n\nVos candidatures : {link} | other: Bonjour {name},\n\n{count} de vos évaluations ne sont pas encore envoyées. La notation se termine le {deadline} (heure de Paris).\n\nVos candidatures : {link}",
    "zero: مرحبًا {name}،\n\nأُرسلت كل تقييماتك. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | one: مرحبًا {name}،\n\nلم يُرسل بعد تقييم واحد من تقييماتك. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | two: مرحبًا {name}،\n\nلم يُرسل بعد تقييمان من تقييماتك. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | few: مرحبًا {name}،\n\nلم تُرسل بعد {count} من تقييماتك. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | many: مرحبًا {name}،\n\nلم يُرسل بعد {count} تقييمًا من تقييماتك. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link} | other: مرحبًا {name}،\n\nلم يُرسل بعد {count} تقييم من تقييماتك. ينتهي التقييم في {deadline} (بتوقيت باريس).\n\nترشيحاتك: {link}",
  ],
  "mail.jury_recusal.subject": [
    "A juror has withdrawn from an application",
    "Un membre du jury s’est déporté d’une candidature",
    "تنحّى عضو في لجنة التحكيم عن ترشيح",
  ],
  "mail.jury_recusal.body": [
    "Hello {name},\n\n{juror} has withdrawn from the application “{title}” ({reference}) because of a conflict of interest. Assign it to another juror:\n\n{link}",
    "Bonjour {name},\n\n{juror} s’est déporté de la candidature « {title} » ({reference}) en raison d’un conflit d’intérêts. Confiez-la à un autre membre du jury :\n\n{link}",
    "مرحبًا {name}،\n\nتنحّى {juror} عن الترشيح «{title}» ({reference}) بسبب تضارب في المصالح. أسنده إلى عضو آخر:\n\n{link}",
  ],
  "mail.jury_conflict_confirmed.subject": [
    "A conflict of interest has been recorded",
    "Un conflit d’intérêts a été enregistré",
    "سُجّل تضارب في المصالح",
  ],
  "mail.jury_conflict_confirmed.body": [
    "Hello {name},\n\nThe secretariat has recorded a conflict of interest between you and the application “{title}” ({reference}). Your review of it no longer counts and the application has been removed from your list.\n\nYour applications: {link}",
    "Bonjour {name},\n\nLe secrétariat a enregistré un conflit d’intérêts entre vous et la candidature « {title} » ({reference}). Votre évaluation ne compte plus et la candidature a été retirée de votre liste.\n\nVos candidatures : {link}",
    "مرحبًا {name}،\n\nسجّلت الأمانة تضاربًا في المصالح بينك وبين الترشيح «{title}» ({reference}). لم يعد تقييمك له يُحتسب وأُزيل الترشيح من قائمتك.\n\nترشيحاتك: {link}",
  ],
} as const satisfies Triples;

export const juryTriples = { ...forJurors, ...jurySecretariatTriples, ...errorsAndMail };

export const juryMessages = byLanguage(juryTriples);

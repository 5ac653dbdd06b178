// Messages of the observer area: an edition's process read-only, its audit log, the observer's note.
// Each key holds its English, French and Arabic texts side by side (see ../triples.ts).
import { byLanguage, type Triples } from "../triples";

export const observerTriples = {
  "observer.title": ["Observing an edition", "Observation d’une édition", "مراقبة دورة"],
  "observer.title_year": ["Observing the {year} edition", "Observation de l’édition {year}", "مراقبة دورة عام {year}"],
  "observer.lead": [
    "You follow this edition’s process as an observer: you can read how it goes, but not act on it. You may file a note, which joins the record of the decision.",
    "Vous suivez le processus de cette édition en tant qu’observateur : vous pouvez en lire le déroulement, mais non y agir. Vous pouvez déposer une note, qui rejoint l’enregistrement de la décision.",
    "تتابع سير هذه الدورة بصفتك مراقبًا: يمكنك الاطلاع على مجرياتها دون التصرف فيها. ويمكنك إيداع ملاحظة تُضمّ إلى سجل القرار.",
  ],
  "observer.audit_link": ["The edition’s audit log", "Le journal d’audit de l’édition", "سجل التدقيق الخاص بالدورة"],
  "observer.assignment_title": ["Assignment", "Répartition", "التوزيع"],
  "observer.assignment_text": [
    "Published assignments (one juror, one application): {assignments}",
    "Affectations publiées (un membre du jury, une candidature) : {assignments}",
    "التكليفات المنشورة (عضو تحكيم واحد، طلب واحد): {assignments}",
  ],
  "observer.progress_title": ["Scoring progress", "Avancement de l’évaluation", "تقدّم التقييم"],
  "observer.progress_text": [
    "Applications: {applications} — fully reviewed: {done}, with reviews to finish: {open}, not yet reviewed: {unreviewed}.",
    "Candidatures : {applications} — entièrement évaluées : {done}, avec des évaluations à terminer : {open}, pas encore évaluées : {unreviewed}.",
    "الطلبات: {applications} — قُيّمت بالكامل: {done}، فيها تقييمات لم تكتمل: {open}، لم تُقيَّم بعد: {unreviewed}.",
  ],
  "observer.scoring_open": ["Scoring is open.", "L’évaluation est ouverte.", "التقييم مفتوح."],
  "observer.scoring_closed": ["Scoring is not open.", "L’évaluation n’est pas ouverte.", "التقييم غير مفتوح."],
  "observer.no_jurors": ["No juror yet.", "Aucun membre du jury pour l’instant.", "لا يوجد أي عضو تحكيم بعد."],
  "observer.col_juror": ["Juror", "Membre du jury", "عضو التحكيم"],
  "observer.col_assigned": ["To finish", "À terminer", "لم تكتمل"],
  "observer.col_submitted": ["Submitted", "Soumises", "مُرسلة"],
  "observer.col_recused": ["Recused", "Récusées", "متنحّى عنها"],
  "observer.col_late": ["Late", "En retard", "متأخر"],
  "observer.yes": ["Yes", "Oui", "نعم"],
  "observer.no": ["No", "Non", "لا"],
  "observer.deliberation_title": ["Deliberation", "Délibération", "المداولة"],
  "observer.no_deliberation": [
    "The deliberation has not opened.",
    "La délibération n’est pas ouverte.",
    "لم تُفتح المداولة بعد.",
  ],
  "observer.ballot_open": [
    "The jury’s ballot opened on {date}.",
    "Le scrutin du jury s’est ouvert le {date}.",
    "فُتح اقتراع لجنة التحكيم في {date}.",
  ],
  "observer.ballot_closed": [
    "The jury’s ballot closed on {date}.",
    "Le scrutin du jury a été clos le {date}.",
    "أُغلق اقتراع لجنة التحكيم في {date}.",
  ],
  "observer.shortlist": ["Shortlist", "Liste restreinte", "القائمة المختصرة"],
  "observer.recommendation": [
    "The jury’s recommendation (recorded on {date})",
    "La recommandation du jury (enregistrée le {date})",
    "توصية لجنة التحكيم (سُجّلت في {date})",
  ],
  "observer.decision_title": ["Decision", "Décision", "القرار"],
  "observer.no_decision": [
    "No decision has been recorded.",
    "Aucune décision n’a été enregistrée.",
    "لم يُسجَّل أي قرار بعد.",
  ],
  "observer.decided": [
    "Decision recorded on {date}. Laureates:",
    "Décision enregistrée le {date}. Lauréats :",
    "سُجّل القرار في {date}. الفائزون:",
  ],
  "observer.snapshot_hash": [
    "Fingerprint (SHA-256) of the decision’s record:",
    "Empreinte (SHA-256) de l’enregistrement de la décision :",
    "البصمة (SHA-256) لسجل القرار:",
  ],
  "observer.note_title": ["Your observer’s note", "Votre note d’observateur", "ملاحظتك بصفتك مراقبًا"],
  "observer.note_hint": [
    "The note as it stands when the decision is recorded joins the decision’s record. You can change it until then.",
    "La note telle qu’elle est au moment où la décision est enregistrée rejoint l’enregistrement de la décision. Vous pouvez la modifier jusque-là.",
    "تُضمّ الملاحظة بصيغتها عند تسجيل القرار إلى سجل القرار. ويمكنك تعديلها حتى ذلك الحين.",
  ],
  "observer.note_after_decision": [
    "The decision is recorded with the note as it stood then; a change now is kept and audited, but does not alter that record.",
    "La décision est enregistrée avec la note telle qu’elle était alors ; une modification maintenant est conservée et auditée, mais ne change pas cet enregistrement.",
    "سُجّل القرار مع الملاحظة بصيغتها آنذاك؛ ويُحفظ أي تعديل الآن ويُدقَّق، لكنه لا يغيّر ذلك السجل.",
  ],
  "observer.note_updated": [
    "Last filed on {date}.",
    "Déposée pour la dernière fois le {date}.",
    "أُودعت آخر مرة في {date}.",
  ],
  "observer.note_label": ["Note", "Note", "الملاحظة"],
  "observer.note_submit": ["File the note", "Déposer la note", "إيداع الملاحظة"],
  "observer.note_saved": ["Your note is filed.", "Votre note est déposée.", "أُودعت ملاحظتك."],
  "observer.results_title": ["Results of the {year} edition", "Résultats de l’édition {year}", "نتائج دورة عام {year}"],
  "observer.integrity_title": [
    "Integrity audits of the {year} edition",
    "Audits d’intégrité de l’édition {year}",
    "عمليات تدقيق النزاهة لدورة عام {year}",
  ],
  "observer.results_link": ["Results", "Résultats", "النتائج"],
  "observer.integrity_link": ["Integrity audits", "Audits d’intégrité", "عمليات تدقيق النزاهة"],
  "observer.pages": ["The edition’s pages", "Les pages de l’édition", "صفحات الدورة"],
  "observer.audit_title": ["Audit log", "Journal d’audit", "سجل التدقيق"],
  "observer.audit_title_year": [
    "Audit log of the {year} edition",
    "Journal d’audit de l’édition {year}",
    "سجل التدقيق لدورة عام {year}",
  ],
  "observer.audit_lead": [
    "Entries about this edition: {entries}. The most recent first.",
    "Entrées concernant cette édition : {entries}. Les plus récentes d’abord.",
    "الإدخالات المتعلقة بهذه الدورة: {entries}. الأحدث أولاً.",
  ],
  "observer.audit_empty": [
    "Nothing recorded for this edition yet.",
    "Rien n’est encore enregistré pour cette édition.",
    "لم يُسجَّل أي شيء لهذه الدورة بعد.",
  ],
  "observer.back": ["Back to the edition", "Retour à l’édition", "العودة إلى الدورة"],
  "observer.col_when": ["When", "Date", "التاريخ"],
  "observer.col_action": ["Action", "Action", "الإجراء"],
  "observer.col_object": ["Object", "Objet", "العنصر"],
  "observer.col_actor": ["By", "Par", "بواسطة"],
  "mail.observer_removed.subject": [
    "Your observer access to the {year} edition has ended",
    "Votre accès d’observateur à l’édition {year} a pris fin",
    "انتهى وصولك بصفتك مراقبًا إلى دورة عام {year}",
  ],
  "mail.observer_removed.body": [
    "Hello {name},\n\nThe secretariat of the UNESCO Prize for ICT in Education has ended your observer access to the {year} edition. A note you filed that is already part of a recorded decision stays in that record.",
    "Bonjour {name},\n\nLe secrétariat du Prix UNESCO pour l’utilisation des TIC dans l’éducation a mis fin à votre accès d’observateur à l’édition {year}. Une note que vous avez déposée et qui fait déjà partie d’une décision enregistrée reste dans cet enregistrement.",
    "مرحبًا {name}،\n\nأنهت أمانة جائزة اليونسكو لاستخدام تكنولوجيات المعلومات والاتصالات في مجال التعليم وصولك بصفتك مراقبًا إلى دورة عام {year}. وتبقى أي ملاحظة أودعتها وأصبحت جزءًا من قرار مسجّل في ذلك السجل.",
  ],
} as const satisfies Triples;

export const observerMessages = byLanguage(observerTriples);

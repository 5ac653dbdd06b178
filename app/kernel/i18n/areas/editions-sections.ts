// Messages of the editions area for the wording of the application sections (title and prompt of
// each section, per edition); merged into the area in editions.ts.
// Each key holds its English, French and Arabic texts side by side (see ../triples.ts).
import type { Triples } from "../triples";

export const editionsSectionsTriples = {
  "editions.sections_title": ["Application sections", "Sections du formulaire de candidature", "أقسام استمارة الطلب"],
  "editions.edit_sections": [
    "Titles and prompts of the application sections",
    "Titres et consignes des sections de la candidature",
    "عناوين أقسام الطلب وأسئلتها",
  ],
  "editions.sections_intro": [
    "Each section of the application form has a title and a prompt, the question the applicant answers. Nominating entities, the secretariat and the jury read the answers under the same words. An empty text keeps the default wording in that language. The wording can change while the edition is a draft or its call is open.",
    "Chaque section du formulaire a un titre et une consigne, la question à laquelle répond le candidat. Les entités de nomination, le secrétariat et le jury lisent les réponses sous les mêmes mots. Un texte vide garde la formulation par défaut dans cette langue. La formulation peut changer tant que l’édition est un brouillon ou que son appel est ouvert.",
    "لكل قسم من استمارة الطلب عنوان وسؤال يجيب عنه المتقدّم. وتقرأ جهات الترشيح والأمانة ولجنة التحكيم الإجابات تحت الكلمات نفسها. النص الفارغ يُبقي الصياغة الافتراضية بتلك اللغة. ويمكن تغيير الصياغة ما دامت الدورة مسودة أو دعوتها مفتوحة.",
  ],
  "editions.sections_locked": [
    "The call has closed: the applicants answered these questions, so their wording can no longer change.",
    "L’appel est clos : les candidats ont répondu à ces questions, leur formulation ne peut plus changer.",
    "أُغلقت الدعوة: أجاب المتقدّمون عن هذه الأسئلة، فلم يعد من الممكن تغيير صياغتها.",
  ],
  "editions.section_own": ["Worded for this edition", "Formulée pour cette édition", "مصوغ لهذه الدورة"],
  "editions.section_default": ["Default wording", "Formulation par défaut", "الصياغة الافتراضية"],
  "editions.section_edit_title": ["Wording of “{section}”", "Formulation de « {section} »", "صياغة «{section}»"],
  "editions.section_title_en": ["Title in English", "Titre en anglais", "العنوان بالإنكليزية"],
  "editions.section_title_fr": ["Title in French", "Titre en français", "العنوان بالفرنسية"],
  "editions.section_title_ar": ["Title in Arabic", "Titre en arabe", "العنوان بالعربية"],
  "editions.section_prompt_en": ["Prompt in English", "Consigne en anglais", "السؤال بالإنكليزية"],
  "editions.section_prompt_fr": ["Prompt in French", "Consigne en français", "السؤال بالفرنسية"],
  "editions.section_prompt_ar": ["Prompt in Arabic", "Consigne en arabe", "السؤال بالعربية"],
  "editions.section_default_hint": [
    "Empty for the default: “{text}”",
    "Vide pour la formulation par défaut : « {text} »",
    "اتركه فارغًا للصياغة الافتراضية: «{text}»",
  ],
  "editions.section_save": ["Save the wording", "Enregistrer la formulation", "حفظ الصياغة"],
  "editions.section_saved": [
    "The section’s wording has been saved.",
    "La formulation de la section a été enregistrée.",
    "حُفظت صياغة القسم.",
  ],
  "errors.section_wording_locked": [
    "The call has closed: the sections’ wording can no longer change",
    "L’appel est clos : la formulation des sections ne peut plus changer",
    "أُغلقت الدعوة: لم يعد من الممكن تغيير صياغة الأقسام",
  ],
  "errors.section_unknown": [
    "This section is not one of the application form’s",
    "Cette section ne fait pas partie du formulaire de candidature",
    "هذا القسم ليس من أقسام استمارة الطلب",
  ],
} as const satisfies Triples;

// The demo's edition, shaped like the 2023 edition: its fixed instants, its theme and call for
// nominations, its criteria and eligibility rules.
import { DEFAULT_CRITERIA, DEFAULT_RULES, type CriterionSeed } from "../../app/editions/domain/defaults";
import type { SectionWording } from "../../app/applications/domain/sections";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const utc = (iso: string) => new Date(iso);
export const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
export const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

export const EDITION_CREATED = utc("2023-11-15T10:00:00Z");
export const CALL_OPENS = utc("2023-12-01T09:00:00Z");
/**
 * 23:59, Paris time, on 5 February 2024, as the edition form advises for the end of a day:
 * midnight would read "6 February at 00:00", which a reader takes for the whole of the 6th.
 */
export const DEADLINE = utc("2024-02-05T22:59:00Z");
export const SCREENING_STARTS = utc("2024-02-06T09:00:00Z");
export const JURY_APPOINTED = utc("2024-01-10T10:00:00Z");
export const SCORING_OPENS = utc("2024-02-20T09:00:00Z");
/**
 * Deliberately far in the future: the demo stays in its scoring phase, with scoring open,
 * whenever someone explores it (the real 2023 jury met in March 2024). 23:59 Paris time (CEST)
 * on 31 March 2027, the end of that day as it reads.
 */
export const SCORING_CLOSES = utc("2027-03-31T21:59:00Z");
export const ANNOUNCEMENT = utc("2027-09-02T08:00:00Z");
export const LAST_ACTIVITY_BEFORE_DEADLINE = utc("2024-02-05T20:00:00Z");

export const THEME = {
  en: "Digital learning for greening education",
  fr: "L’apprentissage numérique pour verdir l’éducation",
  ar: "التعلم الرقمي من أجل تخضير التعليم",
};

export const CALL_TEXT_EN = `UNESCO invites the governments of its Member States, through their National Commissions for UNESCO, and non-governmental organizations in official partnership with UNESCO to nominate projects for the 2023 edition of the UNESCO King Hamad Bin Isa Al-Khalifa Prize for the Use of ICT in Education.

The 2023 edition rewards innovative projects that use digital technologies to green education: to help learners and teachers acquire the knowledge, skills, values and attitudes needed to address climate change and to promote sustainable development.

Candidates fill in the application form in English or French and ask a nominating entity to nominate them; self-nomination is not accepted. Each nominating entity may nominate up to three candidatures. Nominations must reach UNESCO by 5 February 2024, midnight Paris time.

Two laureates will each receive US$25,000, a medal and a diploma at a ceremony at UNESCO Headquarters in Paris.`;

export const CALL_TEXT_FR = `L’UNESCO invite les gouvernements de ses États membres, par l’intermédiaire de leur commission nationale pour l’UNESCO, ainsi que les organisations non gouvernementales en partenariat officiel avec l’UNESCO, à proposer des projets pour l’édition 2023 du Prix UNESCO-Roi Hamad Bin Isa Al-Khalifa pour l’utilisation des TIC dans l’éducation.

L’édition 2023 récompense des projets innovants qui utilisent les technologies numériques pour verdir l’éducation : aider les apprenants et les enseignants à acquérir les connaissances, les compétences, les valeurs et les attitudes nécessaires pour faire face au changement climatique et promouvoir le développement durable.

Les candidats remplissent le formulaire en anglais ou en français et demandent à une entité de les proposer ; l’auto-candidature n’est pas acceptée. Chaque entité peut proposer jusqu’à trois candidatures. Les candidatures doivent parvenir à l’UNESCO au plus tard le 5 février 2024 à minuit, heure de Paris.

Les deux lauréats recevront chacun 25 000 dollars des États-Unis, une médaille et un diplôme lors d’une cérémonie au Siège de l’UNESCO à Paris.`;

/** What the 2023 call asked of two criteria beyond the defaults: the greening of education. */
const GUIDANCE_2023: Record<string, CriterionSeed["guidance"]> = {
  appropriateness: {
    en: "Are the technologies chosen suited to the learners, the setting (connectivity, energy, devices) and the aim of greening education?",
    fr: "Les technologies choisies sont-elles adaptées aux apprenants, au contexte (connectivité, énergie, équipements) et à l’objectif de verdir l’éducation ?",
    ar: "هل التقنيات المختارة ملائمة للمتعلمين وللسياق (الاتصال والطاقة والأجهزة) ولهدف تخضير التعليم؟",
  },
  pedagogy: {
    en: "Does the project change how learners learn and teachers teach about climate and sustainability, beyond putting content online?",
    fr: "Le projet change-t-il la manière d’apprendre et d’enseigner le climat et la durabilité, au-delà de la mise en ligne de contenus ?",
    ar: "هل يغيّر المشروع طريقة تعلّم المتعلمين وتدريس المعلمين لموضوعات المناخ والاستدامة، بما يتجاوز نشر المحتوى على الإنترنت؟",
  },
};

// The 2023 criteria (the defaults, with that year's guidance) and eligibility rules (the defaults).
export const DEMO_CRITERIA: readonly CriterionSeed[] = DEFAULT_CRITERIA.map((c) => ({
  ...c,
  guidance: GUIDANCE_2023[c.key] ?? c.guidance,
}));
export const DEMO_RULES = DEFAULT_RULES;

/** The 2023 form's own wording of its sustainability section: the green dimension of the project. */
export const DEMO_SECTION_WORDING: SectionWording = {
  sustainability: {
    titleEn: "Sustainability and green dimension",
    titleFr: "Durabilité et dimension verte",
    titleAr: "الاستدامة والبعد البيئي",
    promptEn:
      "Sustainability and contribution to greening education: how the project will last, and how it helps green education.",
    promptFr:
      "Durabilité et contribution au verdissement de l’éducation : comment le projet durera, et comment il aide à verdir l’éducation.",
    promptAr: "الاستدامة والإسهام في تخضير التعليم: كيف سيستمر المشروع، وكيف يساعد على تخضير التعليم.",
  },
};

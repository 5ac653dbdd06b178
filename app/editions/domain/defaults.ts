// The defaults of a new edition: the five selection criteria and the four eligibility rules of
// UNESCO's 2023 call for nominations, in English, French and Arabic. The secretariat edits them
// per edition.
// The demo seed (scripts/seed/demo.ts) uses these same defaults.
export interface CriterionSeed {
  key: string;
  title: { en: string; fr: string; ar: string };
  guidance: { en: string; fr: string; ar: string };
  levels: { score: number; en: string; fr: string }[];
}

export const DEFAULT_CRITERIA: readonly CriterionSeed[] = [
  {
    key: "appropriateness",
    title: {
      en: "Appropriateness of digital solutions",
      fr: "Pertinence des solutions numériques",
      ar: "ملاءمة الحلول الرقمية",
    },
    guidance: {
      en: "Are the technologies chosen suited to the learners, the setting (connectivity, energy, devices) and the aim of greening education?",
      fr: "Les technologies choisies sont-elles adaptées aux apprenants, au contexte (connectivité, énergie, équipements) et à l’objectif de verdir l’éducation ?",
      ar: "هل التقنيات المختارة ملائمة للمتعلمين وللسياق (الاتصال والطاقة والأجهزة) ولهدف تخضير التعليم؟",
    },
    levels: [
      {
        score: 1,
        en: "Technology chosen without regard to the context.",
        fr: "Technologie choisie sans égard au contexte.",
      },
      {
        score: 4,
        en: "Mostly suitable, with clear gaps (cost, connectivity or energy use).",
        fr: "Plutôt adaptée, avec des lacunes nettes (coût, connectivité ou énergie).",
      },
      {
        score: 7,
        en: "Well suited to the learners and the setting, with its limits understood.",
        fr: "Bien adaptée aux apprenants et au contexte, limites comprises.",
      },
      {
        score: 10,
        en: "An exemplary, frugal fit between technology, context and purpose.",
        fr: "Adéquation exemplaire et sobre entre technologie, contexte et finalité.",
      },
    ],
  },
  {
    key: "pedagogy",
    title: { en: "Pedagogy innovation", fr: "Innovation pédagogique", ar: "الابتكار التربوي" },
    guidance: {
      en: "Does the project change how learners learn and teachers teach about climate and sustainability, beyond putting content online?",
      fr: "Le projet change-t-il la manière d’apprendre et d’enseigner le climat et la durabilité, au-delà de la mise en ligne de contenus ?",
      ar: "هل يغيّر المشروع طريقة تعلّم المتعلمين وتدريس المعلمين لموضوعات المناخ والاستدامة، بما يتجاوز نشر المحتوى على الإنترنت؟",
    },
    levels: [
      {
        score: 1,
        en: "Content delivery only; no pedagogical idea.",
        fr: "Simple diffusion de contenus, sans idée pédagogique.",
      },
      {
        score: 4,
        en: "Some active learning, not yet central to the design.",
        fr: "Un peu d’apprentissage actif, encore marginal.",
      },
      {
        score: 7,
        en: "Active, inquiry-based learning at the heart of the project.",
        fr: "Apprentissage actif et par investigation au cœur du projet.",
      },
      {
        score: 10,
        en: "A new pedagogical model that others are already learning from.",
        fr: "Un modèle pédagogique nouveau dont d’autres s’inspirent déjà.",
      },
    ],
  },
  {
    key: "inclusion",
    title: { en: "Inclusion and equity", fr: "Inclusion et équité", ar: "الإدماج والإنصاف" },
    guidance: {
      en: "Does the project reach learners who are usually left out (girls, rural and remote learners, learners with disabilities, displaced people, speakers of minority languages)?",
      fr: "Le projet atteint-il les apprenants habituellement exclus (filles, zones rurales et isolées, apprenants handicapés, personnes déplacées, locuteurs de langues minoritaires) ?",
      ar: "هل يصل المشروع إلى المتعلمين المستبعدين عادة (الفتيات، والمتعلمون في المناطق الريفية والنائية، وذوو الإعاقة، والنازحون، والناطقون بلغات الأقليات)؟",
    },
    levels: [
      { score: 1, en: "Serves only already well-served learners.", fr: "Ne sert que des apprenants déjà bien servis." },
      { score: 4, en: "Inclusion is stated but not designed for.", fr: "L’inclusion est affirmée mais pas organisée." },
      {
        score: 7,
        en: "Deliberate measures reach excluded groups.",
        fr: "Des mesures délibérées atteignent des groupes exclus.",
      },
      {
        score: 10,
        en: "Excluded groups are at the centre, with evidence they benefit.",
        fr: "Les groupes exclus sont au centre, avec des preuves de bénéfices.",
      },
    ],
  },
  {
    key: "impact",
    title: { en: "Evidence of impact", fr: "Preuves d’impact", ar: "الأدلة على الأثر" },
    guidance: {
      en: "What evidence shows that learners and teachers changed knowledge, skills or practice? Prefer measured outcomes over counts of users.",
      fr: "Quelles preuves montrent que les apprenants et les enseignants ont changé leurs connaissances, compétences ou pratiques ? Préférer les résultats mesurés au nombre d’utilisateurs.",
      ar: "ما الأدلة التي تبيّن أن المتعلمين والمعلمين غيّروا معارفهم أو مهاراتهم أو ممارساتهم؟ تُفضَّل النتائج المقيسة على أعداد المستخدمين.",
    },
    levels: [
      { score: 1, en: "No evidence.", fr: "Aucune preuve." },
      { score: 4, en: "Usage figures only.", fr: "Seulement des chiffres d’utilisation." },
      {
        score: 7,
        en: "Measured learning or behaviour outcomes.",
        fr: "Résultats d’apprentissage ou de comportement mesurés.",
      },
      {
        score: 10,
        en: "Independent, rigorous evaluation with clear results.",
        fr: "Évaluation indépendante et rigoureuse aux résultats nets.",
      },
    ],
  },
  {
    key: "replicability",
    title: {
      en: "Potential for replicability and scalability",
      fr: "Potentiel de reproductibilité et de passage à l’échelle",
      ar: "إمكانية التكرار والتوسع",
    },
    guidance: {
      en: "Could the project be adapted elsewhere or grow, and is it sustainable (funding, open licences, local ownership)?",
      fr: "Le projet pourrait-il être adapté ailleurs ou étendu, et est-il durable (financement, licences ouvertes, appropriation locale) ?",
      ar: "هل يمكن تكييف المشروع في أماكن أخرى أو توسيعه، وهل هو مستدام (التمويل، والتراخيص المفتوحة، والملكية المحلية)؟",
    },
    levels: [
      { score: 1, en: "Tied to one place and one funder.", fr: "Lié à un seul lieu et un seul bailleur." },
      {
        score: 4,
        en: "Could grow with substantial new resources.",
        fr: "Pourrait s’étendre avec d’importantes ressources nouvelles.",
      },
      { score: 7, en: "Open, documented and already adapted once.", fr: "Ouvert, documenté et déjà adapté une fois." },
      {
        score: 10,
        en: "Scaled across regions or countries with local ownership.",
        fr: "Étendu à plusieurs régions ou pays avec appropriation locale.",
      },
    ],
  },
];

export const DEFAULT_RULES: readonly { key: string; en: string; fr: string; ar: string }[] = [
  {
    key: "theme_relevance",
    en: "The project is relevant to the theme of the edition.",
    fr: "Le projet est pertinent au regard du thème de l’édition.",
    ar: "المشروع وثيق الصلة بموضوع الدورة.",
  },
  {
    key: "one_year",
    en: "The project has been ongoing for at least one year.",
    fr: "Le projet est en cours depuis au moins un an.",
    ar: "مضى على تنفيذ المشروع عام واحد على الأقل.",
  },
  {
    key: "no_unesco_funding",
    en: "The project is not affiliated to UNESCO and receives no UNESCO funding.",
    fr: "Le projet n’est pas affilié à l’UNESCO et ne reçoit aucun financement de l’UNESCO.",
    ar: "المشروع غير تابع لليونسكو ولا يتلقى أي تمويل منها.",
  },
  {
    key: "free_of_charge",
    en: "The project is public and free of charge (freemium parts of commercial products are excluded).",
    fr: "Le projet est public et gratuit (les parties « freemium » de produits commerciaux sont exclues).",
    ar: "المشروع عام ومجاني (تُستبعد الأجزاء المجانية من المنتجات التجارية).",
  },
];

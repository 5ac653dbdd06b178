// The defaults of a new edition: five selection criteria and four eligibility rules, shaped like
// UNESCO's calls for nominations but worded for no particular theme, in English, French and
// Arabic. The secretariat edits them per edition; the demo seed gives its 2023 edition that
// year's wording (scripts/seed/demo-edition.ts).
export interface CriterionSeed {
  key: string;
  title: { en: string; fr: string; ar: string };
  guidance: { en: string; fr: string; ar: string };
  levels: { score: number; en: string; fr: string; ar: string }[];
}

// Every default criterion describes the same four points of its 1–10 scale.
const LEVEL_SCORES = [1, 4, 7, 10] as const;
type LevelTexts = readonly [string, string, string, string];

/** A criterion's level descriptors, from its English, French and Arabic texts in the order of LEVEL_SCORES. */
function levels(en: LevelTexts, fr: LevelTexts, ar: LevelTexts): CriterionSeed["levels"] {
  return LEVEL_SCORES.map((score, i) => ({ score, en: en[i], fr: fr[i], ar: ar[i] }));
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
      en: "Are the technologies chosen suited to the learners, the setting (connectivity, energy, devices) and the aim of the project?",
      fr: "Les technologies choisies sont-elles adaptées aux apprenants, au contexte (connectivité, énergie, équipements) et à l’objectif du projet ?",
      ar: "هل التقنيات المختارة ملائمة للمتعلمين وللسياق (الاتصال والطاقة والأجهزة) ولهدف المشروع؟",
    },
    levels: levels(
      [
        "Technology chosen without regard to the context.",
        "Mostly suitable, with clear gaps (cost, connectivity or energy use).",
        "Well suited to the learners and the setting, with its limits understood.",
        "An exemplary, frugal fit between technology, context and purpose.",
      ],
      [
        "Technologie choisie sans égard au contexte.",
        "Plutôt adaptée, avec des lacunes nettes (coût, connectivité ou énergie).",
        "Bien adaptée aux apprenants et au contexte, limites comprises.",
        "Adéquation exemplaire et sobre entre technologie, contexte et finalité.",
      ],
      [
        "تقنية اختيرت دون مراعاة للسياق.",
        "ملائمة في معظمها، مع ثغرات واضحة (التكلفة أو الاتصال أو استهلاك الطاقة).",
        "ملائمة جيدًا للمتعلمين وللسياق، مع إدراك حدودها.",
        "توافق نموذجي ومقتصد بين التقنية والسياق والغاية.",
      ],
    ),
  },
  {
    key: "pedagogy",
    title: { en: "Pedagogy innovation", fr: "Innovation pédagogique", ar: "الابتكار التربوي" },
    guidance: {
      en: "Does the project change how learners learn and teachers teach, beyond putting content online?",
      fr: "Le projet change-t-il la manière d’apprendre et d’enseigner, au-delà de la mise en ligne de contenus ?",
      ar: "هل يغيّر المشروع طريقة تعلّم المتعلمين وتدريس المعلمين، بما يتجاوز نشر المحتوى على الإنترنت؟",
    },
    levels: levels(
      [
        "Content delivery only; no pedagogical idea.",
        "Some active learning, not yet central to the design.",
        "Active, inquiry-based learning at the heart of the project.",
        "A new pedagogical model that others are already learning from.",
      ],
      [
        "Simple diffusion de contenus, sans idée pédagogique.",
        "Un peu d’apprentissage actif, encore marginal.",
        "Apprentissage actif et par investigation au cœur du projet.",
        "Un modèle pédagogique nouveau dont d’autres s’inspirent déjà.",
      ],
      [
        "نشر للمحتوى فحسب، دون فكرة تربوية.",
        "قدر من التعلم النشط، لم يصبح بعدُ محور التصميم.",
        "التعلم النشط القائم على الاستقصاء في صميم المشروع.",
        "نموذج تربوي جديد يستلهم منه آخرون بالفعل.",
      ],
    ),
  },
  {
    key: "inclusion",
    title: { en: "Inclusion and equity", fr: "Inclusion et équité", ar: "الإدماج والإنصاف" },
    guidance: {
      en: "Does the project reach learners who are usually left out (girls, rural and remote learners, learners with disabilities, displaced people, speakers of minority languages)?",
      fr: "Le projet atteint-il les apprenants habituellement exclus (filles, zones rurales et isolées, apprenants handicapés, personnes déplacées, locuteurs de langues minoritaires) ?",
      ar: "هل يصل المشروع إلى المتعلمين المستبعدين عادة (الفتيات، والمتعلمون في المناطق الريفية والنائية، وذوو الإعاقة، والنازحون، والناطقون بلغات الأقليات)؟",
    },
    levels: levels(
      [
        "Serves only already well-served learners.",
        "Inclusion is stated but not designed for.",
        "Deliberate measures reach excluded groups.",
        "Excluded groups are at the centre, with evidence they benefit.",
      ],
      [
        "Ne sert que des apprenants déjà bien servis.",
        "L’inclusion est affirmée mais pas organisée.",
        "Des mesures délibérées atteignent des groupes exclus.",
        "Les groupes exclus sont au centre, avec des preuves de bénéfices.",
      ],
      [
        "لا يخدم إلا المتعلمين الذين يحظون أصلًا بخدمات جيدة.",
        "الإدماج مُعلَن ولكنه غير مُراعى في التصميم.",
        "تدابير مقصودة تصل إلى الفئات المستبعدة.",
        "الفئات المستبعدة في صميم المشروع، مع أدلة على استفادتها.",
      ],
    ),
  },
  {
    key: "impact",
    title: { en: "Evidence of impact", fr: "Preuves d’impact", ar: "الأدلة على الأثر" },
    guidance: {
      en: "What evidence shows that learners and teachers changed knowledge, skills or practice? Prefer measured outcomes over counts of users.",
      fr: "Quelles preuves montrent que les apprenants et les enseignants ont changé leurs connaissances, compétences ou pratiques ? Préférer les résultats mesurés au nombre d’utilisateurs.",
      ar: "ما الأدلة التي تبيّن أن المتعلمين والمعلمين غيّروا معارفهم أو مهاراتهم أو ممارساتهم؟ تُفضَّل النتائج المقيسة على أعداد المستخدمين.",
    },
    levels: levels(
      [
        "No evidence.",
        "Usage figures only.",
        "Measured learning or behaviour outcomes.",
        "Independent, rigorous evaluation with clear results.",
      ],
      [
        "Aucune preuve.",
        "Seulement des chiffres d’utilisation.",
        "Résultats d’apprentissage ou de comportement mesurés.",
        "Évaluation indépendante et rigoureuse aux résultats nets.",
      ],
      [
        "لا توجد أدلة.",
        "أرقام الاستخدام فقط.",
        "نتائج مقيسة في التعلم أو السلوك.",
        "تقييم مستقل ودقيق ذو نتائج واضحة.",
      ],
    ),
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
    levels: levels(
      [
        "Tied to one place and one funder.",
        "Could grow with substantial new resources.",
        "Open, documented and already adapted once.",
        "Scaled across regions or countries with local ownership.",
      ],
      [
        "Lié à un seul lieu et un seul bailleur.",
        "Pourrait s’étendre avec d’importantes ressources nouvelles.",
        "Ouvert, documenté et déjà adapté une fois.",
        "Étendu à plusieurs régions ou pays avec appropriation locale.",
      ],
      [
        "مرتبط بمكان واحد وجهة تمويل واحدة.",
        "يمكن توسيعه بموارد جديدة كبيرة.",
        "مفتوح وموثَّق وسبق تكييفه مرة واحدة.",
        "جرى توسيعه ليشمل مناطق أو بلدانًا عدة مع ملكية محلية.",
      ],
    ),
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

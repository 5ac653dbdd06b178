// Messages of the results area for the Bayesian expected ranks beside the bootstrap intervals on
// the secretariat's results page (the rest of the laureates' certificate is the decision page's,
// in the certificate area); merged into the area in results.ts.
// Each key holds its English, French and Arabic texts side by side (see ../triples.ts).
import type { Triples } from "../triples";

export const resultsCertificateTriples = {
  "results.certificate.col_expected": [
    "Expected rank ({level} interval)",
    "Rang attendu (intervalle à {level})",
    "الرتبة المتوقعة (فترة {level})",
  ],
  "results.certificate.expected_value": ["{rank} ({low}–{high})", "{rank} ({low}–{high})", "{rank} ({low}–{high})"],
  "results.certificate.in_band": ["cannot be separated", "indépartageable", "يتعذّر فصله"],
  "results.certificate.explain": [
    "Expected rank: the average place over {draws} draws of a Bayesian model of the scores (quality, juror leniency, chance), as the Swiss National Science Foundation ranks proposals; the interval holds {level} of the draws.",
    "Rang attendu : la place moyenne sur {draws} tirages d’un modèle bayésien des notes (qualité, sévérité des membres du jury, hasard), comme le Fonds national suisse classe les projets ; l’intervalle contient {level} des tirages.",
    "الرتبة المتوقعة: متوسط المرتبة على {draws} سحبًا من نموذج بايزي للدرجات (الجودة، وتساهل المحكّمين، والصدفة)، كما يرتّب الصندوق الوطني السويسري للعلوم المشاريع؛ وتضم الفترة {level} من السحوبات.",
  ],
  "results.certificate.see_decision": [
    "How close was it: the margin of victory and the applications that cannot be separated from the cut-off",
    "À quel point le choix était-il serré : la marge de victoire et les candidatures indépartageables au seuil",
    "ما مدى تقارب النتيجة: هامش الفوز والطلبات التي يتعذّر فصلها عن حدّ الفوز",
  ],
} as const satisfies Triples;

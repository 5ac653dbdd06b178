// Messages of the laureates' certificate ("How close was it": margin of victory, the runner-up
// against the last laureate's interval, the applications that cannot be separated from the
// cut-off), an area of its own so that only the decision page carries them.
// Each key holds its English, French and Arabic texts side by side (see ../triples.ts).
import { byLanguage, type Triples } from "../triples";

export const certificateTriples = {
  "certificate.title": ["How close was it", "À quel point le choix était-il serré", "ما مدى تقارب النتيجة"],
  "certificate.lead": [
    "[count] one: The laureate here is the first place under the official method. | other: The laureates here are the first {count} places under the official method.",
    "[count] one: Le lauréat est ici la première place selon la méthode officielle. | other: Les lauréats sont ici les {count} premières places selon la méthode officielle.",
    "[count] zero: لا يوجد فائزون في الترتيب. | one: الفائز هنا هو صاحب المرتبة الأولى بالطريقة الرسمية. | two: الفائزان هنا هما صاحبا المرتبتين الأوليين بالطريقة الرسمية. | few: الفائزون هنا هم أصحاب المراتب الـ{count} الأولى بالطريقة الرسمية. | many: الفائزون هنا هم أصحاب المراتب الـ{count} الأولى بالطريقة الرسمية. | other: الفائزون هنا هم أصحاب المراتب الـ{count} الأولى بالطريقة الرسمية.",
  ],
  "certificate.margin_scores": [
    "[count] one: The laureates would change if a single criterion score were different. | other: The laureates would change if {count} criterion scores were different.",
    "[count] one: Les lauréats changeraient si une seule note de critère était différente. | other: Les lauréats changeraient si {count} notes de critère étaient différentes.",
    "[count] zero: كانت قائمة الفائزين ستتغير دون تغيير أي درجة. | one: كانت قائمة الفائزين ستتغير لو اختلفت درجة معيار واحدة. | two: كانت قائمة الفائزين ستتغير لو اختلفت درجتا معيار. | few: كانت قائمة الفائزين ستتغير لو اختلفت {count} درجات معايير. | many: كانت قائمة الفائزين ستتغير لو اختلفت {count} درجة معيار. | other: كانت قائمة الفائزين ستتغير لو اختلفت {count} درجة معيار.",
  ],
  "certificate.margin_points": [
    "[count] one: The smallest change that does it is one point in all: {entering} would then enter the laureates and {leaving} would leave. | other: The smallest change that does it is {count} points in all: {entering} would then enter the laureates and {leaving} would leave.",
    "[count] one: Le plus petit changement qui y suffit est d’un point au total : entrée de {entering} parmi les lauréats, sortie de {leaving}. | other: Le plus petit changement qui y suffit est de {count} points au total : entrée de {entering} parmi les lauréats, sortie de {leaving}.",
    "[count] zero: لا يلزم أي تغيير في النقاط: دخول {entering} إلى قائمة الفائزين وخروج {leaving} منها. | one: أصغر تغيير يكفي لذلك نقطة واحدة في المجموع: دخول {entering} إلى قائمة الفائزين وخروج {leaving} منها. | two: أصغر تغيير يكفي لذلك نقطتان في المجموع: دخول {entering} إلى قائمة الفائزين وخروج {leaving} منها. | few: أصغر تغيير يكفي لذلك {count} نقاط في المجموع: دخول {entering} إلى قائمة الفائزين وخروج {leaving} منها. | many: أصغر تغيير يكفي لذلك {count} نقطة في المجموع: دخول {entering} إلى قائمة الفائزين وخروج {leaving} منها. | other: أصغر تغيير يكفي لذلك {count} نقطة في المجموع: دخول {entering} إلى قائمة الفائزين وخروج {leaving} منها.",
  ],
  "certificate.margin_bound": [
    "The search stopped at its work limit, so these numbers are upper bounds: the change found does alter the laureates, and a smaller one may exist.",
    "La recherche s’est arrêtée à sa limite de calcul : ces nombres sont donc des bornes supérieures. Le changement trouvé modifie bien les lauréats, et un plus petit peut exister.",
    "توقف البحث عند الحدّ المسموح به من الحساب، لذا فهذه الأرقام حدود عليا: التغيير الذي وُجد يغيّر الفائزين فعلًا، وقد يوجد تغيير أصغر.",
  ],
  "certificate.margin_none": [
    "No change of scores within the scale would change the laureates.",
    "Aucun changement des notes dans l’échelle ne changerait les lauréats.",
    "لا يوجد تغيير في الدرجات ضمن السلّم يمكن أن يغيّر الفائزين.",
  ],
  "certificate.margin_unavailable": [
    "The margin of victory cannot be computed: {reason}",
    "La marge de victoire ne peut pas être calculée : {reason}",
    "لا يمكن حساب هامش الفوز: {reason}",
  ],
  "certificate.runner_within": [
    "The runner-up, {next} (expected rank {expected}), was within the {level} interval of the last laureate, {last} (places {low} to {high}).",
    "La candidature suivante, {next} (rang attendu {expected}), était dans l’intervalle à {level} du dernier lauréat, {last} (places {low} à {high}).",
    "كان الطلب التالي، {next} (الرتبة المتوقعة {expected})، ضمن فترة {level} لآخر الفائزين، {last} (المراتب من {low} إلى {high}).",
  ],
  "certificate.runner_outside": [
    "The runner-up, {next} (expected rank {expected}), was outside the {level} interval of the last laureate, {last} (places {low} to {high}).",
    "La candidature suivante, {next} (rang attendu {expected}), était hors de l’intervalle à {level} du dernier lauréat, {last} (places {low} à {high}).",
    "كان الطلب التالي، {next} (الرتبة المتوقعة {expected})، خارج فترة {level} لآخر الفائزين، {last} (المراتب من {low} إلى {high}).",
  ],
  "certificate.band": [
    "[count] one: One application cannot be separated from the cut-off: its {level} interval holds both a laureate place and a place outside. | other: {count} applications cannot be separated from the cut-off: their {level} intervals hold both a laureate place and a place outside.",
    "[count] one: Une candidature ne peut pas être départagée au seuil : son intervalle à {level} contient à la fois une place de lauréat et une place au-delà. | other: {count} candidatures ne peuvent pas être départagées au seuil : leurs intervalles à {level} contiennent à la fois une place de lauréat et une place au-delà.",
    "[count] zero: لا يوجد طلب يتعذّر فصله عن حدّ الفوز. | one: يتعذّر فصل طلب واحد عن حدّ الفوز: تشمل فترته البالغة {level} مرتبةً بين الفائزين ومرتبةً خارجهم. | two: يتعذّر فصل طلبين عن حدّ الفوز: تشمل فترة كلٍّ منهما البالغة {level} مرتبةً بين الفائزين ومرتبةً خارجهم. | few: يتعذّر فصل {count} طلبات عن حدّ الفوز: تشمل فترة كلٍّ منها البالغة {level} مرتبةً بين الفائزين ومرتبةً خارجهم. | many: يتعذّر فصل {count} طلبًا عن حدّ الفوز: تشمل فترة كلٍّ منها البالغة {level} مرتبةً بين الفائزين ومرتبةً خارجهم. | other: يتعذّر فصل {count} طلب عن حدّ الفوز: تشمل فترة كلٍّ منها البالغة {level} مرتبةً بين الفائزين ومرتبةً خارجهم.",
  ],
  "certificate.band_none": [
    "Every application’s {level} interval lies on one side of the cut-off: the scores separate the laureates from the others.",
    "L’intervalle à {level} de chaque candidature se trouve d’un seul côté du seuil : les notes séparent les lauréats des autres.",
    "تقع فترة {level} لكل طلب في جهة واحدة من حدّ الفوز: الدرجات تفصل الفائزين عن غيرهم.",
  ],
  "certificate.band_caption": [
    "Applications that cannot be separated from the cut-off",
    "Candidatures qui ne peuvent pas être départagées au seuil",
    "الطلبات التي يتعذّر فصلها عن حدّ الفوز",
  ],
  "certificate.col_side": ["Under the official method", "Selon la méthode officielle", "بالطريقة الرسمية"],
  "certificate.side_in": ["laureate", "lauréat", "فائز"],
  "certificate.side_out": ["not a laureate", "non lauréat", "غير فائز"],
  "certificate.not_yet": [
    "These figures appear once scoring closes and the results can be computed.",
    "Ces chiffres apparaissent une fois la notation close et les résultats calculables.",
    "تظهر هذه الأرقام بعد انتهاء التقييم وإمكان حساب النتائج.",
  ],
} as const satisfies Triples;

export const certificateMessages = byLanguage(certificateTriples);

// Messages of the deliberation area: the tie-break rule fixed before the vote, the chair's casting
// vote, the jury's run-off and the tally anyone can follow (pairwise counts, strongest chains,
// conflicts, the tie-break applied). Only the deliberation, ballot and decision pages load them.
// Each key holds its English, French and Arabic texts side by side (see ../triples.ts).
import { byLanguage, type Triples } from "../triples";

export const deliberationTriples = {
  // --- the rule, fixed before the ballot opens
  "deliberation.tie_break_title": ["Tie-break rule", "Règle de départage", "قاعدة كسر التعادل"],
  "deliberation.tie_break_legend": [
    "If the vote leaves a tie for the last laureate place, it is settled by",
    "Si le vote laisse une égalité pour la dernière place de lauréat, elle est tranchée par",
    "إذا أسفر التصويت عن تعادل على آخر مركز للفائزين، يُحسم التعادل عن طريق",
  ],
  "deliberation.tie_break_help": [
    "The rule is fixed before the ballot opens and cannot change afterwards. The server draws a secret lottery seed and publishes only its fingerprint (SHA-256); the seed is revealed once the outcome of the vote is final, so anyone can check that it was not changed.",
    "La règle est fixée avant l’ouverture du scrutin et ne peut plus changer ensuite. Le serveur tire une graine de tirage au sort secrète et n’en publie que l’empreinte (SHA-256) ; la graine est révélée une fois le résultat du vote définitif, afin que chacun puisse vérifier qu’elle n’a pas été modifiée.",
    "تُحدَّد القاعدة قبل فتح الاقتراع ولا يمكن تغييرها بعد ذلك. يسحب الخادم بذرة قرعة سرية ولا ينشر إلا بصمتها (SHA-256)؛ وتُكشف البذرة حين تصبح نتيجة التصويت نهائية، ليتمكن أي شخص من التحقق من أنها لم تُغيَّر.",
  ],
  "deliberation.tie_break_rule_jury": [
    "A run-off vote of the jury among the tied applications",
    "Un second tour de vote du jury entre les candidatures à égalité",
    "جولة تصويت إضافية لهيئة التحكيم بين الطلبات المتعادلة",
  ],
  "deliberation.tie_break_rule_chair": [
    "The chair’s casting vote",
    "La voix prépondérante de la présidence du jury",
    "الصوت المرجِّح لرئيس هيئة التحكيم",
  ],
  "deliberation.tie_break_rule_lottery": [
    "A lottery drawn with the committed seed",
    "Un tirage au sort avec la graine engagée",
    "قرعة تُسحب بالبذرة الملتزَم بها",
  ],
  "deliberation.tie_break_save": ["Fix the rule", "Fixer la règle", "تثبيت القاعدة"],
  "deliberation.tie_break_saved": [
    "The tie-break rule is recorded. Its seed’s fingerprint is in the audit log.",
    "La règle de départage est enregistrée. L’empreinte de sa graine figure dans le journal d’audit.",
    "سُجّلت قاعدة كسر التعادل. وبصمة بذرتها مدوّنة في سجل التدقيق.",
  ],
  "deliberation.tie_break_early": [
    "You may fix the rule now, while scoring is still open, and change it until the deliberation opens.",
    "Vous pouvez fixer la règle dès maintenant, pendant la notation, et la modifier jusqu’à l’ouverture de la délibération.",
    "يمكنك تثبيت القاعدة الآن، والتقييم ما زال مفتوحًا، وتغييرها حتى فتح المداولة.",
  ],
  "deliberation.tie_break_rule": [
    "Rule fixed before the vote",
    "Règle fixée avant le vote",
    "القاعدة المحدَّدة قبل التصويت",
  ],
  "deliberation.tie_break_chosen_on": ["Fixed on", "Fixée le", "تاريخ التحديد"],
  "deliberation.tie_break_commitment": [
    "Fingerprint of the lottery seed (SHA-256), published before the ballot opened",
    "Empreinte de la graine du tirage (SHA-256), publiée avant l’ouverture du scrutin",
    "بصمة بذرة القرعة (SHA-256)، المنشورة قبل فتح الاقتراع",
  ],
  "deliberation.tie_break_seed": ["Lottery seed", "Graine du tirage", "بذرة القرعة"],
  "deliberation.tie_break_seed_hidden": [
    "Kept secret until the outcome of the vote is final.",
    "Gardée secrète jusqu’à ce que le résultat du vote soit définitif.",
    "تبقى سرية حتى تصبح نتيجة التصويت نهائية.",
  ],
  "deliberation.tie_break_check": [
    "Anyone can check it: the SHA-256 of the seed’s 64 characters must equal the fingerprint (for example: printf '%s' SEED | sha256sum).",
    "Chacun peut le vérifier : le SHA-256 des 64 caractères de la graine doit être égal à l’empreinte (par exemple : printf '%s' GRAINE | sha256sum).",
    "يمكن لأي شخص التحقق من ذلك: يجب أن يساوي SHA-256 لأحرف البذرة الأربعة والستين البصمةَ المنشورة (مثلًا: printf '%s' SEED | sha256sum).",
  ],
  "deliberation.tie_break_check_ok": [
    "Checked here: SHA-256(seed) equals the fingerprint.",
    "Vérifié ici : SHA-256(graine) est égal à l’empreinte.",
    "تم التحقق هنا: SHA-256(البذرة) يساوي البصمة.",
  ],
  "deliberation.tie_break_none": [
    "No tie-break rule was fixed for this deliberation.",
    "Aucune règle de départage n’a été fixée pour cette délibération.",
    "لم تُحدَّد قاعدة لكسر التعادل في هذه المداولة.",
  ],
  // --- the rule at work
  "deliberation.tie_break_ballot_open": [
    "It applies only if the vote leaves a tie for the last laureate place.",
    "Elle ne s’applique que si le vote laisse une égalité pour la dernière place de lauréat.",
    "لا تُطبَّق إلا إذا أسفر التصويت عن تعادل على آخر مركز للفائزين.",
  ],
  "deliberation.tie_break_no_tie": [
    "The vote separated the applications at the laureate cut-off: the tie-break was not needed.",
    "Le vote a départagé les candidatures à la limite des lauréats : le départage n’a pas été nécessaire.",
    "فصل التصويت بين الطلبات عند حدّ الفائزين: لم تكن هناك حاجة إلى كسر التعادل.",
  ],
  "deliberation.tie_break_tie": [
    "[count] one: The vote left {count} application tied across the laureate cut-off: {references}. | other: The vote left {count} applications tied across the laureate cut-off: {references}.",
    "[count] one: Le vote a laissé {count} candidature à égalité à la limite des lauréats : {references}. | other: Le vote a laissé {count} candidatures à égalité à la limite des lauréats : {references}.",
    "[count] zero: لم يترك التصويت أي طلب متعادل عند حدّ الفائزين. | one: ترك التصويت طلبًا واحدًا متعادلًا عند حدّ الفائزين: {references}. | two: ترك التصويت طلبين متعادلين عند حدّ الفائزين: {references}. | few: ترك التصويت {count} طلبات متعادلة عند حدّ الفائزين: {references}. | many: ترك التصويت {count} طلبًا متعادلًا عند حدّ الفائزين: {references}. | other: ترك التصويت {count} طلب متعادل عند حدّ الفائزين: {references}.",
  ],
  "deliberation.tie_break_places": [
    "[count] one: One of them takes the last laureate place. | other: {count} of them take the last {count} laureate places.",
    "[count] one: L’une d’elles obtient la dernière place de lauréat. | other: {count} d’entre elles obtiennent les {count} dernières places de lauréat.",
    "[count] zero: لا يحصل أيّ منها على مركز. | one: يحصل واحد منها على آخر مركز للفائزين. | two: يحصل اثنان منها على آخر مركزين للفائزين. | few: يحصل {count} منها على آخر {count} مراكز للفائزين. | many: يحصل {count} منها على آخر {count} مركزًا للفائزين. | other: يحصل {count} منها على آخر {count} مركز للفائزين.",
  ],
  "deliberation.tie_break_by_lottery": [
    "The committed lottery settled it: each application’s ticket is the SHA-256 of “seed:reference”, and the smallest tickets take the places.",
    "Le tirage au sort engagé l’a tranchée : le ticket de chaque candidature est le SHA-256 de « graine:référence », et les plus petits tickets obtiennent les places.",
    "حسمت القرعة الملتزَم بها التعادل: تذكرة كل طلب هي SHA-256 للنص «البذرة:المرجع»، وتحصل أصغر التذاكر على المراكز.",
  ],
  "deliberation.tie_break_by_chair": [
    "The chair’s casting vote settled it.",
    "La voix prépondérante de la présidence l’a tranchée.",
    "حسم الصوتُ المرجِّح لرئيس الهيئة التعادلَ.",
  ],
  "deliberation.tie_break_by_runoff": [
    "[ballots] one: A run-off vote among the tied applications settled it ({ballots} ballot). | other: A run-off vote among the tied applications settled it ({ballots} ballots).",
    "[ballots] one: Un second tour entre les candidatures à égalité l’a tranchée ({ballots} bulletin). | other: Un second tour entre les candidatures à égalité l’a tranchée ({ballots} bulletins).",
    "[ballots] zero: حسمت جولة تصويت إضافية بين الطلبات المتعادلة التعادلَ (دون أوراق اقتراع). | one: حسمت جولة تصويت إضافية بين الطلبات المتعادلة التعادلَ (ورقة اقتراع واحدة). | two: حسمت جولة تصويت إضافية بين الطلبات المتعادلة التعادلَ (ورقتا اقتراع). | few: حسمت جولة تصويت إضافية بين الطلبات المتعادلة التعادلَ ({ballots} أوراق اقتراع). | many: حسمت جولة تصويت إضافية بين الطلبات المتعادلة التعادلَ ({ballots} ورقة اقتراع). | other: حسمت جولة تصويت إضافية بين الطلبات المتعادلة التعادلَ ({ballots} ورقة اقتراع).",
  ],
  "deliberation.tie_break_fallback_chair_conflicted": [
    "The chair has a conflict of interest with one of the tied applications, so the committed lottery decided instead.",
    "La présidence est en conflit d’intérêts avec l’une des candidatures à égalité : le tirage au sort engagé a donc tranché.",
    "لدى رئيس الهيئة تضارب مصالح مع أحد الطلبات المتعادلة، لذا حسمت القرعةُ الملتزَم بها التعادلَ بدلًا منه.",
  ],
  "deliberation.tie_break_fallback_no_chair": [
    "The jury has no chair, so the committed lottery decided instead.",
    "Le jury n’a pas de présidence : le tirage au sort engagé a donc tranché.",
    "ليس لهيئة التحكيم رئيس، لذا حسمت القرعةُ الملتزَم بها التعادلَ.",
  ],
  "deliberation.tie_break_fallback_runoff_tied": [
    "The run-off still left a tie, which the committed lottery settled.",
    "Le second tour a encore laissé une égalité, que le tirage au sort engagé a tranchée.",
    "بقي تعادل بعد الجولة الإضافية، فحسمته القرعة الملتزَم بها.",
  ],
  "deliberation.tie_break_winners": [
    "Laureate places go to: {references}.",
    "Les places de lauréat reviennent à : {references}.",
    "تذهب مراكز الفائزين إلى: {references}.",
  ],
  "deliberation.tie_break_awaiting_cast": [
    "Waiting for the chair’s casting vote.",
    "En attente de la voix prépondérante de la présidence.",
    "في انتظار الصوت المرجِّح لرئيس الهيئة.",
  ],
  "deliberation.tie_break_runoff_open": [
    "A run-off vote of the jury among the tied applications is open.",
    "Un second tour de vote du jury entre les candidatures à égalité est ouvert.",
    "جولة تصويت إضافية لهيئة التحكيم بين الطلبات المتعادلة مفتوحة.",
  ],
  "deliberation.tie_break_unsettled": [
    "The decision was recorded before the tie-break could act.",
    "La décision a été enregistrée avant que le départage ne puisse agir.",
    "سُجّل القرار قبل أن يُطبَّق كسر التعادل.",
  ],
  "deliberation.lottery_caption": [
    "Lottery tickets, smallest first",
    "Tickets du tirage, du plus petit au plus grand",
    "تذاكر القرعة، من الأصغر إلى الأكبر",
  ],
  "deliberation.col_ticket": [
    "Ticket: SHA-256 of “seed:reference”",
    "Ticket : SHA-256 de « graine:référence »",
    "التذكرة: SHA-256 للنص «البذرة:المرجع»",
  ],
  // --- the chair's casting vote
  "deliberation.cast_title": ["Your casting vote", "Votre voix prépondérante", "صوتك المرجِّح"],
  "deliberation.cast_help": [
    "[count] one: The vote left these applications tied at the laureate cut-off, and the rule fixed before the vote gives the decision to you. Tick the one that takes the last laureate place. | other: The vote left these applications tied at the laureate cut-off, and the rule fixed before the vote gives the decision to you. Tick the {count} that take the last {count} laureate places.",
    "[count] one: Le vote a laissé ces candidatures à égalité à la limite des lauréats, et la règle fixée avant le vote vous confie la décision. Cochez celle qui obtient la dernière place de lauréat. | other: Le vote a laissé ces candidatures à égalité à la limite des lauréats, et la règle fixée avant le vote vous confie la décision. Cochez les {count} qui obtiennent les {count} dernières places de lauréat.",
    "[count] zero: ترك التصويت هذه الطلبات متعادلة عند حدّ الفائزين، ولا يبقى أي مركز لتختاره. | one: ترك التصويت هذه الطلبات متعادلة عند حدّ الفائزين، والقاعدة المحدَّدة قبل التصويت تجعل القرار لك. اختر الطلب الذي يحصل على آخر مركز للفائزين. | two: ترك التصويت هذه الطلبات متعادلة عند حدّ الفائزين، والقاعدة المحدَّدة قبل التصويت تجعل القرار لك. اختر الطلبين اللذين يحصلان على آخر مركزين للفائزين. | few: ترك التصويت هذه الطلبات متعادلة عند حدّ الفائزين، والقاعدة المحدَّدة قبل التصويت تجعل القرار لك. اختر {count} طلبات تحصل على آخر {count} مراكز للفائزين. | many: ترك التصويت هذه الطلبات متعادلة عند حدّ الفائزين، والقاعدة المحدَّدة قبل التصويت تجعل القرار لك. اختر {count} طلبًا تحصل على آخر {count} مركزًا للفائزين. | other: ترك التصويت هذه الطلبات متعادلة عند حدّ الفائزين، والقاعدة المحدَّدة قبل التصويت تجعل القرار لك. اختر {count} طلب تحصل على آخر {count} مركز للفائزين.",
  ],
  "deliberation.cast_legend": [
    "Applications tied at the cut-off",
    "Candidatures à égalité à la limite",
    "الطلبات المتعادلة عند الحدّ",
  ],
  "deliberation.cast_submit": ["Cast the deciding vote", "Exprimer la voix prépondérante", "الإدلاء بالصوت المرجِّح"],
  "deliberation.cast_saved": [
    "Your casting vote is recorded.",
    "Votre voix prépondérante est enregistrée.",
    "سُجّل صوتك المرجِّح.",
  ],
  // --- the jury's run-off
  "deliberation.runoff_title": ["Run-off vote", "Second tour de vote", "جولة التصويت الإضافية"],
  "deliberation.runoff_help": [
    "The vote left a tie at the laureate cut-off. Rank the tied applications again: 1 for your first choice; give the same number to applications you cannot separate.",
    "Le vote a laissé une égalité à la limite des lauréats. Classez à nouveau les candidatures à égalité : 1 pour votre premier choix ; donnez le même numéro aux candidatures que vous ne pouvez pas départager.",
    "أسفر التصويت عن تعادل عند حدّ الفائزين. رتّب الطلبات المتعادلة من جديد: 1 لاختيارك الأول، وأعطِ الرقم نفسه للطلبات التي لا يمكنك التفريق بينها.",
  ],
  "deliberation.runoff_submit": ["Cast my run-off ballot", "Voter au second tour", "الإدلاء بورقتي في الجولة الإضافية"],
  "deliberation.runoff_saved": [
    "Your run-off ballot is recorded. You can change it until the run-off closes.",
    "Votre bulletin du second tour est enregistré. Vous pouvez le modifier jusqu’à la clôture du second tour.",
    "سُجّلت ورقتك في الجولة الإضافية. يمكنك تغييرها حتى إغلاق الجولة.",
  ],
  "deliberation.runoff_already": [
    "You have voted in the run-off. Submitting again replaces your ballot.",
    "Vous avez voté au second tour. Un nouvel envoi remplace votre bulletin.",
    "لقد صوّتّ في الجولة الإضافية. الإرسال مجددًا يستبدل ورقتك.",
  ],
  "deliberation.runoff_excluded": [
    "You have a conflict of interest with the tied applications: you do not vote in the run-off.",
    "Vous êtes en conflit d’intérêts avec les candidatures à égalité : vous ne votez pas au second tour.",
    "لديك تضارب مصالح مع الطلبات المتعادلة: لا تصوّت في الجولة الإضافية.",
  ],
  "deliberation.runoff_voters": [
    "[count] one: {count} juror has voted in the run-off. | other: {count} jurors have voted in the run-off.",
    "[count] one: {count} membre a voté au second tour. | other: {count} membres ont voté au second tour.",
    "[count] zero: لم يصوّت أي محكّم في الجولة الإضافية بعد. | one: صوّت محكّم واحد في الجولة الإضافية. | two: صوّت محكّمان في الجولة الإضافية. | few: صوّت {count} محكّمين في الجولة الإضافية. | many: صوّت {count} محكّمًا في الجولة الإضافية. | other: صوّت {count} محكّم في الجولة الإضافية.",
  ],
  "deliberation.runoff_close_title": ["Close the run-off", "Clore le second tour", "إغلاق الجولة الإضافية"],
  "deliberation.runoff_close_confirm": [
    "I confirm the run-off is closed: no juror can vote or change their vote afterwards",
    "Je confirme la clôture du second tour : aucun membre ne pourra plus voter ni modifier son vote",
    "أؤكد إغلاق الجولة الإضافية: لن يتمكن أي محكّم من التصويت أو تغيير صوته بعد ذلك",
  ],
  "deliberation.runoff_closed_notice": ["The run-off is closed.", "Le second tour est clos.", "أُغلقت الجولة الإضافية."],
  "deliberation.runoff_tally_title": ["Tally of the run-off", "Dépouillement du second tour", "فرز الجولة الإضافية"],
  // --- the tally
  "deliberation.tally_title": ["How the votes were counted", "Comment les votes ont été comptés", "كيف فُرزت الأصوات"],
  "deliberation.tally_intro": [
    "The Schulze method compares the applications two by two. For each pair it counts how many jurors ranked one above the other. An application that wins all its comparisons comes first; where wins go round in a circle (A beats B, B beats C, C beats A), the strongest chain of wins decides.",
    "La méthode de Schulze compare les candidatures deux à deux. Pour chaque paire, elle compte combien de membres ont classé l’une avant l’autre. Une candidature qui gagne toutes ses comparaisons arrive en tête ; quand les victoires tournent en rond (A bat B, B bat C, C bat A), c’est la chaîne de victoires la plus forte qui décide.",
    "تقارن طريقة شولتسه الطلبات اثنين اثنين، ولكل زوج تعدّ كم محكّمًا رتّب أحدهما قبل الآخر. الطلب الذي يفوز في جميع مقارناته يأتي أولًا؛ وحين تدور الانتصارات في حلقة (أ يتفوق على ب، وب على ج، وج على أ)، تحسم الأمرَ أقوى سلسلة من الانتصارات.",
  ],
  "deliberation.pairwise_caption": [
    "Jurors who preferred the application of the row to the application of the column",
    "Membres ayant préféré la candidature de la ligne à celle de la colonne",
    "عدد المحكّمين الذين فضّلوا طلب الصف على طلب العمود",
  ],
  "deliberation.pairwise_help": [
    "Read across: row A, column B is the number of jurors who ranked A above B. A beats B when this number is larger than the one in row B, column A.",
    "Lecture : ligne A, colonne B, le nombre de membres qui ont classé A avant B. A bat B quand ce nombre dépasse celui de la ligne B, colonne A.",
    "طريقة القراءة: الخانة في الصف أ والعمود ب هي عدد المحكّمين الذين رتّبوا أ قبل ب. يتفوق أ على ب حين يكون هذا العدد أكبر من العدد في الصف ب والعمود أ.",
  ],
  "deliberation.paths_caption": [
    "Strength of the strongest chain of wins from the application of the row to the application of the column",
    "Force de la plus forte chaîne de victoires de la candidature de la ligne à celle de la colonne",
    "قوة أقوى سلسلة انتصارات من طلب الصف إلى طلب العمود",
  ],
  "deliberation.paths_help": [
    "A chain “A beats C, C beats B” is as strong as its weakest win. A ranks above B when its strongest chain to B is stronger than B’s chain back to A; 0 means there is no chain.",
    "Une chaîne « A bat C, C bat B » vaut sa victoire la plus faible. A est classée avant B quand sa plus forte chaîne vers B est plus forte que celle de B vers A ; 0 signifie qu’il n’y a pas de chaîne.",
    "قوة السلسلة «أ يتفوق على ج، وج يتفوق على ب» هي قوة أضعف انتصار فيها. يُرتَّب أ قبل ب حين تكون أقوى سلسلة له نحو ب أقوى من سلسلة ب نحو أ؛ ويعني 0 أنه لا توجد سلسلة.",
  ],
  "deliberation.tally_same": ["same application", "même candidature", "الطلب نفسه"],
  "deliberation.tally_exclusions_title": [
    "Comparisons a juror took no part in",
    "Comparaisons auxquelles un membre n’a pas pris part",
    "المقارنات التي لم يشارك فيها محكّم",
  ],
  "deliberation.tally_excluded": [
    "[count] one: {juror} took no part in the only comparison involving {references} (conflict of interest). | other: {juror} took no part in the {count} comparisons involving {references} (conflict of interest).",
    "[count] one: {juror} n’a pas pris part à la seule comparaison concernant {references} (conflit d’intérêts). | other: {juror} n’a pas pris part aux {count} comparaisons concernant {references} (conflit d’intérêts).",
    "[count] zero: لم يُستبعد {juror} من أي مقارنة تخص {references}. | one: لم يشارك {juror} في المقارنة الوحيدة التي تخص {references} (تضارب مصالح). | two: لم يشارك {juror} في المقارنتين اللتين تخصان {references} (تضارب مصالح). | few: لم يشارك {juror} في {count} مقارنات تخص {references} (تضارب مصالح). | many: لم يشارك {juror} في {count} مقارنةً تخص {references} (تضارب مصالح). | other: لم يشارك {juror} في {count} مقارنة تخص {references} (تضارب مصالح).",
  ],
  "deliberation.tally_no_exclusion": [
    "No juror was kept out of a comparison by a conflict of interest.",
    "Aucun membre n’a été écarté d’une comparaison pour conflit d’intérêts.",
    "لم يُستبعد أي محكّم من أي مقارنة بسبب تضارب المصالح.",
  ],
  // --- the tally in the minutes
  "deliberation.minutes_tally": ["Tally of the vote", "Dépouillement du vote", "فرز التصويت"],
  "deliberation.minutes_tally_heading": [
    "Tally of the vote (written from the ballots)",
    "Dépouillement du vote (établi à partir des bulletins)",
    "فرز التصويت (مُعَدّ من أوراق الاقتراع)",
  ],
  "deliberation.minutes_fairness": [
    "Fairness of the call, as summarised for the jury",
    "Équité de l’appel, telle que résumée pour le jury",
    "إنصاف الدعوة كما لُخِّص للجنة التحكيم",
  ],
  "deliberation.minutes_fairness_preview": [
    "The fairness of the call as your recommendation will record it, in your language, beside the tally of the vote:",
    "L’équité de l’appel telle que votre recommandation l’enregistrera, dans votre langue, à côté du dépouillement du vote :",
    "إنصاف الدعوة كما ستسجّله توصيتك، بلغتك، إلى جانب فرز التصويت:",
  ],
  "deliberation.minutes_order": [
    "Order of the vote: {references}.",
    "Ordre issu du vote : {references}.",
    "الترتيب الناتج عن التصويت: {references}.",
  ],
  "deliberation.minutes_pairs": [
    "Pair by pair, jurors preferring the first application to the second and the reverse, then the strongest chains of wins both ways:",
    "Paire par paire, les membres préférant la première candidature à la seconde et l’inverse, puis les plus fortes chaînes de victoires dans les deux sens :",
    "زوجًا زوجًا: عدد المحكّمين الذين فضّلوا الطلب الأول على الثاني والعكس، ثم أقوى سلاسل الانتصارات في الاتجاهين:",
  ],
  "deliberation.minutes_pair": [
    "{a} against {b}: {ab} to {ba}; chains {pab} to {pba}",
    "{a} contre {b} : {ab} contre {ba} ; chaînes {pab} contre {pba}",
    "{a} مقابل {b}: {ab} مقابل {ba}؛ السلاسل {pab} مقابل {pba}",
  ],
  "deliberation.minutes_rule": [
    "Tie-break rule fixed before the vote: {rule}.",
    "Règle de départage fixée avant le vote : {rule}.",
    "قاعدة كسر التعادل المحدَّدة قبل التصويت: {rule}.",
  ],
  "deliberation.minutes_commitment": [
    "Fingerprint of the lottery seed (SHA-256): {commitment}.",
    "Empreinte de la graine du tirage (SHA-256) : {commitment}.",
    "بصمة بذرة القرعة (SHA-256): {commitment}.",
  ],
  "deliberation.minutes_seed": [
    "Lottery seed, revealed after the vote: {seed}.",
    "Graine du tirage, révélée après le vote : {seed}.",
    "بذرة القرعة، المكشوفة بعد التصويت: {seed}.",
  ],
  "deliberation.minutes_ticket": [
    "Lottery ticket of {reference}: {ticket}.",
    "Ticket du tirage de {reference} : {ticket}.",
    "تذكرة القرعة للطلب {reference}: {ticket}.",
  ],
  // --- errors
  "errors.tie_break_required": [
    "Choose how a tie would be settled",
    "Choisissez comment une égalité serait tranchée",
    "اختر طريقة حسم التعادل",
  ],
  "errors.tie_break_locked": [
    "The tie-break rule can no longer change: the ballot is open",
    "La règle de départage ne peut plus changer : le scrutin est ouvert",
    "لم يعد بالإمكان تغيير قاعدة كسر التعادل: الاقتراع مفتوح",
  ],
  "errors.tie_break_not_now": [
    "There is no tie waiting for your casting vote",
    "Aucune égalité n’attend votre voix prépondérante",
    "لا يوجد تعادل ينتظر صوتك المرجِّح",
  ],
  "errors.tie_break_pending": [
    "The tie at the laureate cut-off is not settled yet: wait for the casting vote or the run-off",
    "L’égalité à la limite des lauréats n’est pas encore tranchée : attendez la voix prépondérante ou le second tour",
    "لم يُحسم التعادل عند حدّ الفائزين بعد: انتظر الصوت المرجِّح أو الجولة الإضافية",
  ],
  "errors.cast_choice_required": ["Tick an application", "Cochez une candidature", "اختر طلبًا"],
  "errors.cast_choice_invalid": [
    "Choose among the tied applications only",
    "Choisissez uniquement parmi les candidatures à égalité",
    "اختر من بين الطلبات المتعادلة فقط",
  ],
  "errors.cast_count": [
    "[count] one: Tick exactly {count} application | other: Tick exactly {count} applications",
    "[count] one: Cochez exactement {count} candidature | other: Cochez exactement {count} candidatures",
    "[count] zero: لا تختر أي طلب | one: اختر طلبًا واحدًا فقط | two: اختر طلبين فقط | few: اختر {count} طلبات بالضبط | many: اختر {count} طلبًا بالضبط | other: اختر {count} طلب بالضبط",
  ],
  "errors.runoff_closed": ["The run-off is closed", "Le second tour est clos", "الجولة الإضافية مغلقة"],
} as const satisfies Triples;

export const deliberationMessages = byLanguage(deliberationTriples);

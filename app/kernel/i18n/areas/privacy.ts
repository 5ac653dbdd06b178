// Messages of the privacy notice: what personal data this system holds, why, who sees it and how
// to ask for a copy, a correction or an erasure. Each key holds its English, French and Arabic
// texts side by side (see ../triples.ts). The notice describes what the application does today:
// a promise here must match a feature, or say that a person handles it.
import { byLanguage, type Triples } from "../triples";

export const privacyTriples = {
  "privacy.title": ["Privacy notice", "Avis de confidentialité", "إشعار الخصوصية"],
  "privacy.lead": [
    "This page explains, in plain words, what personal data this website keeps about you, why, who can see it, and what you can ask for.",
    "Cette page explique simplement quelles données personnelles ce site conserve à votre sujet, pourquoi, qui peut les voir et ce que vous pouvez demander.",
    "تشرح هذه الصفحة بكلمات بسيطة البيانات الشخصية التي يحتفظ بها هذا الموقع عنك، ولماذا، ومن يمكنه الاطلاع عليها، وما يحق لك طلبه.",
  ],
  "privacy.controller_title": ["Who is responsible", "Qui est responsable", "الجهة المسؤولة"],
  "privacy.controller_text": [
    "UNESCO is responsible for your data. The prize secretariat, part of UNESCO, runs this website and answers your questions about your data.",
    "L’UNESCO est responsable de vos données. Le secrétariat du prix, qui fait partie de l’UNESCO, gère ce site et répond à vos questions sur vos données.",
    "اليونسكو هي الجهة المسؤولة عن بياناتك. وتتولى أمانة الجائزة، وهي جزء من اليونسكو، إدارة هذا الموقع والإجابة عن أسئلتك المتعلقة ببياناتك.",
  ],
  "privacy.held_title": ["What we keep", "Ce que nous conservons", "ما نحتفظ به"],
  "privacy.held_everyone": [
    "For everyone with an account: your name, e-mail address, preferred language, your roles and when the account was created.",
    "Pour toute personne ayant un compte : votre nom, votre adresse électronique, votre langue préférée, vos rôles et la date de création du compte.",
    "لكل من لديه حساب: اسمك وعنوان بريدك الإلكتروني ولغتك المفضلة وأدوارك وتاريخ إنشاء الحساب.",
  ],
  "privacy.held_applicants": [
    "Applicants: the contact details you give, the content of your application, the files you attach, and the state of the application at each step.",
    "Candidats : les coordonnées que vous indiquez, le contenu de votre candidature, les fichiers joints et l’état de la candidature à chaque étape.",
    "المتقدّمون: بيانات الاتصال التي تقدّمها، ومحتوى طلبك، والملفات التي ترفقها، وحالة الطلب في كل مرحلة.",
  ],
  "privacy.held_nominators": [
    "Nominators: the nominating body you belong to, the nomination letters you upload and your decisions on the applications sent to you.",
    "Entités de nomination : l’entité à laquelle vous appartenez, les lettres de nomination que vous déposez et vos décisions sur les candidatures reçues.",
    "جهات الترشيح: الجهة التي تنتمي إليها، وخطابات الترشيح التي ترفعها، وقراراتك بشأن الطلبات المرسلة إليك.",
  ],
  "privacy.held_jurors": [
    "Jurors: your jury profile (country, languages, expertise and, if given, gender), the conflicts of interest you declare, and your reviews with their scores and comments.",
    "Membres du jury : votre profil de juré (pays, langues, expertise et, s’il est indiqué, genre), les conflits d’intérêts que vous déclarez et vos évaluations, avec notes et commentaires.",
    "أعضاء لجنة التحكيم: ملفك بصفتك عضو تحكيم (البلد واللغات والخبرة والجنس إن ذُكر)، وتضارب المصالح الذي تصرّح به، وتقييماتك بدرجاتها وتعليقاتها.",
  ],
  "privacy.held_emails": [
    "The e-mails this website sends you: a copy of each is kept, to show what was sent and when.",
    "Les courriels que ce site vous envoie : une copie de chacun est conservée, pour montrer ce qui a été envoyé et quand.",
    "الرسائل الإلكترونية التي يرسلها إليك هذا الموقع: نحتفظ بنسخة من كل منها لبيان ما أُرسل ومتى.",
  ],
  "privacy.held_audit": [
    "The audit log: a record of who did what and when (for example, who sent or scored an application). It cannot be changed afterwards, so that the prize can show it was run fairly.",
    "Le journal d’audit : qui a fait quoi et quand (par exemple, qui a envoyé ou évalué une candidature). Il ne peut pas être modifié après coup, afin que le prix puisse démontrer qu’il a été mené équitablement.",
    "سجل التدقيق: سجل لمن قام بماذا ومتى (مثل من أرسل طلبًا أو قيّمه). ولا يمكن تعديله لاحقًا، حتى تتمكن الجائزة من إثبات نزاهة إجراءاتها.",
  ],
  "privacy.held_technical": [
    "Sign-in records: the browser of each signed-in device, and the network address of sign-in attempts, to stop password guessing. Two cookies keep you signed in and remember your language; there is no advertising or tracking.",
    "Les traces de connexion : le navigateur de chaque appareil connecté et l’adresse réseau des tentatives de connexion, pour empêcher de deviner les mots de passe. Deux cookies vous gardent connecté et retiennent votre langue ; il n’y a ni publicité ni pistage.",
    "سجلات تسجيل الدخول: متصفح كل جهاز سجّلت منه الدخول، وعنوان الشبكة لمحاولات تسجيل الدخول، لمنع تخمين كلمات المرور. وتُبقيك ملفّا تعريف ارتباط مسجَّلًا وتحفظان لغتك، ولا يوجد إعلان ولا تتبّع.",
  ],
  "privacy.why_title": ["Why", "Pourquoi", "لماذا"],
  "privacy.why_text": [
    "We use this data only to run the prize: to receive applications and nominations, check eligibility, organise the jury’s review, decide and announce the laureates, and keep a record that the process was fair. We do not sell it or use it for anything else.",
    "Nous utilisons ces données uniquement pour gérer le prix : recevoir les candidatures et les nominations, vérifier l’éligibilité, organiser l’évaluation par le jury, désigner et annoncer les lauréats, et garder la preuve d’un processus équitable. Nous ne les vendons pas et ne les utilisons à aucune autre fin.",
    "نستخدم هذه البيانات فقط لإدارة الجائزة: استلام الطلبات والترشيحات، والتحقق من الأهلية، وتنظيم تقييم لجنة التحكيم، واختيار الفائزين وإعلانهم، والاحتفاظ بسجل يثبت نزاهة الإجراءات. ولا نبيعها ولا نستخدمها لأي غرض آخر.",
  ],
  "privacy.who_title": ["Who sees what", "Qui voit quoi", "من يرى ماذا"],
  "privacy.who_secretariat": [
    "The prize secretariat sees everything it needs to run the prize, including the audit log.",
    "Le secrétariat du prix voit tout ce dont il a besoin pour gérer le prix, y compris le journal d’audit.",
    "ترى أمانة الجائزة كل ما تحتاج إليه لإدارة الجائزة، بما في ذلك سجل التدقيق.",
  ],
  "privacy.who_nominators": [
    "A nominating body sees the applications sent to it, and no others.",
    "Une entité de nomination voit les candidatures qui lui sont adressées, et aucune autre.",
    "ترى جهة الترشيح الطلبات المرسلة إليها فقط دون غيرها.",
  ],
  "privacy.who_jury": [
    "Jurors read the applications assigned to them, as they were nominated, including the project lead’s contact section. They do not see your account, your e-mails or applications they are not assigned to.",
    "Les membres du jury lisent les candidatures qui leur sont attribuées, telles qu’elles ont été nominées, y compris la section des coordonnées de la personne responsable du projet. Ils ne voient ni votre compte, ni vos courriels, ni les candidatures qui ne leur sont pas attribuées.",
    "يطّلع أعضاء لجنة التحكيم على الطلبات المسندة إليهم كما رُشّحت، بما في ذلك قسم بيانات الاتصال الخاص بقائد المشروع. ولا يرون حسابك ولا رسائلك الإلكترونية ولا الطلبات غير المسندة إليهم.",
  ],
  "privacy.who_gender": [
    "The gender you may declare for the project lead is only counted, to follow the balance of applications and laureates. It is never shown to the jury and plays no part in scoring.",
    "Le genre que vous pouvez déclarer pour la personne responsable du projet est seulement compté, pour suivre l’équilibre des candidatures et des lauréats. Il n’est jamais montré au jury et ne compte pas dans l’évaluation.",
    "لا يُستخدم جنس قائد المشروع الذي يمكنك التصريح به إلا في العدّ، لمتابعة التوازن بين الطلبات والفائزين. ولا يُعرض أبدًا على لجنة التحكيم ولا يدخل في التقييم.",
  ],
  "privacy.who_observers": [
    "Observers appointed for an edition can read how it was run, but cannot change anything.",
    "Les observateurs désignés pour une édition peuvent lire son déroulement, sans rien pouvoir modifier.",
    "يمكن للمراقبين المعيَّنين لدورة ما الاطلاع على سير إجراءاتها دون أن يتمكنوا من تغيير أي شيء.",
  ],
  "privacy.public_title": ["What is public", "Ce qui est public", "ما هو علني"],
  "privacy.public_text": [
    "Once the laureates are announced, the laureates page shows the winning projects, their organisations and countries, and each laureate’s diploma can be downloaded. Nothing about other applications is published.",
    "Une fois les lauréats annoncés, la page des lauréats présente les projets primés, leurs organisations et leurs pays, et le diplôme de chaque lauréat peut être téléchargé. Rien n’est publié sur les autres candidatures.",
    "بعد إعلان الفائزين، تعرض صفحة الفائزين المشاريع الفائزة ومؤسساتها وبلدانها، ويمكن تنزيل شهادة كل فائز. ولا يُنشر أي شيء عن الطلبات الأخرى.",
  ],
  "privacy.keep_title": ["How long we keep it", "Combien de temps nous la conservons", "مدة الاحتفاظ بها"],
  "privacy.keep_text": [
    "The prize secretariat decides how long data is kept after an edition ends. Nothing is deleted automatically: erasure is done by the secretariat when you ask for it, or when it decides the data is no longer needed.",
    "Le secrétariat du prix fixe la durée de conservation des données après la fin d’une édition. Rien n’est effacé automatiquement : l’effacement est fait par le secrétariat quand vous le demandez, ou quand il juge que les données ne sont plus nécessaires.",
    "تحدّد أمانة الجائزة مدة الاحتفاظ بالبيانات بعد انتهاء الدورة. ولا يُحذف شيء تلقائيًا: تتولى الأمانة الحذف عندما تطلبه، أو عندما ترى أن البيانات لم تعد لازمة.",
  ],
  "privacy.rights_title": ["What you can ask for", "Ce que vous pouvez demander", "ما يحق لك طلبه"],
  "privacy.rights_copy": [
    "A copy: once signed in, your account page lets you download everything this website holds about you, as one ZIP file.",
    "Une copie : une fois connecté, la page de votre compte vous permet de télécharger tout ce que ce site conserve à votre sujet, en un seul fichier ZIP.",
    "نسخة: بعد تسجيل الدخول، تتيح لك صفحة حسابك تنزيل كل ما يحتفظ به هذا الموقع عنك في ملف ZIP واحد.",
  ],
  "privacy.rights_correct": [
    "A correction: you can change your name and language on your account page, and your application while it is a draft. For anything else, write to the prize secretariat.",
    "Une rectification : vous pouvez modifier votre nom et votre langue sur la page de votre compte, et votre candidature tant qu’elle est un brouillon. Pour tout le reste, écrivez au secrétariat du prix.",
    "التصحيح: يمكنك تغيير اسمك ولغتك من صفحة حسابك، وتعديل طلبك ما دام مسودة. ولأي أمر آخر، راسل أمانة الجائزة.",
  ],
  "privacy.rights_erase": [
    "An erasure: write to the prize secretariat. It will erase what it can; the audit log and the record of a decided edition are kept, because they prove the prize was awarded fairly.",
    "Un effacement : écrivez au secrétariat du prix. Il effacera ce qui peut l’être ; le journal d’audit et le dossier d’une édition décidée sont conservés, car ils prouvent que le prix a été attribué équitablement.",
    "الحذف: راسل أمانة الجائزة، وستحذف ما يمكن حذفه؛ ويُحتفظ بسجل التدقيق وبسجل الدورة التي صدر قرارها، لأنهما يثبتان أن الجائزة مُنحت بنزاهة.",
  ],
  "privacy.rights_contact": [
    "To write to the prize secretariat, use the address given in the call for applications or reply to an e-mail the prize sent you.",
    "Pour écrire au secrétariat du prix, utilisez l’adresse indiquée dans l’appel à candidatures ou répondez à un courriel que le prix vous a envoyé.",
    "لمراسلة أمانة الجائزة، استخدم العنوان الوارد في الدعوة إلى تقديم الطلبات أو ردّ على رسالة أرسلتها إليك الجائزة.",
  ],
  "privacy.rules_title": ["The rules we follow", "Les règles que nous suivons", "القواعد التي نتّبعها"],
  "privacy.rules_text": [
    "UNESCO handles personal data under its Personal Data Protection Principles: data is used fairly, for a stated purpose, kept no longer than needed and kept safe. For applicants in the European Union, we also respect the rights the GDPR gives you: to a copy, a correction and an erasure of your data.",
    "L’UNESCO traite les données personnelles selon ses Principes de protection des données personnelles : utilisation loyale, dans un but annoncé, conservation limitée au nécessaire et en sécurité. Pour les candidats de l’Union européenne, nous respectons aussi les droits que vous donne le RGPD : obtenir une copie, la rectification et l’effacement de vos données.",
    "تعالج اليونسكو البيانات الشخصية وفق مبادئها لحماية البيانات الشخصية: استخدام منصف ولغرض معلن، وعدم الاحتفاظ بها أكثر من اللازم، وحفظها بأمان. وبالنسبة إلى المتقدّمين في الاتحاد الأوروبي، نحترم أيضًا الحقوق التي تمنحك إياها اللائحة العامة لحماية البيانات: الحصول على نسخة من بياناتك وتصحيحها وحذفها.",
  ],
} as const satisfies Triples;

export const privacyMessages = byLanguage(privacyTriples);

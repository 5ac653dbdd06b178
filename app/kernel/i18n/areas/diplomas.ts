// Messages of the public diploma verification page and of the secretariat's revocation form.
// Each key holds its English, French and Arabic texts side by side (see ../triples.ts).
import { byLanguage, type Triples } from "../triples";

export const diplomasTriples = {
  "diplomas.title": ["Diploma verification", "Vérification d’un diplôme", "التحقق من شهادة"],
  "diplomas.genuine": [
    "Genuine: this diploma was issued for the UNESCO prize and its signature checks.",
    "Authentique : ce diplôme a été délivré pour le prix de l’UNESCO et sa signature est vérifiée.",
    "شهادة أصلية: صدرت هذه الشهادة للجائزة التابعة لليونسكو وتوقيعها سليم.",
  ],
  "diplomas.not_genuine": [
    "Warning: the signature of this diploma does not check. Do not rely on it and contact the prize secretariat.",
    "Attention : la signature de ce diplôme n’est pas vérifiée. Ne vous y fiez pas et contactez le secrétariat du prix.",
    "تحذير: توقيع هذه الشهادة غير سليم. لا تعتمد عليها وتواصل مع أمانة الجائزة.",
  ],
  "diplomas.revoked": [
    "Revoked: this diploma was withdrawn on {date}.",
    "Révoqué : ce diplôme a été retiré le {date}.",
    "ملغاة: سُحبت هذه الشهادة في {date}.",
  ],
  "diplomas.revoked_reason": ["Reason:", "Motif :", "السبب:"],
  "diplomas.facts": ["What the diploma states", "Ce qu’atteste le diplôme", "ما تشهد به الشهادة"],
  "diplomas.fact_laureate": ["Laureate", "Lauréat", "الفائز"],
  "diplomas.fact_project": ["Project", "Projet", "المشروع"],
  "diplomas.fact_country": ["Country", "Pays", "البلد"],
  "diplomas.fact_edition": ["Edition", "Édition", "الدورة"],
  "diplomas.fact_announced": ["Announced on", "Annoncé le", "أُعلن في"],
  "diplomas.fact_code": ["Verification code", "Code de vérification", "رمز التحقق"],
  "diplomas.signature_title": ["Signature", "Signature", "التوقيع"],
  "diplomas.statement": [
    "The signed statement (canonical JSON, RFC 8785), byte for byte:",
    "La déclaration signée (JSON canonique, RFC 8785), octet pour octet :",
    "البيان الموقّع (JSON قانوني وفق RFC 8785) حرفًا بحرف:",
  ],
  "diplomas.signature": [
    "Its Ed25519 signature (base64):",
    "Sa signature Ed25519 (base64) :",
    "توقيعه بخوارزمية Ed25519 ‏(base64):",
  ],
  "diplomas.key": [
    "Signed with the key {id}; every key the prize has used is published at",
    "Signée avec la clé {id} ; toutes les clés utilisées par le prix sont publiées à l’adresse",
    "موقّع بالمفتاح {id}؛ جميع المفاتيح التي استخدمتها الجائزة منشورة على العنوان",
  ],
  "diplomas.offline_title": ["Check it yourself", "Vérifiez vous-même", "تحقّق بنفسك"],
  "diplomas.offline_text": [
    "Anyone can check the signature without trusting this page: download the statement and the public key once, then run OpenSSL 3 offline. It prints “Signature Verified Successfully” for a genuine diploma.",
    "Chacun peut vérifier la signature sans se fier à cette page : téléchargez une fois la déclaration et la clé publique, puis lancez OpenSSL 3 hors ligne. Il affiche « Signature Verified Successfully » pour un diplôme authentique.",
    "يمكن لأي شخص التحقق من التوقيع دون الاعتماد على هذه الصفحة: نزّل البيان والمفتاح العام مرة واحدة، ثم شغّل OpenSSL 3 دون اتصال. يطبع «Signature Verified Successfully» للشهادة الأصلية.",
  ],
  "diplomas.badge": [
    "Download the award as an Open Badges 3.0 credential (JSON)",
    "Télécharger la distinction comme attestation Open Badges 3.0 (JSON)",
    "تنزيل الجائزة كشارة Open Badges 3.0 ‏(JSON)",
  ],
  "diplomas.unknown": ["No such diploma", "Aucun diplôme de ce code", "لا توجد شهادة بهذا الرمز"],
  "diplomas.unknown_help": [
    "No diploma has this verification code. Check the code printed under the QR code of the diploma: 12 letters and digits.",
    "Aucun diplôme ne porte ce code de vérification. Vérifiez le code imprimé sous le code QR du diplôme : 12 lettres et chiffres.",
    "لا توجد شهادة تحمل رمز التحقق هذا. تحقّق من الرمز المطبوع تحت رمز QR في الشهادة: 12 حرفًا ورقمًا.",
  ],
  "diplomas.revoke_link": ["Revoke this diploma", "Révoquer ce diplôme", "إلغاء هذه الشهادة"],
  "diplomas.revoke_title": ["Revoke a diploma", "Révoquer un diplôme", "إلغاء شهادة"],
  "diplomas.revoke_lead": [
    "A revoked diploma stays on record: its verification page then says it was revoked, when and why, and its badge is no longer issued.",
    "Un diplôme révoqué reste enregistré : sa page de vérification indique alors qu’il a été révoqué, quand et pourquoi, et son badge n’est plus délivré.",
    "تبقى الشهادة الملغاة مسجّلة: تذكر صفحة التحقق منها أنها أُلغيت ومتى ولماذا، ولا تعود شارتها تُصدر.",
  ],
  "diplomas.revoke_reason": [
    "Reason (shown to anyone who checks the diploma)",
    "Motif (affiché à quiconque vérifie le diplôme)",
    "السبب (يظهر لكل من يتحقق من الشهادة)",
  ],
  "diplomas.revoke_continue": ["Continue", "Continuer", "متابعة"],
  "diplomas.revoke_confirm_text": [
    "Revoke diploma {code} of {laureate} ({year})? This cannot be undone.",
    "Révoquer le diplôme {code} de {laureate} ({year}) ? Cette action est définitive.",
    "هل تريد إلغاء الشهادة {code} الخاصة بـ {laureate} ({year})؟ لا يمكن التراجع عن ذلك.",
  ],
  "diplomas.revoke_confirm": ["Revoke the diploma", "Révoquer le diplôme", "إلغاء الشهادة"],
  "diplomas.revoke_back": ["Change the reason", "Modifier le motif", "تعديل السبب"],
  "diplomas.revoked_already": ["This diploma is revoked.", "Ce diplôme est révoqué.", "هذه الشهادة ملغاة."],
  "errors.revocation_reason_required": [
    "Give the reason for the revocation.",
    "Indiquez le motif de la révocation.",
    "اذكر سبب الإلغاء.",
  ],
  "errors.revocation_reason_long": [
    "The reason must be at most {max} characters.",
    "Le motif doit faire au plus {max} caractères.",
    "يجب ألا يتجاوز السبب {max} حرفًا.",
  ],
  "errors.diploma_unknown": ["This diploma does not exist.", "Ce diplôme n’existe pas.", "هذه الشهادة غير موجودة."],
  "errors.diploma_already_revoked": [
    "This diploma is already revoked.",
    "Ce diplôme est déjà révoqué.",
    "هذه الشهادة ملغاة بالفعل.",
  ],
} as const satisfies Triples;

export const diplomasMessages = byLanguage(diplomasTriples);

import { describe, expect, it } from "vitest";
import { catalogues } from "../../../../app/kernel/i18n/catalogues";

const en = catalogues.en as Record<string, string>;
const ar = catalogues.ar as Record<string, string>;
const keys = Object.keys(en);

describe("Arabic terminology", () => {
  it("an application is طلب: a message about applications and not nominations never calls it ترشيح", () => {
    const wrong = keys.filter((key) => {
      const english = en[key].toLowerCase();
      if (!/\bapplications?\b/.test(english) || /nominat|nominee/.test(english)) return false;
      // "طلب الترشيح" (an application for nomination) and "باب الترشيح" (the call) stay.
      return /ترشيح/.test(ar[key].replace(/(?:طلب(?:ات)?|باب) الترشيح/g, ""));
    });
    expect(wrong).toEqual([]);
  });

  it("the jury's screens call an application طلب, as the rest of the site does", () => {
    expect(ar["jury.application"]).toBe("الطلب");
    expect(ar["integrity.col_application"]).toBe("الطلب");
    expect(ar["jury.assignment.title"]).toBe("توزيع الطلبات على أعضاء لجنة التحكيم");
  });

  it("a juror is a member of the jury (عضو لجنة التحكيم), never محكّم or عضو تحكيم", () => {
    const wrong = keys.filter((key) => /محك|عضو (?:ال)?تحكيم|فريق التحكيم/.test(ar[key]));
    expect(wrong).toEqual([]);
    expect(ar["role.juror"]).toBe("عضو لجنة التحكيم");
  });
});

describe("French terminology", () => {
  it("an e-mail is a courriel in every French message, as most already say", () => {
    const fr = catalogues.fr as Record<string, string>;
    const wrong = keys.filter((key) => /(?<![\w{-])e-?mails?\b/i.test(fr[key].replace(/\{\w+\}/g, "")));
    expect(wrong).toEqual([]);
    expect(fr["editions.home.mail_failing"]).toContain("{count} courriels n’ont pas encore pu être envoyés");
  });

  it("a juror is a membre du jury in every French message, never a juré", () => {
    const fr = catalogues.fr as Record<string, string>;
    // \b is ASCII-only in JavaScript, so a letter on either side is ruled out explicitly.
    const wrong = keys.filter((key) => /(?<!\p{L})juré(e)?s?(?!\p{L})/iu.test(fr[key]));
    expect(wrong).toEqual([]);
    expect(fr["role.juror"]).toBe("Membre du jury");
    expect(fr["jury.dashboard.title"]).toBe("Votre travail de membre du jury");
  });

  it("every French message says désigner for nominating (an entité de désignation), never nominer", () => {
    const fr = catalogues.fr as Record<string, string>;
    const wrong = keys.filter((key) => /nomin/i.test(fr[key]));
    expect(wrong).toEqual([]);
    expect(fr["mail.application_received.body"]).toContain("demande que votre entité la désigne");
    expect(fr["applications.state.nominated"]).toBe("Désignée");
  });

  it("an NGO in official partnership is an ONG partenaire officielle, since ONG is feminine", () => {
    const fr = catalogues.fr as Record<string, string>;
    const wrong = keys.filter((key) => /ONG partenaires? officiel(?!le)/.test(fr[key]));
    expect(wrong).toEqual([]);
    expect(fr["entity_kind.ngo"]).toBe("ONG partenaire officielle de l’UNESCO");
  });

  it("a label and its value are joined by a colon with a space before it, as the catalogue writes it", () => {
    const fr = catalogues.fr as Record<string, string>;
    expect(fr["fields.labelled"]).toBe("{label} :");
    expect(en["fields.labelled"]).toBe("{label}:");
    expect(ar["fields.labelled"]).toBe("{label}:");
  });
});

// The reset page sends the reader to /login?reset=1 once their new password is saved: the sign-in
// page says so, as other pages say what the form before them did.
import { describe, expect, it } from "vitest";
import * as login from "../../../app/routes/login";
import type { Locale } from "../../../app/kernel/i18n";
import { request, run } from "../../fixtures/builders";
import { renderPage } from "../../support/render-page";

const args = (req: Request) => ({ request: req, params: {}, context: { clientAddress: "203.0.113.9" } });

async function loginPage(path: string, locale: Locale = "en") {
  const loaded = await run(() => login.loader(args(request(path)) as never));
  expect(loaded.status).toBe(200);
  return renderPage(login.default, { locale, data: loaded.body, path });
}

describe("the sign-in page after a password reset", () => {
  it("says the password has been changed, as a status, in each language", async () => {
    const texts = {
      en: "Your password has been changed. Sign in with your new password.",
      fr: "Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe.",
      ar: "تم تغيير كلمة المرور الخاصة بك. سجّل الدخول بكلمة المرور الجديدة.",
    };
    for (const [locale, text] of Object.entries(texts) as [Locale, string][]) {
      const html = await loginPage("/login?reset=1", locale);
      expect(html).toContain(`<p class="notice success" role="status">${text}</p>`);
    }
  });

  it("says nothing of a password when reached otherwise", async () => {
    expect(await loginPage("/login")).not.toContain("Your password has been changed");
    expect(await loginPage("/login?redirectTo=%2Fapplications")).not.toContain('role="status"');
  });
});

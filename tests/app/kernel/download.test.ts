// The one way a file leaves the server (app/kernel/server/download.server.ts): its name.
import { data } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { fileLoader, fileResponse, nameForType } from "../../../app/kernel/server/download.server";
import { profileLocale } from "../../../app/accounts/server/session.server";
import { localeCookie } from "../../../app/kernel/i18n/locale.server";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { cookieFor, makeUser, request } from "../../fixtures/builders";

describe("a downloaded file's name", () => {
  it("ends with its type's extension, and loses the characters that would disguise it", () => {
    expect(nameForType("annex.html", "application/pdf")).toBe("annex.html.pdf");
    expect(nameForType("Report.PDF", "application/pdf")).toBe("Report.PDF");
    expect(nameForType("scan.jpeg", "image/jpeg")).toBe("scan.jpeg");
    expect(nameForType("scan", "image/png")).toBe("scan.png");
    expect(nameForType("results.csv", "text/csv; charset=utf-8")).toBe("results.csv");
    const disposition = fileResponse({ bytes: "%PDF-", name: "\u202Efdp.exe", type: "application/pdf" }).headers.get(
      "Content-Disposition",
    );
    expect(disposition).toBe(`attachment; filename="fdp.exe.pdf"; filename*=UTF-8''fdp.exe.pdf`);
  });
});

describe("a file that could not be prepared (a lost worker)", () => {
  const lost = async (): Promise<Response> => {
    throw data({ computeFailed: true }, { status: 503 });
  };

  it("is explained in the signed-in person's profile language, over the cookie and Accept-Language", async () => {
    const user = await makeUser({ locale: "ar" });
    const lang = (await localeCookie.serialize("fr")).split(";")[0];
    const response = await fileLoader(
      lost,
      profileLocale,
    )({
      request: request("/diplomas/x", {
        cookie: `${await cookieFor(user.id)}; ${lang}`,
        headers: { "Accept-Language": "en" },
      }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Content-Language")).toBe("ar");
    expect(await response.text()).toBe(`${catalogues.ar["errors.file_unavailable"]}\n`);
  });

  it("is in the cookie's language for someone not signed in, or when the profile cannot be read", async () => {
    const lang = (await localeCookie.serialize("fr")).split(";")[0];
    const anonymous = await fileLoader(lost, profileLocale)({ request: request("/verify/key.pem", { cookie: lang }) });
    expect(anonymous.headers.get("Content-Language")).toBe("fr");
    const failing = async () => {
      throw new Error("database unavailable");
    };
    const unread = await fileLoader(lost, failing)({ request: request("/diplomas/x", { cookie: lang }) });
    expect(unread.status).toBe(503);
    expect(await unread.text()).toBe(`${catalogues.fr["errors.file_unavailable"]}\n`);
  });
});

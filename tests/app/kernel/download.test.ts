// The one way a file leaves the server (app/kernel/server/download.server.ts): its name.
import { data } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { fileLoader, fileResponse, nameForType } from "../../../app/kernel/server/download.server";
import { profileLocale } from "../../../app/accounts/server/session.server";
import { localeCookie } from "../../../app/kernel/i18n/locale.server";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import * as attachment from "../../../app/routes/attachments.$attachmentId";
import { addAttachment } from "../../../app/applications/models/attachment.server";
import { cookieFor, makeUser, request } from "../../fixtures/builders";
import { makeOpenEdition, startFor, tinyPdf } from "../../fixtures/applications";

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

describe("a refused file", () => {
  const refusedWith = (status: number) => async (): Promise<Response> => {
    throw data({ message: "errors.not_found" }, { status });
  };

  it("answers in the reader's language, as plain text, with its status", async () => {
    const user = await makeUser({ locale: "ar" });
    const response = await fileLoader(
      refusedWith(404),
      profileLocale,
    )({
      request: request("/attachments/x", { cookie: await cookieFor(user.id), headers: { "Accept-Language": "en" } }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("Content-Language")).toBe("ar");
    expect(await response.text()).toBe(`${catalogues.ar["errors.not_found"]}\n`);
    const lang = (await localeCookie.serialize("fr")).split(";")[0];
    const other = await fileLoader(refusedWith(400), profileLocale)({ request: request("/x", { cookie: lang }) });
    expect(other.status).toBe(400);
    expect(await other.text()).toBe(`${catalogues.fr["errors.bad_request"]}\n`);
    const odd = await fileLoader(refusedWith(500), profileLocale)({ request: request("/x", { cookie: lang }) });
    expect(odd.status).toBe(500);
    expect(await odd.text()).toBe(`${catalogues.fr["errors.unexpected"]}\n`);
    expect(odd.headers.get("Retry-After")).toBeNull();
  });

  it("that the reader may not read answers exactly as one that does not exist", async () => {
    const edition = makeOpenEdition();
    const owner = await makeUser();
    const applicationId = startFor(owner.id, edition.id);
    const added = await addAttachment({ applicationId, applicantId: owner.id, name: "a.pdf", bytes: tinyPdf() });
    if (!added.ok) throw new Error("upload refused");
    const stranger = await makeUser({ locale: "fr" });
    const cookie = await cookieFor(stranger.id);
    const answer = async (attachmentId: string) => {
      const response = await attachment.loader({
        request: request(`/attachments/${attachmentId}`, { cookie }),
        params: { attachmentId },
        context: {},
      });
      return { status: response.status, headers: [...response.headers], text: await response.text() };
    };
    const forbidden = await answer(added.attachmentId);
    expect(forbidden).toEqual(await answer("no-such-file"));
    expect(forbidden.status).toBe(404);
    expect(forbidden.text).toBe("Introuvable\n");
  });
});

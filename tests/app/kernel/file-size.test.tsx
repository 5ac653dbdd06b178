// One file size, in the reader's language and units, on every page that lists files: the
// applicant's attachments, the application as the nominator and the secretariat read it, and the
// jury's reading view.
import { describe, expect, it } from "vitest";
import { catalogues } from "../../../app/kernel/i18n/catalogues";
import { translate, type Locale, type Messages } from "../../../app/kernel/i18n";
import { formatFileSize } from "../../../app/kernel/components/file-size";
import { ApplicationView } from "../../../app/applications/components/view";
import { JuryReadingView } from "../../../app/jury/components/reading-view";
import * as attachmentsRoute from "../../../app/routes/applications.$applicationId.attachments";
import { addAttachment } from "../../../app/applications/models/attachment.server";
import { cookieFor, makeUser, request, run } from "../../fixtures/builders";
import { makeOpenEdition, startFor, tinyPdf } from "../../fixtures/applications";
import { renderPage } from "../../support/render-page";

const tFor = (locale: Locale) =>
  Object.assign(
    (key: string, vars?: Record<string, string | number>) =>
      translate(catalogues[locale] as unknown as Messages, key, vars, locale),
    { locale },
  );
const size = (bytes: number, locale: Locale = "en") => formatFileSize(bytes, tFor(locale));
/** The page's text as read: React marks where two texts it joined met. */
const text = (html: string) => html.replaceAll("<!-- -->", "");

describe("a file's size", () => {
  it("is in bytes under a kilobyte, so a small file never reads 0 kB", () => {
    expect(size(329)).toBe("329 B");
    expect(size(1)).toBe("1 B");
    expect(size(1023)).toBe("1,023 B");
  });

  it("is in whole kilobytes under a megabyte, and in megabytes to one decimal beyond", () => {
    expect(size(1024)).toBe("1 kB");
    expect(size(150_000)).toBe("146 kB");
    expect(size(1024 * 1024 - 1)).toBe("1 MB");
    expect(size(10_000_000)).toBe("9.5 MB");
    expect(size(10 * 1024 * 1024)).toBe("10 MB");
  });

  it("is written with French and Arabic units and number formats", () => {
    expect(size(329, "fr")).toBe("329 o");
    expect(size(150_000, "fr")).toBe("146 ko");
    expect(size(10_000_000, "fr")).toBe("9,5 Mo");
    expect(size(329, "ar")).toBe("329 بايت");
    expect(size(150_000, "ar")).toBe("146 كيلوبايت");
    expect(size(10_000_000, "ar")).toMatch(/^9[.,٫]5 ميغابايت$/);
  });

  it("reads the same on the applicant's attachments, the nominator's view and the jury's", async () => {
    const edition = makeOpenEdition();
    const applicant = await makeUser();
    const applicationId = startFor(applicant.id, edition.id);
    const bytes = tinyPdf();
    expect(bytes.length).toBeLessThan(1024);
    const added = await addAttachment({ applicationId, applicantId: applicant.id, name: "small.pdf", bytes });
    if (!added.ok) throw new Error(added.error);
    const cookie = await cookieFor(applicant.id);
    const path = `/applications/${applicationId}/attachments`;
    const loaded = await run(() =>
      attachmentsRoute.loader({
        request: request(path, { cookie }),
        params: { applicationId },
        context: { clientAddress: "203.0.113.9" },
      } as never),
    );
    expect(loaded.status).toBe(200);
    const file = { id: "f1", originalName: "small.pdf", sizeBytes: bytes.length };
    for (const locale of ["en", "fr", "ar"] as const) {
      const expected = size(bytes.length, locale);
      const applicantPage = text(renderPage(attachmentsRoute.default, { locale, data: loaded.body, path }));
      expect(applicantPage).toContain(`PDF, ${expected}`);
      expect(applicantPage).not.toMatch(/\b0 K[Bo]\b/);
      const nominatorView = text(
        renderPage(
          () => <ApplicationView sections={[]} application={{ content: {}, attachments: [file], letter: file }} />,
          { locale, data: {} },
        ),
      );
      expect(nominatorView).toContain(`small.pdf\u2069 (${expected})`);
      expect(nominatorView).toContain(`PDF${locale === "ar" ? "،" : ","} ${expected})`);
      const juryView = text(
        renderPage(
          () => (
            <JuryReadingView
              content={{ sections: {} }}
              files={[{ id: "f1", name: "small.pdf", sizeBytes: bytes.length }]}
              letter={null}
              wording={null}
            />
          ),
          { locale, data: {} },
        ),
      );
      expect(juryView).toContain(`(${expected})`);
    }
  });
});

// A laureate's diploma as a PDF: for the laureate (the applicant) and the secretariat, after
// the announcement, until it is revoked. Anyone else, before, or after a revocation, gets the
// 404 of a page that does not exist.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorize, found, notFound, requireUser } from "../accounts/server/permissions.server";
import { formatDate, isLocale, localized, textsOf, translate, type Locale } from "../kernel/i18n";
import { countryName } from "../kernel/i18n/countries";
import { catalogues } from "../kernel/i18n/locale.server";
import { diplomaFor } from "../results/models/archive.server";
import { profileLocale } from "../accounts/server/session.server";
import { fileLoader, fileResponse } from "../kernel/server/download.server";
import { pdfDocument } from "../kernel/server/pdf.server";
import { qrCode } from "../kernel/server/qr.server";
import { siteOrigin } from "../kernel/server/site.server";
import { diplomaCodeOf, diplomaRevocationOf } from "../results/models/diploma-codes.server";

export const loader = fileLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  const diploma = found(diplomaFor({ applicationId: params.applicationId ?? "" }));
  authorize(user, "diploma.download", { ownerId: diploma.applicantId });
  // A revoked diploma is no longer given out: the laureate's page and /verify say why.
  if (diplomaRevocationOf({ applicationId: params.applicationId ?? "" })) notFound();
  // In the reader's language: English, French or Arabic (right to left).
  const locale: Locale = isLocale(user.locale) ? user.locale : "en";
  const tr = (key: string, vars?: Record<string, string | number>) => translate(catalogues[locale], key, vars);
  // Codes are issued with the decision; a diploma of an edition decided before they existed has
  // none until the scheduled job has issued it, and is printed without.
  const code = diplomaCodeOf({ applicationId: params.applicationId ?? "" });
  const verifyUrl = code ? `${siteOrigin()}/verify/${code}` : null;
  // What the laureate typed is laid out apart from the sentence around it (FSI … PDI): in the
  // Arabic diploma a Latin name's closing bracket would otherwise take the line's right-to-left
  // direction and be drawn mirrored at the other end of the name.
  const isolated = (text: string) => `\u2068${text}\u2069`;
  const pdf = await pdfDocument({
    title: tr("results.diploma_pdf_title", { year: diploma.year }),
    lang: locale,
    lines: [
      { text: tr("results.diploma_pdf_org"), size: 13, gap: 0 },
      { text: tr("results.diploma_pdf_prize"), size: 20, bold: true, gap: 14 },
      { text: tr("results.diploma_pdf_awarded"), size: 13, gap: 26 },
      { text: isolated(diploma.organisation || diploma.title), size: 24, bold: true, gap: 14 },
      { text: tr("results.diploma_pdf_project", { project: isolated(diploma.title) }), size: 14, gap: 14 },
      { text: countryName(diploma.country, locale), size: 12, gap: 8 },
      {
        text: tr("results.diploma_pdf_edition", {
          year: diploma.year,
          theme: isolated(localized(locale, textsOf(diploma, "theme"))),
        }),
        size: 13,
        gap: 22,
      },
      { text: formatDate(diploma.decisionDate ?? diploma.announcementAt!, locale), size: 12, gap: 10 },
    ],
    footer: { left: tr("results.diploma_pdf_dg"), right: tr("results.diploma_pdf_chair") },
    qr: verifyUrl ? { modules: qrCode(verifyUrl).modules, caption: verifyUrl } : undefined,
  });
  return fileResponse({ bytes: pdf, name: `diploma-${diploma.year}.pdf`, type: "application/pdf" });
}, profileLocale);

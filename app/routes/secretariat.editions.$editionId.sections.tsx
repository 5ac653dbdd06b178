import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireSecretariat } from "../accounts/server/permissions.server";
import { EditionListHead } from "../editions/components/edition-forms";
import { SectionWordingForm, SectionWordingList } from "../editions/components/section-wording";
import { useT } from "../kernel/components/i18n";
import { sectionWordingSchema } from "../editions/forms/edition.server";
import { fieldError, refused } from "../kernel/forms/validate.server";
import { editionOr404, editionPost } from "../editions/server/secretariat.server";
import { saveSectionWording, WORDING_EDITABLE } from "../editions/models/section-wording.server";
import { catalogues, resolveLocale } from "../kernel/i18n/locale.server";
import { LOCALES, type Locale } from "../kernel/i18n";
import { SECTION_KEYS, sectionText, sectionWordingOf, type SectionKey } from "../applications/domain/sections";
import editionsCss from "../styles/editions.css";
import { routeHead } from "../kernel/components/route-head";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("editions.sections_title", editionsCss);

/** The catalogue of one language as sectionText reads it. */
function catalogueOf(locale: Locale) {
  const messages = catalogues[locale] as Record<string, string>;
  return Object.assign((key: string) => messages[key] ?? key, { locale });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSecretariat(request);
  const { edition: e } = editionOr404(params.editionId);
  const edit = new URL(request.url).searchParams.get("edit");
  if (edit !== null && !(SECTION_KEYS as readonly string[]).includes(edit)) notFound();
  const wording = sectionWordingOf(e.sectionWording);
  const here = catalogueOf(await resolveLocale(request, user.locale));
  const editable = WORDING_EDITABLE.includes(e.phase);
  const key = edit as SectionKey | null;
  return {
    edition: { id: e.id, year: e.year, editable },
    rows: SECTION_KEYS.map((k) => ({
      key: k,
      title: sectionText(here, wording, k, "title"),
      prompt: sectionText(here, wording, k, "prompt"),
      own: !!wording[k],
    })),
    editing:
      key && editable
        ? {
            key,
            title: sectionText(here, wording, key, "title"),
            values: { section: key, ...wording[key] },
            // The default wording in each language, which an empty field keeps.
            defaults: Object.fromEntries(
              LOCALES.flatMap((locale) => {
                const lang = locale === "en" ? "En" : locale === "fr" ? "Fr" : "Ar";
                return (["title", "prompt"] as const).map((kind) => [
                  `${kind}${lang}`,
                  sectionText(catalogueOf(locale), null, key, kind),
                ]);
              }),
            ),
          }
        : null,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const form = await editionPost(request, params.editionId, sectionWordingSchema);
  if (!form.ok) return form.refusal;
  const { editionId, data } = form;
  const { editionId: _, section, ...texts } = data;
  const result = saveSectionWording({ actorId: user.id, editionId, section, texts });
  if (!result.ok) return refused(fieldError(result.field, result.error, result.vars), form.values);
  return redirect(`/secretariat/editions/${editionId}/sections?saved=1`);
});

export default function SectionWording() {
  const t = useT();
  const { edition, rows, editing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/secretariat/editions/${edition.id}/sections`;
  return (
    <>
      <EditionListHead editionId={edition.id} year={edition.year} title={t("editions.sections_title")} kind="section" />
      {edition.editable ? (
        <p>{t("editions.sections_intro")}</p>
      ) : (
        <p className="notice">{t("editions.sections_locked")}</p>
      )}
      {editing ? <SectionWordingForm editionId={edition.id} editing={editing} result={result} base={base} /> : null}
      <SectionWordingList rows={rows} base={base} editable={edition.editable} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requireSecretariat } from "../accounts/server/permissions.server";
import { EditionBackLink, RemoveConfirmation } from "../editions/components/edition-forms";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { levelsToText, parseLevels } from "../editions/forms/edition-values";
import { criterionSchema } from "../editions/forms/edition.server";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { formatNumber, localized, textsOf } from "../kernel/i18n";
import { getEditionForSecretariat, moveCriterion, removeCriterion, saveCriterion } from "../editions/models/edition.server";
import editionsCss from "../styles/editions.css";

export const handle = { title: "editions.criteria_title" };
export const links = () => [{ rel: "stylesheet", href: editionsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const found = getEditionForSecretariat({ editionId: params.editionId ?? "" });
  if (!found) notFound();
  const url = new URL(request.url);
  const editId = url.searchParams.get("edit");
  const removeId = url.searchParams.get("remove");
  const editing = editId ? found.criteria.find((c) => c.id === editId) : undefined;
  const removing = removeId ? found.criteria.find((c) => c.id === removeId) : undefined;
  if ((editId && !editing) || (removeId && !removing)) notFound();
  const e = found.edition;
  const totalWeight = found.criteria.reduce((sum, c) => sum + c.weight, 0);
  return {
    edition: { id: e.id, year: e.year, locked: !!e.lockedAt, scaleMin: e.scaleMin, scaleMax: e.scaleMax },
    criteria: found.criteria.map((c) => ({
      id: c.id,
      key: c.key,
      titleEn: c.titleEn,
      titleFr: c.titleFr,
      titleAr: c.titleAr,
      guidanceEn: c.guidanceEn,
      guidanceFr: c.guidanceFr,
      guidanceAr: c.guidanceAr,
      weight: c.weight,
      share: totalWeight > 0 ? c.weight / totalWeight : 0,
      levels: c.levelDescriptors.length,
    })),
    editing: editing
      ? {
          id: editing.id,
          values: {
            intent: "save",
            criterionId: editing.id,
            key: editing.key,
            titleEn: editing.titleEn,
            titleFr: editing.titleFr,
            titleAr: editing.titleAr ?? "",
            guidanceEn: editing.guidanceEn,
            guidanceFr: editing.guidanceFr,
            guidanceAr: editing.guidanceAr ?? "",
            weight: String(editing.weight),
            levelsEn: levelsToText(editing.levelDescriptors, "en"),
            levelsFr: levelsToText(editing.levelDescriptors, "fr"),
            levelsAr: levelsToText(editing.levelDescriptors, "ar"),
          },
        }
      : null,
    removing: removing ? { id: removing.id, titleEn: removing.titleEn, titleFr: removing.titleFr, titleAr: removing.titleAr } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSecretariat(request);
  const editionId = params.editionId ?? "";
  const found = getEditionForSecretariat({ editionId });
  if (!found) notFound();
  const form = await validateForm(request, criterionSchema);
  if (form.values.editionId !== undefined && form.values.editionId !== editionId) {
    return data({ errors: fieldError("form", "errors.edition_mismatch"), values: form.values }, { status: 400 });
  }
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const input = form.data;
  const base = `/secretariat/editions/${editionId}/criteria`;
  if (input.intent === "move") {
    const result = moveCriterion({ actorId: user.id, editionId, criterionId: input.criterionId, direction: input.direction });
    if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
    return redirect(base);
  }
  if (input.intent === "remove") {
    const result = removeCriterion({ actorId: user.id, editionId, criterionId: input.criterionId });
    if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
    return redirect(`${base}?removed=1`);
  }
  const levels = parseLevels({ en: input.levelsEn, fr: input.levelsFr, ar: input.levelsAr }, { min: found.edition.scaleMin, max: found.edition.scaleMax });
  if (!levels.ok) return data({ errors: fieldError(levels.field, levels.error, { min: found.edition.scaleMin, max: found.edition.scaleMax }), values: form.values }, { status: 400 });
  const result = saveCriterion({
    actorId: user.id,
    editionId,
    criterionId: input.criterionId || undefined,
    input: { ...input, levelDescriptors: levels.levels },
  });
  if (!result.ok) return data({ errors: fieldError(result.field, result.error), values: form.values }, { status: 400 });
  return redirect(`${base}?saved=1`);
}

function CriterionForm({ editionId, values, scale, result }: { editionId: string; values: Record<string, string>; scale: { min: number; max: number }; result: unknown }) {
  const t = useT();
  return (
    <ValidatedForm id="criterion" schema={() => import("../editions/forms/edition").then((m) => m.criterionSchema)} result={result as never} defaultValues={values}>
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="intent" value="save" />
      {values.criterionId ? <input type="hidden" name="criterionId" value={values.criterionId} /> : null}
      <TextField name="key" label={t("editions.criterion_key")} hint={t("editions.criterion_key_hint")} />
      <TextField name="weight" label={t("editions.criterion_weight")} hint={t("editions.criterion_weight_hint")} />
      <TextField name="titleEn" label={t("editions.criterion_title_en")} dirAuto />
      <TextField name="titleFr" label={t("editions.criterion_title_fr")} dirAuto />
      <TextField name="titleAr" label={t("editions.criterion_title_ar")} hint={t("editions.optional")} dirAuto />
      <TextField name="guidanceEn" label={t("editions.criterion_guidance_en")} multiline rows={3} dirAuto />
      <TextField name="guidanceFr" label={t("editions.criterion_guidance_fr")} multiline rows={3} dirAuto />
      <TextField name="guidanceAr" label={t("editions.criterion_guidance_ar")} hint={t("editions.optional")} multiline rows={3} dirAuto />
      <TextField name="levelsEn" label={t("editions.levels_en")} hint={t("editions.levels_hint", { min: scale.min, max: scale.max })} multiline rows={4} dirAuto />
      <TextField name="levelsFr" label={t("editions.levels_fr")} multiline rows={4} dirAuto />
      <TextField name="levelsAr" label={t("editions.levels_ar")} hint={t("editions.optional")} multiline rows={4} dirAuto />
      <div className="button-row">
        <SubmitButton>{t("editions.criterion_save")}</SubmitButton>
        {values.criterionId ? <Link to={`/secretariat/editions/${editionId}/criteria`}>{t("editions.cancel")}</Link> : null}
      </div>
    </ValidatedForm>
  );
}

export default function Criteria() {
  const t = useT();
  const { edition, criteria, editing, removing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const base = `/secretariat/editions/${edition.id}/criteria`;
  const pct = (share: number) => formatNumber(share, t.locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <>
      <EditionBackLink editionId={edition.id} year={edition.year} />
      <h1>{t("editions.criteria_title")}</h1>
      {params.get("saved") || params.get("removed") ? (
        <p className="notice success" role="status">
          {t(params.get("removed") ? "editions.removed" : "editions.criterion_saved")}
        </p>
      ) : null}
      {edition.locked ? <p className="notice">{t("editions.criteria_locked")}</p> : <p>{t("editions.criteria_intro")}</p>}
      {removing ? (
        <RemoveConfirmation
          title={t("editions.criterion_remove_title")}
          text={localized(t.locale, textsOf(removing, "title"))}
          confirmLabel={t("editions.criterion_remove_confirm")}
          editionId={edition.id}
          idField="criterionId"
          id={removing.id}
          result={result}
          cancelTo={base}
        />
      ) : null}
      {criteria.length === 0 ? (
        <p className="panel">{t("editions.criteria_empty")}</p>
      ) : (
        <ol className="editions-criteria">
          {criteria.map((c, index) => (
            <li key={c.id}>
              <h2 className="editions-criterion-title">
                <bdi>{localized(t.locale, textsOf(c, "title"))}</bdi>
              </h2>
              <p className="muted">
                {t("editions.criterion_weight_share", { weight: formatNumber(c.weight, t.locale), share: pct(c.share) })} · {t("editions.criterion_levels_count", { count: c.levels })}
              </p>
              {!edition.locked ? (
                <div className="button-row">
                  <Link to={`${base}?edit=${c.id}#criterion`}>
                    {t("editions.edit")}
                    <span className="visually-hidden"> {localized(t.locale, textsOf(c, "title"))}</span>
                  </Link>
                  {index > 0 ? (
                    <Form method="post" className="editions-inline-form">
                      <input type="hidden" name="editionId" value={edition.id} />
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="criterionId" value={c.id} />
                      <input type="hidden" name="direction" value="up" />
                      <button type="submit" className="link-button">
                        {t("editions.move_up")}
                        <span className="visually-hidden"> {localized(t.locale, textsOf(c, "title"))}</span>
                      </button>
                    </Form>
                  ) : null}
                  {index < criteria.length - 1 ? (
                    <Form method="post" className="editions-inline-form">
                      <input type="hidden" name="editionId" value={edition.id} />
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="criterionId" value={c.id} />
                      <input type="hidden" name="direction" value="down" />
                      <button type="submit" className="link-button">
                        {t("editions.move_down")}
                        <span className="visually-hidden"> {localized(t.locale, textsOf(c, "title"))}</span>
                      </button>
                    </Form>
                  ) : null}
                  <Link to={`${base}?remove=${c.id}`}>
                    {t("editions.remove")}
                    <span className="visually-hidden"> {localized(t.locale, textsOf(c, "title"))}</span>
                  </Link>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {!edition.locked && !removing ? (
        <>
          <h2 id="criterion-heading">{editing ? t("editions.criterion_edit_title") : t("editions.criterion_add_title")}</h2>
          <CriterionForm
            key={editing?.id ?? "new"}
            editionId={edition.id}
            values={editing?.values ?? { intent: "save", weight: "1" }}
            scale={{ min: edition.scaleMin, max: edition.scaleMax }}
            result={result}
          />
        </>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

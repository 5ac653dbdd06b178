import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { EditionListHead, RemoveConfirmation, TrilingualFields } from "../editions/components/edition-forms";
import { FieldRows, RowFieldError, type RowApi } from "../kernel/components/field-rows";
import { SubmitButton, TextField, ValidatedForm, type FormResult } from "../kernel/components/form";
import { PostForm, useT } from "../kernel/components/i18n";
import { LEVEL_KEYS, levelRows } from "../editions/forms/edition-values";
import { criterionSchema } from "../editions/forms/edition.server";
import { fieldError, refused } from "../kernel/forms/validate.server";
import { editionList, editionOr404, validateEditionPost } from "../editions/server/secretariat.server";
import { formatNumber, localized, textsOf, textValues } from "../kernel/i18n";
import { moveCriterion, removeCriterion, saveCriterion } from "../editions/models/edition.server";
import editionsCss from "../styles/editions.css";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "editions.criteria_title" };
export const links = () => [{ rel: "stylesheet", href: editionsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const { found, editing, removing } = editionList(request, params.editionId, "criteria");
  const e = found.edition;
  const scale = { min: e.scaleMin, max: e.scaleMax };
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
          levelRows: levelRows(editing.levelDescriptors, scale).count,
          values: {
            intent: "save",
            criterionId: editing.id,
            key: editing.key,
            ...textValues(editing, "title"),
            ...textValues(editing, "guidance"),
            weight: String(editing.weight),
            ...levelRows(editing.levelDescriptors, scale).values,
          },
        }
      : null,
    newLevelRows: levelRows([], scale).count,
    removing: removing ? { id: removing.id, texts: textsOf(removing, "title") } : null,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const editionId = params.editionId ?? "";
  const found = editionOr404(editionId);
  const scale = { min: found.edition.scaleMin, max: found.edition.scaleMax };
  const form = await validateEditionPost(request, editionId, criterionSchema(scale));
  if (!form.ok) return form.refusal;
  const input = form.data;
  const base = `/secretariat/editions/${editionId}/criteria`;
  if (input.intent === "move") {
    const result = moveCriterion({
      actorId: user.id,
      editionId,
      criterionId: input.criterionId,
      direction: input.direction,
    });
    if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
    return redirect(base);
  }
  if (input.intent === "remove") {
    const result = removeCriterion({ actorId: user.id, editionId, criterionId: input.criterionId });
    if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
    return redirect(`${base}?removed=1`);
  }
  const { levels, ...fields } = input;
  const result = saveCriterion({
    actorId: user.id,
    editionId,
    criterionId: input.criterionId || undefined,
    input: { ...fields, levelDescriptors: levels },
  });
  if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
  return redirect(`${base}?saved=1`);
});

const BLANK_LEVEL = Object.fromEntries(LEVEL_KEYS.map((key) => [key, ""]));

/** One level descriptor: a score and what it means in each language. */
function LevelRow({ row }: { row: RowApi }) {
  const t = useT();
  return (
    <fieldset className="editions-level">
      <legend>{t("editions.level_row", { number: row.index + 1 })}</legend>
      {LEVEL_KEYS.map((key) => {
        const props = row.input(key);
        const error = row.error(key);
        return (
          <div className={error ? "field has-error" : "field"} key={key}>
            <label htmlFor={props.id}>{t(`editions.level_${key}`)}</label>
            <RowFieldError inputId={props.id} error={error} />
            <input
              {...props}
              type="text"
              inputMode={key === "score" ? "numeric" : undefined}
              dir={key === "score" ? undefined : "auto"}
              className={error ? "input-error" : undefined}
            />
          </div>
        );
      })}
      {row.remove ? (
        <button type="button" className="link-button" onClick={row.remove}>
          {t("editions.level_remove", { number: row.index + 1 })}
        </button>
      ) : null}
    </fieldset>
  );
}

/** The error summary's names for the level rows' fields ("Level 2, In French") and for the list itself. */
function levelLabels(t: ReturnType<typeof useT>, rows: number): Record<string, string> {
  const labels: Record<string, string> = { levels: t("editions.levels_legend") };
  for (let index = 0; index < rows; index++)
    for (const key of LEVEL_KEYS)
      labels[`levels.${index}.${key}`] = t("editions.level_field", {
        level: t("editions.level_row", { number: index + 1 }),
        field: t(`editions.level_${key}`),
      });
  return labels;
}

function CriterionForm({
  editionId,
  values,
  levelCount,
  scale,
  result,
}: {
  editionId: string;
  values: Record<string, string>;
  levelCount: number;
  scale: { min: number; max: number };
  result: FormResult | null;
}) {
  const t = useT();
  // After a refused post the rows are the ones posted (JavaScript may have added or removed some).
  const posted = result?.values
    ? Object.keys(result.values).map((key) => Number(/^levels\.(\d+)\./.exec(key)?.[1] ?? -1) + 1)
    : [];
  const defaults = result?.values
    ? Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith("levels.")))
    : values;
  return (
    <ValidatedForm
      id="criterion"
      schema={() => import("../editions/forms/edition").then((m) => m.criterionSchema(scale))}
      result={result}
      defaultValues={defaults}
      labels={levelLabels(t, scale.max - scale.min + 1)}
    >
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="intent" value="save" />
      {values.criterionId ? <input type="hidden" name="criterionId" value={values.criterionId} /> : null}
      <TextField name="key" label={t("editions.criterion_key")} hint={t("editions.criterion_key_hint")} />
      <TextField name="weight" label={t("editions.criterion_weight")} hint={t("editions.criterion_weight_hint")} />
      <TrilingualFields name="title" label="editions.criterion_title" />
      <TrilingualFields name="guidance" label="editions.criterion_guidance" rows={3} />
      <fieldset className="field editions-level-list" aria-describedby="criterion-levels-hint">
        <legend>{t("editions.levels_legend")}</legend>
        <p className="hint" id="criterion-levels-hint">
          {t("editions.levels_hint", { min: scale.min, max: scale.max })}
        </p>
        <FieldRows
          name="levels"
          count={Math.max(result?.values ? 0 : levelCount, ...posted)}
          blank={BLANK_LEVEL}
          max={scale.max - scale.min + 1}
          addLabel={t("editions.level_add")}
        >
          {(row) => <LevelRow row={row} />}
        </FieldRows>
      </fieldset>
      <div className="button-row">
        <SubmitButton>{t("editions.criterion_save")}</SubmitButton>
        {values.criterionId ? (
          <Link to={`/secretariat/editions/${editionId}/criteria`}>{t("editions.cancel")}</Link>
        ) : null}
      </div>
    </ValidatedForm>
  );
}

/**
 * A criterion's actions: edit, move up or down (each a post of its own, so it works without
 * JavaScript) and remove. The criterion's title completes each action's name for a screen reader.
 */
function CriterionActions({
  editionId,
  criterionId,
  title,
  first,
  last,
}: {
  editionId: string;
  criterionId: string;
  title: string;
  first: boolean;
  last: boolean;
}) {
  const t = useT();
  const base = `/secretariat/editions/${editionId}/criteria`;
  const named = <span className="visually-hidden"> {title}</span>;
  const move = (direction: "up" | "down") => (
    <PostForm place={`move-${criterionId}-${direction}`} className="editions-inline-form">
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="criterionId" value={criterionId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className="link-button">
        {t(`editions.move_${direction}`)}
        {named}
      </button>
    </PostForm>
  );
  return (
    <div className="button-row">
      <Link to={`${base}?edit=${criterionId}#criterion`}>
        {t("editions.edit")}
        {named}
      </Link>
      {first ? null : move("up")}
      {last ? null : move("down")}
      <Link to={`${base}?remove=${criterionId}`}>
        {t("editions.remove")}
        {named}
      </Link>
    </div>
  );
}

export default function Criteria() {
  const t = useT();
  const { edition, criteria, editing, removing, newLevelRows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/secretariat/editions/${edition.id}/criteria`;
  const pct = (share: number) => formatNumber(share, t.locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <>
      <EditionListHead
        editionId={edition.id}
        year={edition.year}
        title={t("editions.criteria_title")}
        kind="criterion"
      />
      {edition.locked ? (
        <p className="notice">{t("editions.criteria_locked")}</p>
      ) : (
        <p>{t("editions.criteria_intro")}</p>
      )}
      {removing ? (
        <RemoveConfirmation
          kind="criterion"
          item={removing}
          editionId={edition.id}
          schema={() =>
            import("../editions/forms/edition").then((m) =>
              m.criterionSchema({ min: edition.scaleMin, max: edition.scaleMax }),
            )
          }
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
                {t("editions.criterion_weight_share", {
                  weight: formatNumber(c.weight, t.locale),
                  share: pct(c.share),
                })}{" "}
                · {t("editions.criterion_levels_count", { count: c.levels })}
              </p>
              {!edition.locked ? (
                <CriterionActions
                  editionId={edition.id}
                  criterionId={c.id}
                  title={localized(t.locale, textsOf(c, "title"))}
                  first={index === 0}
                  last={index === criteria.length - 1}
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {!edition.locked && !removing ? (
        <>
          <h2 id="criterion-heading">
            {editing ? t("editions.criterion_edit_title") : t("editions.criterion_add_title")}
          </h2>
          <CriterionForm
            key={editing?.id ?? "new"}
            editionId={edition.id}
            values={editing?.values ?? { intent: "save", weight: "1" }}
            levelCount={editing?.levelRows ?? newLevelRows}
            scale={{ min: edition.scaleMin, max: edition.scaleMax }}
            result={result ?? null}
          />
        </>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

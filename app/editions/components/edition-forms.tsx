// Pieces shared by the editions pages (no server code here: it runs in the browser too).
import { Link, useSearchParams } from "@remix-run/react";
import {
  Checkbox,
  defineFields,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  ValidatedForm,
  type FormResult,
  type SchemaLoader,
} from "../../kernel/components/form";
import { useT } from "../../kernel/components/i18n";
import { localized, type Texts } from "../../kernel/i18n";
import { textValues } from "../../kernel/i18n";
import { WORD_LIMIT_SECTIONS } from "../domain/settings";
import { toLocal } from "../../kernel/domain/paris-time";
import { METHODS } from "../../../scoring/types";
import { sectionByKey } from "../../applications/domain/sections";

const MB = 1024 * 1024;

export interface EditionSettingsValues {
  year: number;
  themeEn: string;
  themeFr: string;
  themeAr: string | null;
  callTextEn: string;
  callTextFr: string;
  callTextAr: string | null;
  callOpensAt: number;
  deadlineAt: number;
  scoringOpensAt: number;
  scoringClosesAt: number;
  announcementAt: number;
  laureateCount: number;
  quotaPerEntity: number;
  reviewersPerApplication: number;
  reminderDaysBefore: number;
  scaleMin: number;
  scaleMax: number;
  method: string;
  wordLimits: Record<string, number>;
  maxFileBytes: number;
  maxTotalBytes: number;
  maxPdfPages: number;
}

/** Form values (strings, dates in Paris wall-clock time) from an edition. */
export function settingsFormValues(e: EditionSettingsValues): Record<string, string> {
  const values: Record<string, string> = {
    year: String(e.year),
    ...textValues(e, "theme"),
    ...textValues(e, "callText"),
    callOpensAt: toLocal(e.callOpensAt),
    deadlineAt: toLocal(e.deadlineAt),
    scoringOpensAt: toLocal(e.scoringOpensAt),
    scoringClosesAt: toLocal(e.scoringClosesAt),
    announcementAt: toLocal(e.announcementAt),
    laureateCount: String(e.laureateCount),
    quotaPerEntity: String(e.quotaPerEntity),
    reviewersPerApplication: String(e.reviewersPerApplication),
    reminderDaysBefore: String(e.reminderDaysBefore),
    scaleMin: String(e.scaleMin),
    scaleMax: String(e.scaleMax),
    method: e.method,
    maxFileMb: String(Math.round(e.maxFileBytes / MB)),
    maxTotalMb: String(Math.round(e.maxTotalBytes / MB)),
    maxPdfPages: String(e.maxPdfPages),
  };
  for (const key of WORD_LIMIT_SECTIONS)
    values[`words_${key}`] = String(e.wordLimits[key] ?? sectionByKey(key)?.defaultWordLimit ?? "");
  return values;
}

/** The defaults of a new edition's form. */
export function newEditionDefaults(year: number): Record<string, string> {
  const values: Record<string, string> = {
    year: String(year),
    laureateCount: "2",
    quotaPerEntity: "3",
    // The prize's jury has five members: three readers each leave room for conflicts of interest.
    reviewersPerApplication: "3",
    reminderDaysBefore: "3",
    scaleMin: "1",
    scaleMax: "10",
    method: "jurorBias",
    maxFileMb: "10",
    maxTotalMb: "30",
    maxPdfPages: "100",
  };
  for (const key of WORD_LIMIT_SECTIONS) values[`words_${key}`] = String(sectionByKey(key)?.defaultWordLimit ?? "");
  return values;
}

/**
 * A text of the prize asked in its three languages, Arabic optional: the fields `${name}En`, `${name}Fr`
 * and `${name}Ar`, labelled by the messages `${label}_en`, `${label}_fr` and `${label}_ar`. With `rows`,
 * each is a text area of that height.
 */
export const TrilingualFields = defineFields(
  ({ name, label, rows }: { name: string; label: string; rows?: number }, t) => {
    const field = (suffix: "En" | "Fr" | "Ar", hint?: string) => {
      const props = { name: `${name}${suffix}`, label: t(`${label}_${suffix.toLowerCase()}`), hint };
      return rows === undefined ? <TextField {...props} dirAuto /> : <TextArea {...props} rows={rows} />;
    };
    return (
      <>
        {field("En")}
        {field("Fr")}
        {field("Ar", t("editions.optional"))}
      </>
    );
  },
);

/**
 * The settings form's fields; with `locked`, the scale and method are shown, not editable. With
 * `crowdedJury`, the jury's size, when every juror would have to score every application.
 */
export const EditionSettingsFields = defineFields(
  (
    {
      locked,
      lockedValues,
      crowdedJury,
    }: {
      locked: boolean;
      lockedValues?: { scaleMin: number; scaleMax: number; method: string };
      crowdedJury?: number | null;
    },
    t,
  ) => (
    <>
      <fieldset className="editions-group">
        <legend>{t("editions.group_general")}</legend>
        <TextField name="year" label={t("editions.year")} type="number" />
        <TrilingualFields name="theme" label="editions.theme" />
        <TrilingualFields name="callText" label="editions.call_text" rows={4} />
      </fieldset>
      <fieldset className="editions-group">
        <legend>{t("editions.group_dates")}</legend>
        <p className="hint">{t("editions.dates_hint")}</p>
        <TextField name="callOpensAt" label={t("editions.call_opens_at")} type="datetime-local" />
        <TextField
          name="deadlineAt"
          label={t("editions.deadline_at")}
          type="datetime-local"
          hint={t("editions.deadline_hint")}
        />
        <TextField name="scoringOpensAt" label={t("editions.scoring_opens_at")} type="datetime-local" />
        <TextField name="scoringClosesAt" label={t("editions.scoring_closes_at")} type="datetime-local" />
        <TextField
          name="reminderDaysBefore"
          label={t("editions.reminder_days")}
          hint={t("editions.reminder_days_hint")}
          type="number"
        />
        <TextField name="announcementAt" label={t("editions.announcement_at")} type="datetime-local" />
      </fieldset>
      <fieldset className="editions-group">
        <legend>{t("editions.group_jury")}</legend>
        <TextField name="laureateCount" label={t("editions.laureate_count")} type="number" />
        <TextField name="quotaPerEntity" label={t("editions.quota_per_entity")} type="number" />
        {crowdedJury ? (
          <p className="notice" id="reviewers-warning">
            {t("editions.reviewers_crowded", { count: crowdedJury })}
          </p>
        ) : null}
        <TextField
          name="reviewersPerApplication"
          label={t("editions.reviewers_per_application")}
          hint={t("editions.reviewers_hint")}
          type="number"
        />
        {locked && lockedValues ? (
          <>
            <p className="notice">{t("editions.locked_settings")}</p>
            <p>
              {/* The range reads left to right: in an Arabic sentence "1–10" would show "10–1". */}
              {t("fields.labelled", { label: t("editions.scale") })}{" "}
              <bdi dir="ltr">{`${lockedValues.scaleMin}–${lockedValues.scaleMax}`}</bdi>.{" "}
              {t("fields.labelled", { label: t("editions.method") })} {t(`editions.method_${lockedValues.method}`)}
            </p>
            <input type="hidden" name="scaleMin" value={lockedValues.scaleMin} />
            <input type="hidden" name="scaleMax" value={lockedValues.scaleMax} />
            <input type="hidden" name="method" value={lockedValues.method} />
          </>
        ) : (
          <>
            <TextField name="scaleMin" label={t("editions.scale_min")} type="number" />
            <TextField name="scaleMax" label={t("editions.scale_max")} type="number" />
            <SelectField
              name="method"
              label={t("editions.method")}
              hint={t("editions.method_hint")}
              options={METHODS.map((m) => ({ value: m, label: t(`editions.method_${m}`) }))}
            />
          </>
        )}
      </fieldset>
      <fieldset className="editions-group">
        <legend>{t("editions.group_limits")}</legend>
        <p className="hint">{t("editions.word_limits_hint")}</p>
        <div className="editions-grid">
          {WORD_LIMIT_SECTIONS.map((key) => (
            <TextField key={key} name={`words_${key}`} label={t(`editions.section_${key}`)} type="number" />
          ))}
        </div>
        <div className="editions-grid">
          <TextField name="maxFileMb" label={t("editions.max_file_mb")} type="number" />
          <TextField name="maxTotalMb" label={t("editions.max_total_mb")} type="number" />
          <TextField name="maxPdfPages" label={t("editions.max_pdf_pages")} type="number" />
        </div>
      </fieldset>
    </>
  ),
);

export function EditionBackLink({ editionId, year }: { editionId: string; year: number }) {
  const t = useT();
  return (
    <p>
      <Link to={`/secretariat/editions/${editionId}`}>{t("editions.back_to_edition", { year })}</Link>
    </p>
  );
}

/**
 * The head of an edition's list page (criteria, eligibility rules): the way back to the edition,
 * the title, and the notice after a saved or removed item (`?saved=1`, `?removed=1`).
 */
export function EditionListHead({
  editionId,
  year,
  title,
  kind,
}: {
  editionId: string;
  year: number;
  title: string;
  kind: "criterion" | "rule" | "section";
}) {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <>
      <EditionBackLink editionId={editionId} year={year} />
      <h1>{title}</h1>
      {params.get("saved") || params.get("removed") ? (
        <p className="notice success" role="status">
          {t(params.get("removed") ? "editions.removed" : `editions.${kind}_saved`)}
        </p>
      ) : null}
    </>
  );
}

/** The confirmation step before removing a criterion or an eligibility rule (works without JavaScript). */
export function RemoveConfirmation({
  kind,
  item,
  editionId,
  result,
  cancelTo,
  schema,
}: {
  kind: "criterion" | "rule" | "section";
  /** The item to remove, named by its texts (a criterion's title, a rule's text). */
  item: { id: string; texts: Texts };
  editionId: string;
  result?: FormResult | null;
  cancelTo: string;
  /** The page's own schema (the action checks a removal with it, among its other posts). */
  schema: SchemaLoader;
}) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="remove-title">
      <h2 id="remove-title">{t(`editions.${kind}_remove_title`)}</h2>
      <p>
        <bdi>{localized(t.locale, item.texts)}</bdi>
      </p>
      <ValidatedForm id="remove" result={result} schema={schema}>
        <input type="hidden" name="editionId" value={editionId} />
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name={`${kind}Id`} value={item.id} />
        <Checkbox name="confirm" label={t(`editions.${kind}_remove_confirm`)} />
        <div className="button-row">
          <SubmitButton>{t("editions.remove")}</SubmitButton>
          <Link to={cancelTo}>{t("editions.cancel")}</Link>
        </div>
      </ValidatedForm>
    </section>
  );
}

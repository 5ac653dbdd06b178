// The secretariat's editor of an edition's section wording: every section with the title and
// prompt applicants and readers see, and the form for one section's six texts (a blank text keeps
// the default wording, shown as the field's hint).
import { Link } from "@remix-run/react";
import { SubmitButton, TextArea, TextField, ValidatedForm, type FormResult } from "../../kernel/components/form";
import { useT } from "../../kernel/components/i18n";

export interface WordingRow {
  key: string;
  title: string;
  prompt: string;
  own: boolean;
}

export interface WordingEditing {
  key: string;
  title: string;
  values: Record<string, string>;
  defaults: Record<string, string>;
}

const FIELDS = ["titleEn", "titleFr", "titleAr", "promptEn", "promptFr", "promptAr"] as const;

export function SectionWordingList({ rows, base, editable }: { rows: WordingRow[]; base: string; editable: boolean }) {
  const t = useT();
  return (
    <ol className="editions-criteria">
      {rows.map((row) => (
        <li key={row.key}>
          <h2>
            <bdi>{row.title}</bdi>
          </h2>
          <p>
            <bdi>{row.prompt}</bdi>
          </p>
          <p className="muted">{t(row.own ? "editions.section_own" : "editions.section_default")}</p>
          {editable ? (
            <p>
              <Link to={`${base}?edit=${row.key}#section`}>
                {t("editions.edit")}
                <span className="visually-hidden"> {row.title}</span>
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function SectionWordingForm({
  editionId,
  editing,
  result,
  base,
}: {
  editionId: string;
  editing: WordingEditing;
  result: FormResult | undefined;
  base: string;
}) {
  const t = useT();
  return (
    <>
      <h2>{t("editions.section_edit_title", { section: editing.title })}</h2>
      <ValidatedForm
        key={editing.key}
        id="section"
        schema={() => import("../forms/edition").then((m) => m.sectionWordingSchema)}
        result={result}
        defaultValues={editing.values}
      >
        <input type="hidden" name="editionId" value={editionId} />
        <input type="hidden" name="section" value={editing.key} />
        {FIELDS.map((field) => {
          const kind = field.startsWith("title") ? "title" : "prompt";
          const props = {
            name: field,
            label: t(`editions.section_${kind}_${field.slice(-2).toLowerCase()}`),
            hint: t("editions.section_default_hint", { text: editing.defaults[field] }),
          };
          return kind === "title" ? (
            <TextField key={field} {...props} dirAuto />
          ) : (
            <TextArea key={field} {...props} rows={2} />
          );
        })}
        <div className="button-row">
          <SubmitButton>{t("editions.section_save")}</SubmitButton>
          <Link to={base}>{t("editions.cancel")}</Link>
        </div>
      </ValidatedForm>
    </>
  );
}

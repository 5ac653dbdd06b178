// The application as nominated (the frozen copy), for the jury: every section in order, with
// the attachments and the nomination letter. Printable; empty fields are left out to keep the
// page short, and so is the contact person (the loader does not send it: forJurors). Sections
// read in the edition's wording (sectionText), fields in the catalogue's.
import {
  promptedField,
  SECTIONS,
  sectionText,
  type ApplicationContent,
  type SectionWording,
} from "../../applications/domain/sections";
import { countryName } from "../../kernel/i18n/countries";
import { formatFileSize } from "../../kernel/components/file-size";
import { useT } from "../../kernel/components/i18n";

export interface ReadingViewProps {
  content: Record<string, unknown> | null;
  files: { id: string; name: string; sizeBytes: number }[];
  letter: { id: string; name: string } | null;
  /** The edition's own titles and prompts (sectionWordingOf), else the default wording. */
  wording?: SectionWording | null;
}

export function JuryReadingView({ content, files, letter, wording }: ReadingViewProps) {
  const t = useT();
  const sections = (content as ApplicationContent | null)?.sections ?? {};
  const label = (prefix: string, key: string) => t(`${prefix}.${key}`);
  return (
    <div className="jury-reading-view">
      {SECTIONS.map((section) => {
        const values = sections[section.key] ?? {};
        const shown = section.fields.filter((f) => !f.auditOnly && !f.contactOnly);
        const filled = shown.filter((f) => (values[f.key] ?? "").trim() !== "");
        const prompt = sectionText(t, wording, section.key, "prompt");
        const prompted = promptedField(section);
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`}>
            <h3 id={`section-${section.key}`}>{sectionText(t, wording, section.key, "title")}</h3>
            {prompted ? null : <p className="muted">{prompt}</p>}
            {shown.length < section.fields.length ? (
              <p className="muted">{t("jury.reading.contact_withheld")}</p>
            ) : null}
            {filled.length === 0 ? (
              shown.length === 0 ? null : (
                <p className="muted">{t("jury.reading.empty_section")}</p>
              )
            ) : (
              <dl className="jury-fields">
                {filled.map((field) => {
                  const value = values[field.key] ?? "";
                  return (
                    <div key={field.key}>
                      <dt>{field.key === prompted ? prompt : label("application.field", field.key)}</dt>
                      <dd dir="auto">
                        {field.kind === "country"
                          ? countryName(value, t.locale)
                          : field.kind === "select"
                            ? t(`application.option.${field.key}.${value}`)
                            : field.kind === "urls" || field.kind === "url"
                              ? value
                                  .split(/\s+/)
                                  .filter(Boolean)
                                  .map((u) => (
                                    <a key={u} href={u} rel="noopener noreferrer nofollow" className="jury-link">
                                      {u}
                                    </a>
                                  ))
                              : value}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            )}
          </section>
        );
      })}
      <section aria-labelledby="section-files">
        <h3 id="section-files">{t("jury.reading.files")}</h3>
        {files.length === 0 && !letter ? <p className="muted">{t("jury.reading.no_files")}</p> : null}
        <ul>
          {letter ? (
            <li>
              <a href={`/nomination-letters/${letter.id}`}>{t("jury.reading.letter")}</a> (<bdi>{letter.name}</bdi>)
            </li>
          ) : null}
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/attachments/${f.id}`}>
                <bdi>{f.name}</bdi>
              </a>{" "}
              ({formatFileSize(f.sizeBytes, t)})
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

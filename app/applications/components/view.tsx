// A full application, read-only and printable, from a content object: the applicant's current
// content for the nominating entity, or the frozen nominated content for the secretariat and
// the jury. User text is marked dir="auto" so a French title reads right inside an Arabic page.
import { promptedField, sectionText, type ApplicationContent, type SectionWording } from "../domain/sections";
import { formatFileSize } from "../../kernel/components/file-size";
import { countryName } from "../../kernel/i18n/countries";
import { useT } from "../../kernel/components/i18n";

/** A section as the view needs it: from viewSections() (application-view.server.ts), in a loader. */
export interface ViewSection {
  key: string;
  fields: { key: string; kind: string }[];
}

export interface ViewAttachment {
  id: string;
  originalName: string;
  sizeBytes: number;
}

function asContent(content: unknown): ApplicationContent {
  const c = (content ?? {}) as Partial<ApplicationContent>;
  return {
    sections: c.sections && typeof c.sections === "object" ? c.sections : {},
    completed: Array.isArray(c.completed) ? c.completed : [],
  };
}

export function ApplicationView({
  sections: definitions,
  wording,
  application: { content, attachments = [], letter = null },
  headingLevel = 2,
}: {
  sections: ViewSection[];
  /** The edition's own titles and prompts (sectionWordingOf), else the default wording. */
  wording?: SectionWording | null;
  application: { content: unknown; attachments?: ViewAttachment[]; letter?: ViewAttachment | null };
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const { sections } = asContent(content);
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="application-view">
      {definitions.map((section) => {
        const values = (sections as Record<string, Record<string, string>>)[section.key] ?? {};
        const prompt = sectionText(t, wording, section.key, "prompt");
        const prompted = promptedField(section);
        return (
          <section key={section.key} aria-labelledby={`view-${section.key}`}>
            <H id={`view-${section.key}`}>{sectionText(t, wording, section.key, "title")}</H>
            {prompted ? null : <p className="muted">{prompt}</p>}
            <dl className="summary">
              {section.fields.map((field) => {
                const raw = typeof values[field.key] === "string" ? values[field.key].trim() : "";
                const label = (
                  <dt key={`${field.key}-dt`}>
                    {field.key === prompted ? prompt : t(`application.field.${field.key}`)}
                  </dt>
                );
                if (!raw)
                  return [
                    label,
                    <dd key={field.key} className="muted">
                      {t("nominations.view.not_answered")}
                    </dd>,
                  ];
                if (field.kind === "country" || field.kind === "select")
                  return [
                    label,
                    <dd key={field.key}>
                      {field.kind === "country"
                        ? countryName(raw, t.locale)
                        : t(`application.option.${field.key}.${raw}`)}
                    </dd>,
                  ];
                if (field.kind === "urls" || field.kind === "url")
                  return [
                    label,
                    <dd key={field.key} className="view-links">
                      {raw
                        .split(/\s+/)
                        .filter(Boolean)
                        .map((u, i) =>
                          /^https?:\/\//i.test(u) ? (
                            <a key={i} href={u} rel="noopener noreferrer nofollow ugc" dir="ltr">
                              {u}
                            </a>
                          ) : (
                            <bdi key={i}>{u}</bdi>
                          ),
                        )}
                    </dd>,
                  ];
                return [
                  label,
                  <dd key={field.key} dir="auto" className={field.kind === "textarea" ? "view-text" : undefined}>
                    {raw}
                  </dd>,
                ];
              })}
            </dl>
          </section>
        );
      })}
      <section aria-labelledby="view-attachments">
        <H id="view-attachments">{t("nominations.view.attachments")}</H>
        {attachments.length === 0 ? (
          <p>{t("nominations.view.no_attachments")}</p>
        ) : (
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={`/attachments/${a.id}`} download>
                  {t("nominations.view.attachment_link", {
                    name: "\u2068" + a.originalName + "\u2069",
                    size: formatFileSize(a.sizeBytes, t),
                  })}
                </a>
              </li>
            ))}
          </ul>
        )}
        {letter ? (
          <>
            <H>{t("nominations.view.letter")}</H>
            <p>
              <a href={`/nomination-letters/${letter.id}`} download>
                {t("nominations.view.letter_link", { size: formatFileSize(letter.sizeBytes, t) })}
              </a>
            </p>
          </>
        ) : null}
      </section>
    </div>
  );
}

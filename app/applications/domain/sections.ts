// The application form's sections (UNESCO's 2015 form, then what later calls ask for), shared by
// the applicant's forms, the check-your-answers page and every reading view (nominator,
// secretariat, jury). Word limits are edition settings (editions.word_limits); these are the
// defaults. So are the sections' titles and prompts (editions.section_wording, see sectionText).

export type FieldKind = "text" | "textarea" | "email" | "url" | "tel" | "country" | "month" | "select" | "urls";

export interface SectionField {
  key: string;
  kind: FieldKind;
  required: boolean;
  /** For kind "select": the allowed values (labels: application.option.<field>.<value>). */
  options?: readonly string[];
  /** For textareas counted against the section's word limit. */
  counted?: boolean;
  /**
   * Asked only for the fairness audit, which counts it in groups of five or more: left out of
   * every reading view (nominating entity, secretariat, jury) and of what their loaders send.
   */
  auditOnly?: boolean;
  /**
   * The person to contact: read by the nominating entity and the secretariat, who write to them,
   * and left out of what the jury receives: jurors score the project, and need no one's phone.
   */
  contactOnly?: boolean;
}

export interface SectionDefinition {
  key: SectionKey;
  fields: readonly SectionField[];
  defaultWordLimit: number | null;
}

export const ORGANISATION_TYPES = [
  "national_government",
  "national_ngo",
  "international_ngo",
  "national_institution",
  "other",
] as const;

/**
 * The project lead's gender, optional. Empty is "not declared"; "prefer_not_to_say" and empty
 * are left out of the fairness audit's table.
 */
export const LEAD_GENDERS = ["woman", "man", "another", "prefer_not_to_say"] as const;
export const DECLARED_GENDERS: readonly string[] = ["woman", "man", "another"];

export const SECTION_KEYS = [
  "background",
  "contact",
  "organisation",
  "objectives",
  "technology",
  "pedagogy",
  "inclusion",
  "impact",
  "replicability",
  "sustainability",
  "links",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

const essay = (key: string): SectionField => ({ key, kind: "textarea", required: true, counted: true });

export const SECTIONS: readonly SectionDefinition[] = [
  {
    key: "background",
    defaultWordLimit: null,
    fields: [
      { key: "title", kind: "text", required: true },
      { key: "organisation", kind: "text", required: true },
      { key: "country", kind: "country", required: true },
      { key: "startMonth", kind: "month", required: true },
      { key: "endMonth", kind: "month", required: false },
      { key: "organisationType", kind: "select", required: true, options: ORGANISATION_TYPES },
      { key: "operatingIn", kind: "text", required: true },
      { key: "partners", kind: "textarea", required: false },
    ],
  },
  {
    key: "contact",
    defaultWordLimit: null,
    fields: [
      { key: "contactName", kind: "text", required: true, contactOnly: true },
      { key: "jobTitle", kind: "text", required: true, contactOnly: true },
      { key: "address", kind: "textarea", required: true, contactOnly: true },
      { key: "contactCountry", kind: "country", required: true, contactOnly: true },
      { key: "phone", kind: "tel", required: true, contactOnly: true },
      { key: "website", kind: "url", required: false },
      { key: "contactEmail", kind: "email", required: true, contactOnly: true },
      { key: "leadGender", kind: "select", required: false, options: LEAD_GENDERS, auditOnly: true },
    ],
  },
  { key: "organisation", defaultWordLimit: 300, fields: [essay("organisationDescription")] },
  { key: "objectives", defaultWordLimit: 500, fields: [essay("objectives"), essay("targetGroups")] },
  { key: "technology", defaultWordLimit: 500, fields: [essay("technology")] },
  { key: "pedagogy", defaultWordLimit: 500, fields: [essay("pedagogy")] },
  { key: "inclusion", defaultWordLimit: 500, fields: [essay("inclusion")] },
  { key: "impact", defaultWordLimit: 500, fields: [essay("impact")] },
  { key: "replicability", defaultWordLimit: 500, fields: [essay("replicability")] },
  { key: "sustainability", defaultWordLimit: 500, fields: [essay("sustainability")] },
  {
    key: "links",
    defaultWordLimit: null,
    fields: [
      { key: "videoLinks", kind: "urls", required: false },
      { key: "otherLinks", kind: "urls", required: false },
    ],
  },
];

/**
 * The content as a reader of the application receives it: without the fields asked only for the
 * fairness audit (see SectionField.auditOnly). Anything that is not a content object is returned as is.
 */
export function forReaders<T>(content: T): T {
  return without(content, (f) => !!f.auditOnly);
}

/** The content as the jury receives it: as readers do, and without the contact person's details. */
export function forJurors<T>(content: T): T {
  return without(content, (f) => !!f.auditOnly || !!f.contactOnly);
}

function without<T>(content: T, hide: (field: SectionField) => boolean): T {
  const c = content as Partial<ApplicationContent> | null;
  if (!c || typeof c !== "object" || !c.sections || typeof c.sections !== "object") return content;
  const sections = { ...c.sections };
  for (const section of SECTIONS) {
    const hidden = section.fields.filter(hide).map((f) => f.key);
    const values = sections[section.key];
    if (hidden.length === 0 || !values || typeof values !== "object") continue;
    sections[section.key] = Object.fromEntries(Object.entries(values).filter(([k]) => !hidden.includes(k)));
  }
  return { ...c, sections } as T;
}

export function sectionByKey(key: string): SectionDefinition | undefined {
  return SECTIONS.find((s) => s.key === key);
}

/**
 * The most letters one word counts for: longer than any word of the application's languages
 * ("anticonstitutionnellement" has 25), so only a run no reader would call one word is cut up.
 */
export const LONGEST_WORD = 40;

/**
 * Words as a reader counts them: runs of letters or digits (works for Latin and Arabic). A run
 * over LONGEST_WORD letters counts as one word for each LONGEST_WORD begun: 12,000 letters with
 * no space are not one word against a section's limit.
 */
export function countWords(text: string): number {
  // Composed first, and marks kept inside a word: "école" typed as e + U+0301, or Arabic with its
  // vowel marks, is one word each, not two or three.
  const matches = text.normalize("NFC").match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu);
  if (!matches) return 0;
  // Letters and digits counted as characters (not UTF-16 units, nor the apostrophes and hyphens).
  const letters = (run: string) => [...run.replace(/[^\p{L}\p{N}]/gu, "")].length;
  return matches.reduce((words, run) => words + Math.max(1, Math.ceil(letters(run) / LONGEST_WORD)), 0);
}

export function wordLimitFor(
  section: SectionDefinition,
  editionLimits: Record<string, number> | null | undefined,
): number | null {
  return editionLimits?.[section.key] ?? section.defaultWordLimit;
}

export type SectionStatus = "not_started" | "in_progress" | "completed";

/**
 * What applications.content holds: each section's fields as typed (strings), and which sections
 * the applicant marked completed. title, organisation and country are also copied to their own
 * columns of applications when the background section is saved (lists, duplicate detection).
 */
export interface ApplicationContent {
  sections: Partial<Record<SectionKey, Record<string, string>>>;
  completed: SectionKey[];
}

export function emptyContent(): ApplicationContent {
  return { sections: {}, completed: [] };
}

export function sectionStatus(content: ApplicationContent, key: SectionKey): SectionStatus {
  if (content.completed.includes(key)) return "completed";
  const values = content.sections[key];
  return values && Object.values(values).some((v) => v.trim() !== "") ? "in_progress" : "not_started";
}

/**
 * A section's title and prompt: the question the applicant answers and every reader sees with the
 * answer. The defaults are the catalogue's application.section.<key> and application.prompt.<key>;
 * an edition may word them its own way (editions.section_wording), per language.
 */
export const WORDING_KINDS = ["title", "prompt"] as const;
export type WordingKind = (typeof WORDING_KINDS)[number];
export const WORDING_LANGUAGES = ["En", "Fr", "Ar"] as const;
export type WordingField = `${WordingKind}${(typeof WORDING_LANGUAGES)[number]}`;
export type SectionWording = Partial<Record<SectionKey, Partial<Record<WordingField, string>>>>;
export const WORDING_MAX: Record<WordingKind, number> = { title: 200, prompt: 1000 };

const WORDING_FIELDS = WORDING_KINDS.flatMap((kind) => WORDING_LANGUAGES.map((l) => `${kind}${l}` as WordingField));

/** An edition's stored wording, kept to known sections and fields with text (anything else is dropped). */
export function sectionWordingOf(stored: unknown): SectionWording {
  const wording: SectionWording = {};
  if (!stored || typeof stored !== "object") return wording;
  for (const key of SECTION_KEYS) {
    const texts = (stored as Record<string, unknown>)[key];
    if (!texts || typeof texts !== "object") continue;
    const kept: Partial<Record<WordingField, string>> = {};
    for (const field of WORDING_FIELDS) {
      const value = (texts as Record<string, unknown>)[field];
      if (typeof value === "string" && value.trim() !== "") kept[field] = value.trim();
    }
    if (Object.keys(kept).length > 0) wording[key] = kept;
  }
  return wording;
}

/**
 * The section's title or prompt in the viewer's language: the edition's own wording in that
 * language, else the default wording in that language (never the edition's wording in another one).
 */
export function sectionText(
  t: ((key: string) => string) & { locale: string },
  wording: SectionWording | null | undefined,
  key: string,
  kind: WordingKind,
): string {
  const lang = t.locale === "fr" ? "Fr" : t.locale === "ar" ? "Ar" : "En";
  const own = wording?.[key as SectionKey]?.[`${kind}${lang}`];
  return own || t(kind === "title" ? `application.section.${key}` : `application.prompt.${key}`);
}

/**
 * The field a section's prompt labels: the only field of a section that asks one question (an
 * essay). Other sections show their prompt above their fields, which keep their own labels.
 */
export function promptedField(section: { fields: readonly { key: string; kind: string }[] }): string | null {
  return section.fields.length === 1 && section.fields[0].kind === "textarea" ? section.fields[0].key : null;
}

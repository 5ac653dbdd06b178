// The application form's sections (UNESCO's 2015 form, then what later calls ask for), shared by
// the applicant's forms, the check-your-answers page and every reading view (nominator,
// secretariat, jury). Word limits are edition settings (editions.word_limits); these are the
// defaults.

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
      { key: "contactName", kind: "text", required: true },
      { key: "jobTitle", kind: "text", required: true },
      { key: "address", kind: "textarea", required: true },
      { key: "contactCountry", kind: "country", required: true },
      { key: "phone", kind: "tel", required: true },
      { key: "website", kind: "url", required: false },
      { key: "contactEmail", kind: "email", required: true },
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
  const c = content as Partial<ApplicationContent> | null;
  if (!c || typeof c !== "object" || !c.sections || typeof c.sections !== "object") return content;
  const sections = { ...c.sections };
  for (const section of SECTIONS) {
    const hidden = section.fields.filter((f) => f.auditOnly).map((f) => f.key);
    const values = sections[section.key];
    if (hidden.length === 0 || !values || typeof values !== "object") continue;
    sections[section.key] = Object.fromEntries(Object.entries(values).filter(([k]) => !hidden.includes(k)));
  }
  return { ...c, sections } as T;
}

export function sectionByKey(key: string): SectionDefinition | undefined {
  return SECTIONS.find((s) => s.key === key);
}

/** Words as a reader counts them: runs of letters or digits (works for Latin and Arabic). */
export function countWords(text: string): number {
  const matches = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return matches ? matches.length : 0;
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

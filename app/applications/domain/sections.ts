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

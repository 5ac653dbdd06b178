// Shapes an edition's integrity audits into the page and the fairness export: jurors by name,
// evidence for each flag, the values of each group in the viewer's language (the export is a
// file, so its words are chosen here; the page gets the same labels).
import type { LEAD_GENDERS, ORGANISATION_TYPES } from "../../applications/domain/sections";
import { INCOME_CLASSIFICATION, type IncomeGroup } from "../../kernel/domain/income-groups";
import type { UNESCO_REGIONS } from "../../kernel/domain/unesco-regions";
import { isLocale, translate, type Locale, type MessageKey, type Vars } from "../../kernel/i18n";
import { countryName } from "../../kernel/i18n/countries";
import { catalogues, resolveLocale } from "../../kernel/i18n/locale.server";
import { found } from "../../accounts/server/permissions.server";
import type { LOCALES, ENTITY_KINDS } from "../../../db/enums";
import type { HomeGroup } from "../../../scoring/independence";
import { FAIRNESS_GROUPS, MIN_CELL, type FairnessGroup, type FairnessTable } from "../domain/integrity";
import type { IntegrityPageData } from "../domain/integrity-page";
import { fairnessMinutes } from "../domain/fairness-minutes";
import {
  fairnessOf,
  homeEvidence,
  pairEvidence,
  pendingFairness,
  pendingJurorAudit,
  type JurorAudit,
} from "../models/integrity.server";
import { briefly, whenDone } from "../../kernel/server/computing.server";
import { getEditionBrief, round, scoringClosed, type EditionBrief } from "../models/results.server";

type Tr = (key: string, vars?: Vars) => string;

export function translator(locale: Locale): Tr {
  return (key, vars) => translate(catalogues[locale], key, vars, locale);
}

/** A catalogue key, checked: a value added to a list without its label fails to compile. */
const checked = <K extends MessageKey>(key: K): K => key;
const VALUE_KEYS: { [G in FairnessGroup]: (value: string) => MessageKey } = {
  region: (v) => checked(`integrity.region.${v as (typeof UNESCO_REGIONS)[number]}`),
  income: (v) => checked(`integrity.income.${v as IncomeGroup}`),
  language: (v) => checked(`integrity.language.${v as Exclude<(typeof LOCALES)[number], "ar">}`),
  entityKind: (v) => checked(`entity_kind.${v as (typeof ENTITY_KINDS)[number]}`),
  applicantType: (v) => checked(`application.option.organisationType.${v as (typeof ORGANISATION_TYPES)[number]}`),
  gender: (v) => checked(`integrity.gender.${v as Exclude<(typeof LEAD_GENDERS)[number], "prefer_not_to_say">}`),
};

/** A group's value in the viewer's language (the value itself when it has no label, as an unknown language would). */
export function valueLabel(group: FairnessGroup, value: string, tr: Tr): string {
  const key = VALUE_KEYS[group](value);
  const label = tr(key);
  return label === key ? value : label;
}

export function parseGroup(value: string | null): FairnessGroup {
  return FAIRNESS_GROUPS.find((g) => g === value) ?? "region";
}

const finite = (x: number) => (Number.isFinite(x) ? round(x, 3) : null);
const significant = (p: number) => Number(p.toPrecision(2));

function jurorsData(audit: JurorAudit, locale: Locale, tr: Tr): IntegrityPageData["jurors"] {
  const name = new Map(audit.jurors.map((j) => [j.id, j.name]));
  const nameOf = (id: string) => name.get(id) ?? "?";
  const app = (id: string) => audit.applications.get(id) ?? { reference: "", title: "" };
  const place = (group: HomeGroup, value: string) =>
    group === "region" ? tr(`integrity.region.${value}`) : countryName(value, locale);
  // Each pair's jurors in the order of their names (scoring/ orders them by id), the likeliest first.
  const pairs = audit.pairs
    .map((p) => (nameOf(p.a).localeCompare(nameOf(p.b)) <= 0 ? p : { ...p, a: p.b, b: p.a }))
    .sort((x, y) => x.p - y.p || nameOf(x.a).localeCompare(nameOf(y.a)) || nameOf(x.b).localeCompare(nameOf(y.b)));
  const flaggedPairs = pairs.filter((p) => p.flagged);
  const flaggedHome = audit.homeBias.filter((h) => h.flagged);
  return {
    problem: audit.problem,
    reviews: audit.input.reviews.length,
    threshold: audit.threshold === null ? null : significant(audit.threshold),
    pairs: pairs.map((p) => ({
      a: nameOf(p.a),
      b: nameOf(p.b),
      shared: p.shared,
      statistic: round(p.statistic, 2),
      p: significant(p.p),
      anchor: p.flagged ? `pair-${flaggedPairs.indexOf(p) + 1}` : null,
    })),
    homeBias: audit.homeBias.map((h) => ({
      juror: nameOf(h.jurorId),
      group: h.group,
      n: h.n,
      estimate: round(h.estimate, 2),
      low: finite(h.low),
      high: finite(h.high),
      anchor: h.flagged ? `home-${flaggedHome.indexOf(h) + 1}` : null,
    })),
    criteria: audit.criteria.map((c) =>
      locale === "fr" ? c.titleFr : locale === "ar" && c.titleAr ? c.titleAr : c.titleEn,
    ),
    pairEvidence: flaggedPairs.map((p, i) => ({
      anchor: `pair-${i + 1}`,
      a: nameOf(p.a),
      b: nameOf(p.b),
      rows: pairEvidence(audit, p.a, p.b).map((r) => ({
        ...app(r.applicationId),
        a: r.a,
        b: r.b,
        aScore: round(r.aScore, 2),
        bScore: round(r.bScore, 2),
        othersMean: r.othersMean === null ? null : round(r.othersMean, 2),
      })),
    })),
    homeEvidence: flaggedHome.map((h, i) => ({
      anchor: `home-${i + 1}`,
      juror: nameOf(h.jurorId),
      group: h.group,
      rows: homeEvidence(audit, h.jurorId, h.group).map((r) => ({
        ...app(r.applicationId),
        place: place(h.group, r.place),
        home: r.home,
        score: round(r.score, 2),
        othersMean: round(r.othersMean, 2),
        difference: round(r.difference, 2),
      })),
    })),
  };
}

const rounded = (table: FairnessTable, tr: Tr) =>
  table.values.map((v) => ({
    label: valueLabel(table.group, v.value, tr),
    cells: v.cells.map((c) => ({
      ...c,
      rate: c.rate === null ? null : round(c.rate, 3),
      impactRatio: c.impactRatio === null ? null : round(c.impactRatio, 2),
      p: c.p === null ? null : significant(c.p),
    })),
  }));

export async function integrityPageData({
  edition,
  group,
  locale,
}: {
  edition: EditionBrief;
  group: FairnessGroup;
  locale: Locale;
}): Promise<IntegrityPageData> {
  const tr = translator(locale);
  // Both asked of the worker at once; while it computes either, the page is "computing…" at once.
  const jurorsPending = pendingJurorAudit({ edition });
  const fairnessPending = pendingFairness({ edition });
  const audit = await briefly(jurorsPending, { subject: "audits" });
  const fairness = await briefly(fairnessPending, { subject: "audits" });
  const table = fairness.tables.find((t) => t.group === group);
  return {
    edition: {
      id: edition.id,
      year: edition.year,
      themeEn: edition.themeEn,
      themeFr: edition.themeFr,
      themeAr: edition.themeAr,
    },
    scoringOpen: !scoringClosed(edition),
    jurors: jurorsData(audit, locale, tr),
    fairness: {
      applications: fairness.applications,
      minCell: MIN_CELL,
      groups: [...FAIRNESS_GROUPS],
      group,
      incomeClassification: {
        fiscalYear: INCOME_CLASSIFICATION.fiscalYear,
        published: INCOME_CLASSIFICATION.published,
        gniYear: INCOME_CLASSIFICATION.gniYear,
      },
      stages: fairness.stages,
      values: table ? rounded(table, tr) : [],
    },
  };
}

/**
 * The fairness tables as rows of cells (header first), for the CSV: one row per group, value
 * and stage, under the same rule as the page — a hidden count reads "fewer than 5" or "hidden",
 * never a number.
 */
export async function fairnessCsvRows({
  edition,
  locale,
}: {
  edition: EditionBrief;
  locale: Locale;
}): Promise<(string | number)[][]> {
  const tr = translator(locale);
  const fairness = await whenDone(fairnessOf({ edition }), "audits");
  const out: (string | number)[][] = [
    ["col_attribute", "col_value", "col_stage", "col_count", "col_rate", "col_impact", "col_p"].map((k) =>
      tr(`integrity.${k}`),
    ),
  ];
  for (const table of fairness.tables)
    for (const v of table.values)
      for (const c of v.cells)
        out.push([
          tr(`integrity.attribute.${table.group}`),
          valueLabel(table.group, v.value, tr),
          tr(`integrity.stage.${c.stage}`),
          c.hidden === "small"
            ? tr("integrity.fewer_than", { min: MIN_CELL })
            : c.hidden === "secondary"
              ? tr("integrity.hidden")
              : (c.count ?? ""),
          c.rate === null ? "" : round(c.rate, 4),
          c.impactRatio === null ? "" : round(c.impactRatio, 4),
          c.p === null ? "" : Number(c.p.toPrecision(4)),
        ]);
  return out;
}

/**
 * The fairness audit in words for the jury's report, in the chair's language: the stages up to
 * the jury's shortlist, so that what the chair reads before recording the recommendation is what
 * it records (the recommendation, once recorded, would count as a stage of its own).
 */
export async function fairnessMinutesOf({
  edition,
  locale,
}: {
  edition: EditionBrief;
  locale: string;
}): Promise<string> {
  const language: Locale = isLocale(locale) ? locale : "en";
  const tr = translator(language);
  const fairness = await whenDone(fairnessOf({ edition }), "audits");
  return fairnessMinutes(
    tr,
    language,
    { ...fairness, minCell: MIN_CELL },
    (group, value) => valueLabel(group, value, tr),
    "shortlisted",
  );
}

/** The integrity page's data for a request already authorised for the edition: 404 when it does not exist. */
export async function integrityRouteData(request: Request, editionId: string | undefined, userLocale: string) {
  const edition = found(getEditionBrief({ editionId: editionId ?? "" }));
  const group = parseGroup(new URL(request.url).searchParams.get("group"));
  return integrityPageData({ edition, group, locale: await resolveLocale(request, userLocale) });
}

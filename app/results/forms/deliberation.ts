// Forms of the deliberation: opening it on a shortlist, a juror's ballot, closing the ballot,
// the chair's recommendation, and the secretariat's decision. Several forms with dynamic field
// names (one per application) validate their shape here; the server checks the ids.
import * as z from "zod";
import { requiredText } from "../../kernel/forms/fields";

import { TIE_BREAK_RULES } from "../../../db/enums";
import { CAST_PREFIX, LAUREATE_PREFIX, RANK_PREFIX, RUNOFF_PREFIX, SHORTLIST_PREFIX } from "./results-fields";
export { CAST_PREFIX, LAUREATE_PREFIX, RANK_PREFIX, RUNOFF_PREFIX, SHORTLIST_PREFIX };

const idFields = (prefix: string, value: Record<string, unknown>) =>
  Object.keys(value).filter((k) => k.startsWith(prefix));

const tieBreakRule = z.enum(TIE_BREAK_RULES, { error: "errors.tie_break_required" });

/** The tie-break rule, fixed ahead of opening the deliberation (it can change until the ballot opens). */
export const tieBreakSchema = z.object({ intent: z.literal("tiebreak"), tieBreak: tieBreakRule });

/**
 * The shortlist and rule the ballot opens on: posted first to be checked ("check", which shows
 * what opening will do), then again to open it ("open"), since nothing can change them after.
 */
export const openDeliberationSchema = z
  .object({ intent: z.enum(["check", "open"]), tieBreak: tieBreakRule })
  .catchall(z.string())
  .superRefine((value, ctx) => {
    if (idFields(SHORTLIST_PREFIX, value).length < 2)
      ctx.addIssue({ code: "custom", path: ["shortlist"], message: "errors.shortlist_too_small" });
  });

export const closeBallotSchema = z.object({
  intent: z.literal("close"),
  confirm: z.literal("on", { error: "errors.confirm_required" }),
});

/** A ranking: one position per application (prefix + id), each a whole number from 1. */
const rankingSchema = (intent: string, prefix: string) =>
  z
    .object({ intent: z.literal(intent) })
    .catchall(z.string())
    .superRefine((value, ctx) => {
      for (const name of idFields(prefix, value)) {
        const raw = String(value[name]).trim();
        if (raw === "") ctx.addIssue({ code: "custom", path: [name], message: "errors.ballot_rank_required" });
        else if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1)
          ctx.addIssue({ code: "custom", path: [name], message: "errors.ballot_rank_invalid" });
      }
    });

export const ballotSchema = rankingSchema("vote", RANK_PREFIX);

/** A juror's run-off ballot among the applications tied at the laureate cut-off. */
export const runoffBallotSchema = rankingSchema("runoff", RUNOFF_PREFIX);

export const closeRunoffSchema = z.object({
  intent: z.literal("close_runoff"),
  confirm: z.literal("on", { error: "errors.confirm_required" }),
});

/** The chair's casting vote: at least one tied application ticked (the server checks how many). */
export const castSchema = z
  .object({ intent: z.literal("cast") })
  .catchall(z.string())
  .superRefine((value, ctx) => {
    if (idFields(CAST_PREFIX, value).length === 0)
      ctx.addIssue({ code: "custom", path: ["cast"], message: "errors.cast_choice_required" });
  });

/** The chair's recommendation for `count` laureates: one choice and two citations each, and minutes. */
export function recommendationSchema(count: number) {
  const shape: Record<string, z.ZodType> = { intent: z.literal("recommend"), minutes: requiredText(20000) };
  for (let i = 1; i <= count; i++) {
    shape[`choice_${i}`] = z
      .string({ error: "errors.recommendation_choice_required" })
      .min(1, { error: "errors.recommendation_choice_required" });
    shape[`citation_en_${i}`] = requiredText(2000);
    shape[`citation_fr_${i}`] = requiredText(2000);
  }
  return z.object(shape).superRefine((value, ctx) => {
    const seen = new Set<string>();
    for (let i = 1; i <= count; i++) {
      const v = value[`choice_${i}`];
      if (typeof v === "string" && v && seen.has(v))
        ctx.addIssue({ code: "custom", path: [`choice_${i}`], message: "errors.recommendation_duplicate" });
      if (typeof v === "string") seen.add(v);
    }
  });
}

export const decisionSchema = z
  .object({
    intent: z.literal("decide"),
    decisionDate: z
      .string({ error: "errors.decision_date_invalid" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.decision_date_invalid" }),
    announcementAt: z
      .string({ error: "errors.announcement_invalid" })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "errors.announcement_invalid" }),
    confirm: z.literal("on", { error: "errors.confirm_required" }),
  })
  .catchall(z.string())
  .superRefine((value, ctx) => {
    if (idFields(LAUREATE_PREFIX, value).length === 0)
      ctx.addIssue({ code: "custom", path: ["laureates"], message: "errors.decision_laureates_required" });
  });

export function idsFrom(values: Record<string, unknown>, prefix: string): string[] {
  return Object.keys(values)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
}

// The screening form: one pass/fail radio group and one evidence note per eligibility rule of the
// edition, in one form. A rule left undecided is allowed (partial save); a failed rule needs its
// evidence, because the candidate receives it.
import * as z from "zod";

import { evidenceField, outcomeField } from "./screening-filters";

export { evidenceField, outcomeField };

export function screeningSchema(ruleKeys: string[]) {
  const shape: Record<string, z.ZodType> = {
    applicationId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }),
    editionId: z.string({ error: "errors.form_tampered" }).min(1, { error: "errors.form_tampered" }),
  };
  for (const key of ruleKeys) {
    shape[outcomeField(key)] = z.enum(["pass", "fail", ""], { error: "errors.outcome_invalid" }).optional();
    shape[evidenceField(key)] = z.string().trim().max(5000, { error: "errors.too_long" }).optional();
  }
  return z.object(shape).superRefine((values, ctx) => {
    for (const key of ruleKeys) {
      if (values[outcomeField(key)] === "fail" && !String(values[evidenceField(key)] ?? "").trim()) {
        ctx.addIssue({ code: "custom", path: [evidenceField(key)], message: "errors.evidence_required" });
      }
    }
  });
}

export { readFilters, filterQuery } from "./screening-filters";

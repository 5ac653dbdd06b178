// The 'what if' form of the results page: another method and other criterion weights, one
// field per criterion named w_<criterion key>. Weights must be positive numbers.
import * as z from "zod";
import { METHODS } from "../../../scoring/types";

// The prefix lives apart so the results page can name the fields without shipping zod: the
// what-if form is validated on the server only (a plain post; it keeps the page light).
import { WEIGHT_PREFIX } from "./results-fields";
export { WEIGHT_PREFIX };

export const whatIfSchema = z
  .object({
    method: z.enum(METHODS, { error: "errors.results_method_invalid" }),
  })
  .catchall(z.string())
  .superRefine((value, ctx) => {
    for (const [name, raw] of Object.entries(value)) {
      if (!name.startsWith(WEIGHT_PREFIX) || typeof raw !== "string") continue;
      const text = raw.trim().replace(",", ".");
      const n = Number(text);
      if (text === "" || !Number.isFinite(n))
        ctx.addIssue({ code: "custom", path: [name], message: "errors.results_weight_nan" });
      else if (n <= 0) ctx.addIssue({ code: "custom", path: [name], message: "errors.results_weight_positive" });
      else if (n > 1000) ctx.addIssue({ code: "custom", path: [name], message: "errors.results_weight_large" });
    }
  });

/** Reads the weights of a validated what-if form (keys without the prefix). */
export function weightsFrom(values: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, raw] of Object.entries(values)) {
    if (name.startsWith(WEIGHT_PREFIX) && typeof raw === "string")
      out[name.slice(WEIGHT_PREFIX.length)] = Number(raw.trim().replace(",", "."));
  }
  return out;
}

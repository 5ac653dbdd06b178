import * as z from "zod";
import { ENTITY_KINDS } from "../../../db/enums";
import { COUNTRY_CODES } from "../../kernel/i18n/countries";
import { nameText } from "../../kernel/forms/fields";

export const entitySchema = z
  .object({
    kind: z.enum(ENTITY_KINDS, { error: "errors.entity_kind_invalid" }),
    name: nameText(200),
    country: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.country && !COUNTRY_CODES.includes(value.country))
      ctx.addIssue({ code: "custom", path: ["country"], message: "errors.country_invalid" });
    if (value.kind === "national_commission" && !value.country)
      ctx.addIssue({ code: "custom", path: ["country"], message: "errors.country_required" });
  });
export type EntityForm = z.infer<typeof entitySchema>;

import { defineFields, SelectField, TextField } from "../../kernel/components/form";
import { shownPseudonym } from "../../kernel/components/i18n";

/**
 * Names an application in a secretariat's jury form: a list when the edition has few eligible
 * applications, a reference number to type when it has too many for a list (the server checks
 * it and answers next to the field).
 */
export const ApplicationChoice = defineFields(
  ({ options }: { options: { value: string; label: string }[] | null }, t) =>
    options ? (
      <SelectField
        name="applicationId"
        label={t("jury.application")}
        placeholder={t("fields.choose")}
        options={options.map((o) => ({ value: o.value, label: shownPseudonym(o.label, t) }))}
      />
    ) : (
      <TextField name="reference" label={t("jury.reference")} hint={t("jury.reference_hint")} />
    ),
);

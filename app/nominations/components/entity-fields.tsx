import { defineFields, RadioGroup, SelectField } from "../../kernel/components/form";
import { ENTITY_KINDS } from "../domain/nomination";

/** The choice of a nominating entity's kind, as its register records it. */
export const EntityKindField = defineFields(({ legend }: { legend: string }, t) => (
  <RadioGroup
    name="kind"
    legend={legend}
    options={ENTITY_KINDS.map((kind) => ({ value: kind, label: t(`entity_kind.${kind}`) }))}
  />
));

/** The choice of one nominating entity, by its name. */
export const EntityField = defineFields(
  (
    {
      name,
      label,
      hint,
      entities,
    }: { name: string; label: string; hint: string; entities: { id: string; name: string }[] },
    t,
  ) => (
    <SelectField
      name={name}
      label={label}
      hint={hint}
      placeholder={t("fields.choose")}
      options={entities.map((e) => ({ value: e.id, label: e.name }))}
    />
  ),
);

import { RadioGroup, SelectField } from "../../kernel/components/form";
import { useT } from "../../kernel/components/i18n";
import { ENTITY_KINDS } from "../domain/nomination";

/** The choice of a nominating entity's kind, as its register records it. */
export function EntityKindField({ legend }: { legend: string }) {
  const t = useT();
  return (
    <RadioGroup
      name="kind"
      legend={legend}
      options={ENTITY_KINDS.map((kind) => ({ value: kind, label: t(`entity_kind.${kind}`) }))}
    />
  );
}

/** The choice of one nominating entity, by its name. */
export function EntityField({
  name,
  label,
  hint,
  entities,
}: {
  name: string;
  label: string;
  hint: string;
  entities: { id: string; name: string }[];
}) {
  const t = useT();
  return (
    <SelectField
      name={name}
      label={label}
      hint={hint}
      placeholder={t("fields.choose")}
      options={entities.map((e) => ({ value: e.id, label: e.name }))}
    />
  );
}

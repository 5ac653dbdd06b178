import { RadioGroup } from "../../kernel/components/form";
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

import { OptionList, type SelectOption } from "./options";

/**
 * One filter of a GET form (works without JavaScript): a labelled select showing the current
 * choice; the first option, `all`, is the empty value that filters nothing.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  all,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | number;
  all?: string;
  options: SelectOption[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {all === undefined ? null : <option value="">{all}</option>}
        <OptionList options={options} />
      </select>
    </div>
  );
}

export interface Filter {
  name: string;
  label: string;
  /** The current choice; none shows `all`. */
  value: string | number | null | undefined;
  all?: string;
  options: SelectOption[];
}

/** The selects of a filter form, one a filter, each with the id `${idPrefix}${name}`. */
export function FilterSelects({ idPrefix, filters }: { idPrefix: string; filters: Filter[] }) {
  return filters.map((filter) => (
    <FilterSelect
      key={filter.name}
      id={`${idPrefix}${filter.name}`}
      name={filter.name}
      label={filter.label}
      value={filter.value ?? ""}
      all={filter.all}
      options={filter.options}
    />
  ));
}

import type { ReactNode } from "react";

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
  options: { value: string; label: ReactNode; lang?: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

import type { ReactNode } from "react";

export interface SelectOption {
  value: string;
  label: ReactNode;
  /** The language of a label written in one language whatever the page's (a language's own name). */
  lang?: string;
}

/** The options of a select, after any empty first option its caller puts before them. */
export function OptionList({ options }: { options: SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value} lang={option.lang}>
      {option.label}
    </option>
  ));
}

// Lists of rows inside a ValidatedForm (e.g. a criterion's level descriptors), apart from
// form.tsx so that only the pages that have some load them.
import { Fragment, type ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldError, fieldId, useFormState } from "./form";
import type { FieldErrors } from "../forms/errors";

/**
 * One row of a FieldRows: props for its inputs (by field key), its errors, and, with JavaScript, a way to remove it.
 */
export interface RowApi {
  index: number;
  input: (key: string) => {
    id: string;
    name: string;
    defaultValue: string;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  } & Partial<UseFormRegisterReturn>;
  error: (key: string) => FieldErrors[string] | undefined;
  remove: (() => void) | null;
}
/** What react-hook-form adds to a row's input: its binding, and the row's current value. */
export type RowBinding = (path: string, key: string) => UseFormRegisterReturn & { defaultValue: string };

/**
 * A list of rows posted as `name.<index>.<key>`. The server renders `count` rows (some blank, so
 * that without JavaScript rows can be added by filling them in); once the form is enhanced,
 * react-hook-form's `useFieldArray` takes the same rows over and adds "add" and "remove".
 */
export function FieldRows({
  name,
  count,
  blank,
  max,
  addLabel,
  children,
}: {
  name: string;
  count: number;
  blank: Record<string, string>;
  max: number;
  addLabel: string;
  children: (row: RowApi) => ReactNode;
}) {
  const { id: formId, values, errors, enhanced } = useFormState();
  const row = (index: number, bind?: RowBinding, remove: (() => void) | null = null): RowApi => ({
    index,
    input: (key) => {
      const path = `${name}.${index}.${key}`;
      const id = fieldId(formId, path);
      return {
        id,
        name: path,
        defaultValue: String(values[path] ?? ""),
        "aria-invalid": errors[path] ? true : undefined,
        "aria-describedby": errors[path] ? `${id}-error` : undefined,
        ...bind?.(path, key),
      };
    },
    error: (key) => errors[`${name}.${index}.${key}`],
    remove,
  });
  if (enhanced) {
    const Rows = enhanced.module.EnhancedFieldRows;
    return (
      <Rows
        control={enhanced.control}
        name={name}
        blank={blank}
        max={max}
        addLabel={addLabel}
        row={(index, bind, remove) => children(row(index, bind, remove))}
      />
    );
  }
  return Array.from({ length: count }, (_, index) => <Fragment key={index}>{children(row(index))}</Fragment>);
}

/** A row field's error, with the id its input's aria-describedby names. */
export function RowFieldError({ inputId, error }: { inputId: string; error?: FieldErrors[string] }) {
  return <FieldError id={inputId} error={error} />;
}

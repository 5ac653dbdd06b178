// Forms that work as plain HTML posts and, with JavaScript, validate first in the browser
// with the very same zod schema the action uses. Errors are catalogue keys, shown next to
// the field and in a summary at the top (GOV.UK pattern), and what was typed comes back.
import { Form, useNavigation } from "@remix-run/react";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type * as z from "zod";
import { useT } from "./i18n";
import { zodErrors, type FieldErrors } from "../forms/errors";

export type SchemaLoader = () => Promise<z.ZodType>;

export interface FormResult {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

interface FormState {
  id: string;
  errors: FieldErrors;
  values: Record<string, unknown>;
}
const FormContext = createContext<FormState>({ id: "form", errors: {}, values: {} });

export function fieldId(formId: string, name: string) {
  return `${formId}-${name}`;
}

/**
 * On a page with several forms, the server's answer belongs to the one that was posted (its
 * hidden `intent`): the others show no errors and keep their own values.
 */
export function resultForIntent<R extends FormResult>(result: R | null | undefined, intent: string): R | null {
  return result?.values?.intent === intent ? result : null;
}

export function ValidatedForm({
  id,
  schema,
  result,
  defaultValues,
  action,
  children,
  encType,
  className,
}: {
  id: string;
  /**
   * Loads the form's zod schema, e.g. `() => import("../../accounts/forms/register").then((m) => m.registerSchema)`.
   * Loaded on the first interaction, not with the page, so zod (~27 kB) never weighs on a first
   * visit; until it has arrived a submit simply goes to the server, which validates the same way.
   */
  schema?: SchemaLoader;
  result?: FormResult | null;
  defaultValues?: Record<string, unknown>;
  action?: string;
  children: ReactNode;
  encType?: "multipart/form-data";
  className?: string;
}) {
  const t = useT();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const navigation = useNavigation();
  const serverErrors = result?.errors;
  const errors = clientErrors ?? serverErrors ?? {};
  const values = { ...defaultValues, ...(result?.values ?? {}) };

  const formRef = useRef<HTMLFormElement>(null);
  const loaded = useRef<z.ZodType | null>(null);
  // Marks the form once its schema is here (data-schema="ready"), so a test can tell a check
  // made in the browser from one made by the server.
  const [ready, setReady] = useState(false);
  const load = () => {
    if (schema && !loaded.current) {
      schema()
        .then((s) => {
          loaded.current = s;
          setReady(true);
        })
        .catch(() => undefined);
    }
  };
  useEffect(() => {
    // A new answer from the server replaces what the browser found, and, as after a full page
    // load without JavaScript, passwords are never kept.
    setClientErrors(null);
    if (result?.errors) formRef.current?.querySelectorAll<HTMLInputElement>('input[type="password"]').forEach((input) => (input.value = ""));
  }, [result]);

  useEffect(() => {
    if (Object.keys(errors).length > 0) {
      summaryRef.current?.focus();
      if (!document.title.startsWith(t("title.error_prefix"))) document.title = t("title.error_prefix") + document.title;
    }
  }, [errors, t]);

  return (
    <FormContext.Provider value={{ id, errors, values }}>
      <Form
        id={id}
        ref={formRef}
        method="post"
        action={action}
        encType={encType}
        noValidate
        data-schema={ready ? "ready" : undefined}
        className={className}
        onFocus={load}
        onPointerDown={load}
        onSubmit={(event) => {
          const schema = loaded.current;
          if (!schema) return;
          const form = event.currentTarget;
          // The button pressed is part of the post (its intent), as the server will see it.
          const submitter = (event.nativeEvent as SubmitEvent).submitter;
          const data = new FormData(form, submitter instanceof HTMLElement ? submitter : null);
          const parsed = schema.safeParse(formEntries(data));
          if (!parsed.success) {
            event.preventDefault();
            setClientErrors(zodErrors(parsed.error));
          } else {
            setClientErrors(null);
          }
        }}
      >
        <ErrorSummary errors={errors} formId={id} summaryRef={summaryRef} />
        <fieldset disabled={navigation.state === "submitting" && navigation.formAction === action} className="plain">
          {children}
        </fieldset>
      </Form>
    </FormContext.Provider>
  );
}

/** The post as the action reads it (the last value of a name wins), files included. */
function formEntries(data: FormData) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of data.entries()) out[key] = value;
  return out;
}

function ErrorSummary({ errors, formId, summaryRef }: { errors: FieldErrors; formId: string; summaryRef: React.RefObject<HTMLDivElement> }) {
  const t = useT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${formId}-error-title`} tabIndex={-1} ref={summaryRef} autoFocus>
      <h2 id={`${formId}-error-title`}>{t("errors.summary_title")}</h2>
      <ul>
        {entries.map(([name, error]) => (
          <li key={name}>
            <a href={`#${fieldId(formId, name)}`}>{t(error.message, error.vars)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function useField(name: string) {
  const { id, errors, values } = useContext(FormContext);
  const error = errors[name];
  const raw = values[name];
  return { inputId: fieldId(id, name), error, value: raw === undefined || raw === null ? undefined : String(raw) };
}

function FieldError({ id, error }: { id: string; error?: { message: string; vars?: Record<string, string | number> } }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{t("errors.prefix")}</span> {t(error.message, error.vars)}
    </p>
  );
}

function describedBy(id: string, hint?: string, error?: unknown) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({
  name,
  label,
  hint,
  type = "text",
  autoComplete,
  keepValue = true,
  dirAuto = false,
  multiline = false,
  rows = 5,
}: {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "url" | "tel" | "number" | "datetime-local";
  autoComplete?: string;
  keepValue?: boolean;
  dirAuto?: boolean;
  multiline?: boolean;
  rows?: number;
}) {
  const { inputId, error, value } = useField(name);
  const common = {
    id: inputId,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(inputId, hint, error),
    defaultValue: keepValue && type !== "password" ? value : undefined,
    dir: dirAuto ? "auto" : undefined,
    className: error ? "input-error" : undefined,
  };
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p className="hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={inputId} error={error} />
      {multiline ? <textarea {...common} rows={rows} /> : <input {...common} type={type} autoComplete={autoComplete} />}
    </div>
  );
}

/** A file input whose error comes from the browser's check or from the server alike. */
export function FileField({ name, label, hint, accept }: { name: string; label: string; hint: string; accept: string }) {
  const { inputId, error } = useField(name);
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={inputId}>{label}</label>
      <p className="hint" id={`${inputId}-hint`}>
        {hint}
      </p>
      <FieldError id={inputId} error={error} />
      <input type="file" id={inputId} name={name} accept={accept} aria-invalid={error ? true : undefined} aria-describedby={describedBy(inputId, hint, error)} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
  placeholder,
}: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string; lang?: string }[];
  placeholder?: string;
}) {
  const { inputId, error, value } = useField(name);
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p className="hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={inputId} error={error} />
      <select id={inputId} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={describedBy(inputId, hint, error)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RadioGroup({ name, legend, hint, options }: { name: string; legend: string; hint?: string; options: { value: string; label: string }[] }) {
  const { inputId, error, value } = useField(name);
  return (
    <fieldset className={error ? "field has-error" : "field"} id={inputId} aria-describedby={describedBy(inputId, hint, error)}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={inputId} error={error} />
      {options.map((option) => (
        <div className="radio" key={option.value}>
          <input type="radio" id={`${inputId}-${option.value}`} name={name} value={option.value} defaultChecked={value === option.value} />
          <label htmlFor={`${inputId}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Checkbox({ name, label }: { name: string; label: string }) {
  const { inputId, error, value } = useField(name);
  return (
    <div className={error ? "field has-error checkbox" : "field checkbox"}>
      <FieldError id={inputId} error={error} />
      <input type="checkbox" id={inputId} name={name} defaultChecked={value === "on" || value === "true"} />
      <label htmlFor={inputId}>{label}</label>
    </div>
  );
}

export function SubmitButton({ children, name, value, secondary }: { children: ReactNode; name?: string; value?: string; secondary?: boolean }) {
  return (
    <button type="submit" name={name} value={value} className={secondary ? "button secondary" : "button"}>
      {children}
    </button>
  );
}

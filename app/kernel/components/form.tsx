// Forms that work as plain HTML posts and, with JavaScript, are enhanced by react-hook-form on
// their first interaction (./form-enhancer, a chunk of its own): the same zod schema the action
// uses checks a submit in the browser, and drafts save themselves. Errors are catalogue keys,
// shown next to the field and in a summary at the top (GOV.UK pattern), and what was typed comes back.
import { Form, useNavigation } from "@remix-run/react";
import {
  Children,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { Control } from "react-hook-form";
import type * as z from "zod";
import { FormToken, useT } from "./i18n";
import { zodErrors, type FieldErrors } from "../forms/errors";
import { OptionList } from "./options";
import { FORM_TOKEN_FIELD } from "../domain/form-token";

export type SchemaLoader = () => Promise<z.ZodType>;

export interface FormResult {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

/**
 * Saving a draft by itself, `delay` ms after the last change, when something differs from the last draft or the page.
 */
export interface Autosave {
  enabled: boolean;
  delay: number;
  /** Posts the form as a draft (through a fetcher: the page stays as it is). */
  save: (form: HTMLFormElement) => void;
}

type EnhancerModule = typeof import("./form-enhancer");
interface Enhanced {
  module: EnhancerModule;
  control: Control;
}

interface FormState {
  id: string;
  errors: FieldErrors;
  values: Record<string, unknown>;
  enhanced: Enhanced | null;
}
const FormContext = createContext<FormState>({ id: "form", errors: {}, values: {}, enhanced: null });

/**
 * A form's fields for a draft saved by itself, without the form's one-time token: each draft
 * replaces the last and must be saved, where a replayed token would answer the first one again.
 */
export function draftBody(form: HTMLFormElement): FormData {
  const body = new FormData(form);
  body.delete(FORM_TOKEN_FIELD);
  return body;
}

export function fieldId(formId: string, name: string) {
  return `${formId}-${name}`;
}

/**
 * A form's id prefixes its fields' ids. On a page with several forms, each names its `intent`:
 * the form posts it as a hidden field, the server's answer is shown only by the form that was
 * posted (the others show no errors and keep their own values), and the id defaults to it.
 */
type FormIdentity = { id: string; intent?: string } | { id?: undefined; intent: string };

export function ValidatedForm({
  id: givenId,
  schema,
  result,
  defaultValues,
  action,
  children,
  encType,
  className,
  autosave,
  intent,
  readOnly = false,
  labels,
}: FormIdentity & {
  /**
   * Loads the form's zod schema, e.g. `() => import("../../accounts/forms/register").then((m) => m.registerSchema)`.
   * Loaded with react-hook-form on the first interaction, not with the page, so neither weighs on
   * a first visit; until they have arrived a submit simply goes to the server, which validates
   * the same way.
   */
  schema?: SchemaLoader;
  result?: FormResult | null;
  defaultValues?: Record<string, unknown>;
  action?: string;
  children: ReactNode;
  encType?: "multipart/form-data";
  className?: string;
  /** Needs `schema`: drafts are saved by the enhancer, which comes with it. */
  autosave?: Autosave;
  /**
   * Shown but not editable (its fields disabled): a form that can no longer be posted, such as a
   * sent application's section, must not take typing that nothing will save.
   */
  readOnly?: boolean;
  /**
   * The names of fields that the form's own components draw (a criterion's scale, a section's
   * field), keyed by field name, for the error summary. Fields given as this library's components
   * among the children (TextField, SelectField…) are named without it.
   */
  labels?: Record<string, string>;
}) {
  const id = givenId ?? intent;
  const t = useT();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const navigation = useNavigation();
  const own = intent === undefined || result?.values?.intent === intent ? result : null;
  const serverErrors = own?.errors;
  const errors = useMemo(() => clientErrors ?? serverErrors ?? {}, [clientErrors, serverErrors]);
  const values = { ...defaultValues, ...(own?.values ?? {}) };

  const formRef = useRef<HTMLFormElement>(null);
  const started = useRef(false);
  const [loaded, setLoaded] = useState<{ module: EnhancerModule; schema: z.ZodType } | null>(null);
  // Set once react-hook-form has bound the inputs; the form then says data-schema="ready", so a
  // test can tell a check made in the browser from one made by the server.
  const [enhanced, setEnhanced] = useState<Enhanced | null>(null);
  const onSubmit = useRef<((event: React.FormEvent<HTMLFormElement>) => void) | null>(null);
  const autosaveRef = useRef(autosave);
  autosaveRef.current = autosave;
  const load = () => {
    if (!schema || started.current) return;
    started.current = true;
    Promise.all([import("./form-enhancer"), schema()])
      .then(([module, s]) => setLoaded({ module, schema: s }))
      .catch(() => {
        started.current = false;
      });
  };
  useEffect(() => {
    // A new answer from the server replaces what the browser found, and, as after a full page
    // load without JavaScript, passwords are never kept.
    setClientErrors(null);
    if (own?.errors)
      formRef.current
        ?.querySelectorAll<HTMLInputElement>('input[type="password"]')
        .forEach((input) => (input.value = ""));
  }, [own]);

  useEffect(() => {
    if (Object.keys(errors).length > 0) {
      summaryRef.current?.focus();
      if (!document.title.startsWith(t("title.error_prefix")))
        document.title = t("title.error_prefix") + document.title;
    }
  }, [errors, t]);

  return (
    <FormContext.Provider value={{ id, errors, values, enhanced }}>
      <Form
        id={id}
        ref={formRef}
        method="post"
        action={action}
        encType={encType}
        noValidate
        data-schema={enhanced ? "ready" : undefined}
        className={className}
        onFocus={load}
        onPointerDown={load}
        // Until the enhancer is here, a submit goes to the server, which checks it the same way.
        onSubmit={(event) => onSubmit.current?.(event)}
      >
        {loaded && formRef.current ? (
          <loaded.module.FormEnhancer
            form={formRef.current}
            schema={loaded.schema}
            autosave={autosaveRef}
            toErrors={zodErrors}
            setErrors={setClientErrors}
            onReady={(control, handler) => {
              onSubmit.current = handler;
              setEnhanced({ module: loaded.module, control });
            }}
          />
        ) : null}
        <FormToken place={id} />
        {intent === undefined ? null : <input type="hidden" name="intent" value={intent} />}
        <ErrorSummary
          errors={errors}
          formId={id}
          summaryRef={summaryRef}
          labels={Object.keys(errors).length > 0 ? { ...labelsOf(children, t), ...labels } : {}}
        />
        <fieldset
          disabled={readOnly || (navigation.state === "submitting" && navigation.formAction === action)}
          className="plain"
        >
          {children}
        </fieldset>
      </Form>
    </FormContext.Provider>
  );
}

type T = ReturnType<typeof useT>;
type FieldLabels<P> = (props: P, t: T) => Record<string, string>;

/**
 * A component that draws some of a form's fields from its props and the translations alone (no
 * other hook): the form's error summary can then name its fields, as it names those it is given
 * directly, by drawing it once more (only when there are errors).
 */
export function defineFields<P extends object>(draw: (props: P, t: T) => ReactNode) {
  const Fields = (props: P) => draw(props, useT());
  const fieldLabels: FieldLabels<P> = (props, t) => labelsOf(draw(props, t), t);
  return Object.assign(Fields, { fieldLabels });
}

const LABELLED = new Set<unknown>([TextField, TextArea, SelectField, FileField]);

/**
 * The labels of the fields among a form's children, by name, however deep in plain markup: this
 * library's fields (a radio group's legend), and those of the components made by `defineFields`.
 * Other components are not drawn here; the form's `labels` name their fields. A checkbox's label
 * is a whole sentence, and its message already says what to do ("Tick the box to confirm").
 */
export function labelsOf(children: ReactNode, t: T): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (nodes: ReactNode) =>
    Children.forEach(nodes, (node) => {
      if (!isValidElement(node)) return;
      const props = node.props as { name?: string; label?: string; legend?: string; children?: ReactNode };
      const own = (node.type as { fieldLabels?: FieldLabels<unknown> }).fieldLabels;
      if (own) Object.assign(found, own(props, t));
      else if (node.type === RadioGroup && props.name && props.legend) found[props.name] = props.legend;
      else if (LABELLED.has(node.type) && props.name && props.label) found[props.name] = props.label;
      if (props.children !== undefined) visit(props.children);
    });
  visit(children);
  return found;
}

/**
 * A summary link, with JavaScript: the field itself takes the focus (the link alone only scrolls,
 * leaving the focus on the page), with its label or legend in view above it. A group of choices
 * gives it to its first choice. Without JavaScript the link still scrolls to the field.
 */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  const field = target?.matches("input, select, textarea")
    ? target
    : target?.querySelector<HTMLElement>("input, select, textarea");
  if (!target || !field) return;
  event.preventDefault();
  const caption =
    document.querySelector(`label[for="${CSS.escape(field.id)}"]`) ??
    field.closest("fieldset")?.querySelector("legend") ??
    field;
  caption.scrollIntoView();
  field.focus({ preventScroll: true });
}

/**
 * The errors at the top of the form (GOV.UK's error summary), each a link to its field. A message
 * such as "This field is required" says nothing there of which field it is, so each is led by its
 * field's label where the form knows it.
 */
function ErrorSummary({
  errors,
  formId,
  summaryRef,
  labels,
}: {
  errors: FieldErrors;
  formId: string;
  summaryRef: React.RefObject<HTMLDivElement>;
  labels: Record<string, string>;
}) {
  const t = useT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby={`${formId}-error-title`}
      tabIndex={-1}
      ref={summaryRef}
      autoFocus
    >
      <h2 id={`${formId}-error-title`}>{t("errors.summary_title")}</h2>
      <ul>
        {entries.map(([name, error]) => (
          <li key={name}>
            <a href={`#${fieldId(formId, name)}`} onClick={(event) => focusField(event, fieldId(formId, name))}>
              {labels[name]
                ? t("errors.summary_item", {
                    // A label written as a sentence ("…its experience.") would read "….: message".
                    label: labels[name].replace(/[\s.:;]+$/u, ""),
                    message: t(error.message, error.vars),
                  })
                : t(error.message, error.vars)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The enclosing ValidatedForm's id, errors, values and, once enhanced, react-hook-form's control. */
export function useFormState() {
  return useContext(FormContext);
}

function useField(name: string) {
  const { id, errors, values } = useContext(FormContext);
  const error = errors[name];
  const raw = values[name];
  return { inputId: fieldId(id, name), error, value: raw === undefined || raw === null ? undefined : String(raw) };
}

export function FieldError({
  id,
  error,
}: {
  id: string;
  error?: { message: string; vars?: Record<string, string | number> };
}) {
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

/** A field's hint, which its control names in aria-describedby. */
function Hint({ inputId, hint }: { inputId: string; hint?: string }) {
  return hint ? (
    <p className="hint" id={`${inputId}-hint`}>
      {hint}
    </p>
  ) : null;
}

/** A field of one control: its label, hint and error, then the control. */
function LabelledField({
  inputId,
  label,
  hint,
  error,
  children,
}: {
  inputId: string;
  label: string;
  hint?: string;
  error?: FieldErrors[string];
  children: ReactNode;
}) {
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={inputId}>{label}</label>
      <Hint inputId={inputId} hint={hint} />
      <FieldError id={inputId} error={error} />
      {children}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  type = "text",
  autoComplete,
  keepValue = true,
  dirAuto = false,
}: {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "url" | "tel" | "number" | "datetime-local";
  autoComplete?: string;
  keepValue?: boolean;
  dirAuto?: boolean;
}) {
  const { inputId, error, value } = useField(name);
  return (
    <LabelledField inputId={inputId} label={label} hint={hint} error={error}>
      <input
        {...fieldAttributes(inputId, name, hint, error)}
        defaultValue={keepValue && type !== "password" ? value : undefined}
        dir={dirAuto ? "auto" : undefined}
        type={type}
        autoComplete={autoComplete}
      />
    </LabelledField>
  );
}

/**
 * Free text of several lines. Its direction follows what is typed (`dir="auto"`): an applicant or a
 * juror may write in a script other than the page's.
 */
export function TextArea({
  name,
  label,
  hint,
  rows = 5,
}: {
  name: string;
  label: string;
  hint?: string;
  rows?: number;
}) {
  const { inputId, error, value } = useField(name);
  return (
    <LabelledField inputId={inputId} label={label} hint={hint} error={error}>
      <textarea {...fieldAttributes(inputId, name, hint, error)} defaultValue={value} dir="auto" rows={rows} />
    </LabelledField>
  );
}

function fieldAttributes(inputId: string, name: string, hint: string | undefined, error: unknown) {
  return {
    id: inputId,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(inputId, hint, error),
    className: error ? "input-error" : undefined,
  };
}

/** A file input whose error comes from the browser's check or from the server alike. */
export function FileField({
  name,
  label,
  hint,
  accept,
}: {
  name: string;
  label: string;
  hint: string;
  accept: string;
}) {
  const { inputId, error } = useField(name);
  return (
    <LabelledField inputId={inputId} label={label} hint={hint} error={error}>
      <input
        type="file"
        id={inputId}
        name={name}
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
      />
    </LabelledField>
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
    <LabelledField inputId={inputId} label={label} hint={hint} error={error}>
      <select
        id={inputId}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        <OptionList options={options} />
      </select>
    </LabelledField>
  );
}

export function RadioGroup({
  name,
  legend,
  hint,
  options,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const { inputId, error, value } = useField(name);
  return (
    <fieldset
      className={error ? "field has-error" : "field"}
      id={inputId}
      aria-describedby={describedBy(inputId, hint, error)}
    >
      <legend>{legend}</legend>
      <Hint inputId={inputId} hint={hint} />
      <FieldError id={inputId} error={error} />
      {options.map((option) => (
        <div className="radio" key={option.value}>
          <input
            type="radio"
            id={`${inputId}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={value === option.value}
          />
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

export function SubmitButton({
  children,
  name,
  value,
  secondary,
  danger,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  secondary?: boolean;
  /** For a step that cannot be undone (withdrawing, replacing, recusing). */
  danger?: boolean;
}) {
  const className = danger ? "button danger" : secondary ? "button secondary" : "button";
  return (
    <button type="submit" name={name} value={value} className={className}>
      {children}
    </button>
  );
}

/**
 * The buttons of a form kept as a draft: the first finishes it, the second keeps it for later. Each
 * posts its own `intent`.
 */
export function DraftButtons({
  finish,
  keep,
}: {
  finish: { intent: string; label: string };
  keep: { intent: string; label: string };
}) {
  return (
    <div className="button-row">
      <SubmitButton name="intent" value={finish.intent}>
        {finish.label}
      </SubmitButton>
      <SubmitButton name="intent" value={keep.intent} secondary>
        {keep.label}
      </SubmitButton>
    </div>
  );
}

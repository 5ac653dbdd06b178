// The browser half of ValidatedForm, in a chunk of its own with react-hook-form: loaded on a
// form's first interaction, never on a first visit. It binds react-hook-form to the inputs the
// server rendered (they stay uncontrolled, their values stay in the DOM), checks a submit with
// zodResolver and the action's own schema, and says when a draft is worth saving.
import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { Fragment, useEffect, useRef, type ReactNode } from "react";
import {
  set,
  useFieldArray,
  useForm,
  type Control,
  type FieldValues,
  type Resolver,
  type UseFormRegisterReturn,
} from "react-hook-form";
import type * as z from "zod";
// Types only: a value imported from the app would make the bundler split the first-visit chunks.
import type { RowBinding } from "./field-rows";
import type { Autosave } from "./form";
import type { FieldErrors } from "../forms/errors";

type SubmitHandler = (event: React.FormEvent<HTMLFormElement>) => void;

// Rows react-hook-form takes over are rendered anew: the field being typed in keeps the focus.
const focusBack = new WeakMap<Control, { id: string; start: number | null; end: number | null }>();

type Bindable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

// Files and hidden fields are posted as they are but not bound: react-hook-form would empty a
// file input when it writes a value back, and hidden values change only with the page.
const UNBOUND = new Set(["hidden", "file", "submit", "button", "reset", "image"]);

/** The inputs a person fills in, a radio group's checked button first (see bindInputs). */
function bindable(form: HTMLFormElement): Bindable[] {
  const inputs = [...form.elements].filter(
    (el): el is Bindable =>
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) &&
      !!el.name &&
      !UNBOUND.has(el.type),
  );
  const checkedFirst = (el: Bindable) => (el instanceof HTMLInputElement && el.type === "radio" && el.checked ? 0 : 1);
  return inputs.sort((a, b) => checkedFirst(a) - checkedFirst(b));
}

/**
 * What the server rendered (default values and checks), in react-hook-form's shapes: a radio
 * group's value or null, a lone checkbox's true or false, several checkboxes' checked values.
 */
function renderedValues(inputs: Bindable[]): FieldValues {
  const values: FieldValues = {};
  const byName = new Map<string, Bindable[]>();
  for (const el of inputs) byName.set(el.name, [...(byName.get(el.name) ?? []), el]);
  for (const [name, els] of byName) {
    const first = els[0];
    if (first instanceof HTMLInputElement && first.type === "radio") {
      set(values, name, (els as HTMLInputElement[]).find((el) => el.defaultChecked)?.value ?? null);
    } else if (first instanceof HTMLInputElement && first.type === "checkbox") {
      const boxes = els as HTMLInputElement[];
      set(
        values,
        name,
        boxes.length > 1
          ? boxes.filter((el) => el.defaultChecked).map((el) => el.value)
          : first.hasAttribute("value") && first.value !== ""
            ? first.defaultChecked
              ? first.value
              : false
            : first.defaultChecked,
      );
    } else if (first instanceof HTMLSelectElement) {
      const options = [...first.options];
      set(values, name, (options.find((o) => o.defaultSelected) ?? options[0])?.value ?? "");
    } else set(values, name, (first as HTMLInputElement | HTMLTextAreaElement).defaultValue);
  }
  return values;
}

/** The post as the action reads it (the last value of a name wins), the pressed button and files included. */
function postOf(form: HTMLFormElement, submitter: HTMLElement | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new FormData(form, submitter).entries()) out[key] = value;
  return out;
}

/** react-hook-form's nested errors back to one entry per posted name ("score.impact", "levels.2.en"). */
function flatErrors(errors: object, prefix = "", out: FieldErrors = {}): FieldErrors {
  for (const [key, value] of Object.entries(errors)) {
    if (key === "ref" || key === "types" || !value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === "string")
      out[path || "form"] = { message: (value as { message: string }).message };
    // A name may also be the start of others ("score" and "score.impact"): look below it too.
    flatErrors(value, path, out);
  }
  return out;
}

// A draft becomes the new reference for "changed" without touching the inputs or the errors.
const KEEP_INPUTS = {
  keepValues: true,
  keepFieldsRef: true,
  keepErrors: true,
  keepTouched: true,
  keepIsSubmitted: true,
  keepSubmitCount: true,
} as const;

/** Renders nothing: binds the form, then hands its control and its submit handler to ValidatedForm. */
export function FormEnhancer({
  form,
  schema,
  autosave,
  toErrors,
  setErrors,
  onReady,
}: {
  form: HTMLFormElement;
  schema: z.ZodType;
  autosave: { current?: Autosave };
  toErrors: (error: z.ZodError) => FieldErrors;
  setErrors: (errors: FieldErrors | null) => void;
  onReady: (control: Control, onSubmit: SubmitHandler) => void;
}) {
  const submitter = useRef<HTMLElement | null>(null);
  const submit = useSubmit();
  // react-hook-form's values nest dotted names and make checkboxes booleans; the action parses the
  // post. So zodResolver checks the post itself, exactly what the action will run the schema on.
  const resolver: Resolver = (_values, context, options) =>
    zodResolver(schema as never)(postOf(form, submitter.current), context, options as never) as never;
  const methods = useForm({ mode: "onSubmit", reValidateMode: "onSubmit", shouldFocusError: false, resolver });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const dirty = useRef(false);

  useEffect(() => {
    const { register, reset, getValues, subscribe, handleSubmit, control } = methods;
    const handlers = new Map<Element, UseFormRegisterReturn["onChange"]>();
    const inputs = bindable(form);
    // Registering reads each input's current value, so what was typed before this chunk arrived
    // is kept. With a group's checked radio first, the group's value is the one on screen.
    for (const el of inputs) {
      const bound = register(el.name);
      bound.ref(el);
      handlers.set(el, bound.onChange);
    }
    const forward = (event: Event) => {
      const onChange = handlers.get(event.target as Element);
      if (onChange) void onChange(event);
    };
    form.addEventListener("input", forward);
    form.addEventListener("change", forward);

    const saveSoon = () => {
      clearTimeout(timer.current);
      const settings = autosave.current;
      if (!settings?.enabled) return;
      timer.current = setTimeout(() => {
        const now = autosave.current;
        if (!now?.enabled || !dirty.current) return;
        reset(getValues(), KEEP_INPUTS);
        now.save(form);
      }, settings.delay);
    };
    const unsubscribe = subscribe({
      formState: { values: true, isDirty: true },
      callback: (state) => {
        if (state.isDirty !== undefined) dirty.current = state.isDirty;
        if (state.name && state.type) saveSoon();
      },
    });
    // "Changed" means changed from what the server rendered: an edit made before this chunk
    // arrived is a change too, and is saved like any other.
    reset(renderedValues(inputs), KEEP_INPUTS);
    if (dirty.current) saveSoon();

    const check = async (pressed: HTMLElement | null) => {
      submitter.current = pressed;
      let found: FieldErrors | null = null;
      await handleSubmit(
        () => undefined,
        (errors) => {
          const flat = flatErrors(errors);
          // zodResolver keeps each issue's message but not its params (the numbers a message
          // quotes, like a word limit), and nests its errors by name: the schema's own issues
          // give the numbers back, and the summary's order, the one the server's would have.
          const parsed = schema.safeParse(postOf(form, pressed));
          const issues = parsed.success ? {} : toErrors(parsed.error);
          found = {};
          for (const key of [...Object.keys(issues), ...Object.keys(flat)])
            if (flat[key] && !found[key])
              found[key] = { ...flat[key], ...(issues[key]?.vars ? { vars: issues[key].vars } : {}) };
        },
      )();
      return found;
    };
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.id && form.contains(active)) {
      const { selectionStart = null, selectionEnd = null } = active as HTMLInputElement;
      focusBack.set(control, { id: active.id, start: selectionStart, end: selectionEnd });
    }
    onReady(control, (event) => {
      event.preventDefault();
      // The button pressed is part of the post (its intent), as the server will see it.
      const pressed = (event.nativeEvent as SubmitEvent).submitter;
      const button = pressed instanceof HTMLButtonElement || pressed instanceof HTMLInputElement ? pressed : null;
      void check(button).then((found) => {
        setErrors(found);
        if (found) return;
        // The post leaves for the server: a draft pending for the same values is pointless.
        clearTimeout(timer.current);
        submit(button ?? form);
      });
    });
    return () => {
      form.removeEventListener("input", forward);
      form.removeEventListener("change", forward);
      unsubscribe();
      clearTimeout(timer.current);
    };
    // Bound once: ValidatedForm mounts one enhancer per form element and schema, and binding
    // again would register the inputs twice.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the props are read when binding, on purpose
  }, []);
  return null;
}

/**
 * The rows of a field array once react-hook-form runs: the same rows as the server rendered
 * (`useFieldArray` reads their values from the inputs it replaces), plus adding and removing.
 */
export function EnhancedFieldRows({
  control,
  name,
  blank,
  max,
  addLabel,
  row,
}: {
  control: Control;
  name: string;
  blank: Record<string, string>;
  max: number;
  addLabel: string;
  row: (index: number, bind: RowBinding, remove: () => void) => ReactNode;
}) {
  const { fields, append, remove } = useFieldArray({ control, name });
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const wanted = focusBack.get(control);
    focusBack.delete(control);
    const el =
      wanted && document.activeElement?.id !== wanted.id
        ? (document.getElementById(wanted.id) as HTMLInputElement | null)
        : null;
    el?.focus();
    if (el && wanted?.start != null && typeof el.setSelectionRange === "function")
      el.setSelectionRange(wanted.start, wanted.end);
  }, [control]);
  return (
    <>
      {fields.map((field, index) => (
        <Fragment key={field.id}>
          {row(
            index,
            (path, key) => ({
              ...control.register(path),
              defaultValue: String((field as Record<string, unknown>)[key] ?? ""),
            }),
            () => {
              remove(index);
              // The removed row took the focused button with it: the next place to act from.
              addButton.current?.focus();
            },
          )}
        </Fragment>
      ))}
      <button
        type="button"
        className="button secondary"
        ref={addButton}
        disabled={fields.length >= max}
        onClick={() => append(blank)}
      >
        {addLabel}
      </button>
    </>
  );
}

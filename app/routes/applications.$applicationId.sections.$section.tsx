import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { SignedOutPostBoundary } from "../kernel/components/signed-out-post";
import { keepPageOnSignedOutDraft, type SignedOutDraft } from "../kernel/components/signed-out-draft";
import { data, redirect } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { found, requireUser } from "../accounts/server/permissions.server";
import {
  DraftButtons,
  draftBody,
  SelectField,
  TextArea,
  TextField,
  ValidatedForm,
  defineFields,
  type FormResult,
} from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { sectionValues } from "../applications/forms/section-values";
import { sectionFormSchema } from "../applications/forms/application.server";
import {
  countWords,
  promptedField,
  SECTIONS,
  sectionByKey,
  sectionStatus,
  sectionText,
  sectionWordingOf,
  wordLimitFor,
  type SectionDefinition,
  type SectionKey,
} from "../applications/domain/sections";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { countryOptions } from "../kernel/i18n/locale.server";
import { editBlocker, saveSection } from "../applications/models/application.server";
import { ownApplication } from "../applications/server/route.server";
import areaCss from "../styles/applications.css";
import { Notice } from "../kernel/components/notice";
import { ApplicationTaskHead } from "../applications/components/lists";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "applications.section_title" };
export { keepDataAfterDraft as shouldRevalidate } from "../kernel/components/i18n";
export const links = () => [{ rel: "stylesheet", href: areaCss }];

function sectionOf(key: string | undefined): SectionDefinition {
  const section = found(key ? sectionByKey(key) : undefined);
  return section;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const section = sectionOf(params.section);
  return {
    applicationId: application.id,
    reference: application.reference,
    sectionKey: section.key,
    values: {
      ...(application.content.sections[section.key] ?? {}),
      ...(section.key === "background" ? { language: application.language } : {}),
    },
    // Not "status": the legacy ?_data response would take it for the HTTP status and fail.
    sectionStatus: sectionStatus(application.content, section.key),
    version: application.version,
    wordLimit: wordLimitFor(section, application.edition.wordLimits),
    wording: { [section.key]: sectionWordingOf(application.edition.sectionWording)[section.key] },
    blocker: editBlocker(application),
    // Named by the server, so that hydration finds the same options (see sortedCountries).
    countries: section.fields.some((f) => f.kind === "country") ? await countryOptions(request, user.locale) : [],
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request, { handBack: (field) => SECTION_TEXT_FIELDS.has(field) });
  const application = ownApplication(user.id, params.applicationId);
  const section = sectionOf(params.section);
  const form = await validateForm(
    request,
    sectionFormSchema(section, wordLimitFor(section, application.edition.wordLimits)),
  );
  const intent = String(form.values.intent ?? "save");
  if (!form.ok)
    return data(
      { errors: form.errors, values: form.values, autosaved: false as const, version: null },
      { status: 400 },
    );
  const result = saveSection({
    applicationId: application.id,
    applicantId: user.id,
    section: section.key,
    values: sectionValues(section, form.data),
    version: Number(form.data.version ?? 0),
    complete: intent === "complete",
    language:
      section.key === "background" && (form.data.language === "en" || form.data.language === "fr")
        ? form.data.language
        : undefined,
  });
  if (!result.ok) {
    // On a conflict the current version comes back, so saving again is a deliberate choice.
    const conflict = result.error === "errors.version_conflict";
    return data(
      {
        errors: fieldError("form", result.error),
        values: form.values,
        autosaved: false as const,
        version: conflict ? application.version : null,
      },
      { status: conflict ? 409 : 400 },
    );
  }
  if (intent === "autosave")
    return { autosaved: true as const, version: result.version, errors: undefined, values: undefined };
  if (intent === "complete") return redirect(`/applications/${application.id}?saved=1`);
  return redirect(`/applications/${application.id}/sections/${section.key}?saved=1`);
});

/** The fields of every section that hold typed text (not a choice from a list). */
const SECTION_TEXT_FIELDS = /* @__PURE__ */ new Set(
  SECTIONS.flatMap((s) => s.fields.filter((f) => f.kind !== "select" && f.kind !== "country").map((f) => f.key)),
);

const INPUT_TYPES = { text: "text", email: "email", url: "url", tel: "tel" } as const;

const Field = defineFields(
  (
    {
      field,
      sectionKey,
      countries,
      prompt,
    }: {
      field: SectionDefinition["fields"][number];
      sectionKey: SectionKey;
      countries: { value: string; label: string }[];
      /** The section's prompt, when it is this field's question (promptedField). */
      prompt: string | null;
    },
    t,
  ) => {
    const label =
      (prompt ?? t(`applications.field.${field.key}`)) + (field.required ? "" : ` ${t("applications.optional")}`);
    const hintKey = `applications.hint.${field.key}`;
    const hint = t(hintKey) === hintKey ? undefined : t(hintKey);
    const named = { name: field.key, label, hint };
    switch (field.kind) {
      case "country":
      case "select": {
        const options =
          field.kind === "country"
            ? countries
            : (field.options ?? []).map((o) => ({ value: o, label: t(`applications.option.${field.key}.${o}`) }));
        return <SelectField {...named} placeholder={t("fields.choose")} options={options} />;
      }
      case "textarea":
        return <TextArea {...named} rows={sectionKey === "background" || sectionKey === "contact" ? 3 : 8} />;
      case "urls":
        return <TextArea {...named} hint={hint ?? t("applications.hint.urls")} rows={3} />;
      case "month":
        return <TextField {...named} hint={hint ?? t("applications.hint.month")} />;
      default:
        return (
          <TextField
            {...named}
            type={INPUT_TYPES[field.kind as keyof typeof INPUT_TYPES] ?? "text"}
            dirAuto={field.kind === "text"}
          />
        );
    }
  },
);

// A draft posted once signed out keeps the page (its text) rather than follow the sign-in redirect.
export const clientAction = keepPageOnSignedOutDraft((body) => body.get("intent") === "autosave");

export default function SectionPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    (FormResult & { autosaved?: boolean; version?: number | null }) | undefined;
  const [params] = useSearchParams();
  const section = sectionByKey(loaded.sectionKey)!;
  const prompt = sectionText(t, loaded.wording, section.key, "prompt");
  const prompted = promptedField(section);
  const counted = section.fields.filter((f) => f.counted);
  const formId = "section";
  const initial = { ...loaded.values, ...(result?.values ?? {}) } as Record<string, unknown>;
  const countOf = (values: Record<string, unknown>) =>
    counted.reduce((sum, f) => sum + countWords(String(values[f.key] ?? "")), 0);
  const [words, setWords] = useState(() => countOf(initial));
  const [version, setVersion] = useState((result && !result.autosaved && result.version) || loaded.version);
  const autosave = useFetcher<typeof action>();
  const [autosaveState, setAutosaveState] = useState<"idle" | "saved" | "failed" | "conflict" | "signed_out">("idle");
  // Why the last draft was refused, when a field's check said (a word limit): the buttons would refuse it too.
  const [refusal, setRefusal] = useState<{ message: string; vars?: Record<string, string | number> } | null>(null);

  useEffect(() => setVersion(loaded.version), [loaded.version]);
  useEffect(() => {
    if (result && !result.autosaved && result.version) setVersion(result.version);
  }, [result]);
  useEffect(() => {
    const d = autosave.data as
      | {
          autosaved?: boolean;
          version?: number | null;
          errors?: Record<string, { message: string; vars?: Record<string, string | number> }>;
        }
      | SignedOutDraft
      | undefined;
    if (!d) return;
    setRefusal(null);
    if ("signedOut" in d) setAutosaveState("signed_out");
    else if (d.autosaved && d.version) {
      setVersion(d.version);
      setAutosaveState("saved");
    } else if (d.errors?.form?.message === "errors.version_conflict") setAutosaveState("conflict");
    else {
      setAutosaveState("failed");
      setRefusal(Object.entries(d.errors ?? {}).find(([field]) => field !== "form")?.[1] ?? null);
    }
  }, [autosave.data]);

  // The word count follows every keystroke, from the first one (before the enhancer has arrived).
  const onInput = () => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (form) setWords(countOf(Object.fromEntries(new FormData(form).entries())));
  };
  // A draft is saved three seconds after the last change (the form's enhancer watches the fields).
  const saveDraft = (form: HTMLFormElement) => {
    const body = draftBody(form);
    body.set("intent", "autosave");
    autosave.submit(body, { method: "post" });
  };

  return (
    <>
      <ApplicationTaskHead
        applicationId={loaded.applicationId}
        reference={loaded.reference}
        title={sectionText(t, loaded.wording, section.key, "title")}
      />
      {prompted ? null : <p>{prompt}</p>}
      {params.get("saved") && !result ? <Notice>{t("applications.section_saved")}</Notice> : null}
      {loaded.blocker ? <p className="notice">{t(loaded.blocker)}</p> : null}
      <div onInput={onInput}>
        <ValidatedForm
          key={section.key}
          id={formId}
          schema={() =>
            import("../applications/forms/application").then((m) => m.sectionFormSchema(section, loaded.wordLimit))
          }
          result={result?.autosaved ? null : result}
          defaultValues={loaded.values}
          autosave={{ enabled: !loaded.blocker, delay: 3000, save: saveDraft }}
          readOnly={!!loaded.blocker}
        >
          <input type="hidden" name="version" value={version} />
          {section.key === "background" ? (
            <SelectField
              name="language"
              label={t("applications.language_label")}
              hint={t("applications.language_hint")}
              options={[
                { value: "en", label: "English", lang: "en" },
                { value: "fr", label: "Français", lang: "fr" },
              ]}
            />
          ) : null}
          {section.fields.map((field) => (
            <Field
              key={field.key}
              field={field}
              sectionKey={section.key}
              countries={loaded.countries}
              prompt={field.key === prompted ? prompt : null}
            />
          ))}
          {loaded.wordLimit !== null ? (
            <p
              className={words > loaded.wordLimit ? "applications-words applications-words-over" : "applications-words"}
              id="word-count"
            >
              {t("applications.words", { count: words, limit: loaded.wordLimit })}
              {words > loaded.wordLimit ? ` ${t("applications.words_over")}` : null}
            </p>
          ) : null}
          <p className="muted applications-autosave" aria-live="polite">
            {autosaveState === "saved"
              ? t("applications.autosaved")
              : autosaveState === "signed_out"
                ? t("forms.signed_out_draft")
                : autosaveState === "failed"
                  ? refusal
                    ? t("applications.autosave_refused", { reason: t(refusal.message, refusal.vars) })
                    : t("applications.autosave_failed")
                  : autosaveState === "conflict"
                    ? t("errors.version_conflict")
                    : ""}
          </p>
          {loaded.blocker ? null : (
            <DraftButtons
              finish={{ intent: "complete", label: t("applications.mark_completed") }}
              keep={{ intent: "save", label: t("applications.save_later") }}
            />
          )}
        </ValidatedForm>
      </div>
    </>
  );
}

/** A post that came after the session ended hands back what was typed (signed-out-post.tsx). */
export function ErrorBoundary() {
  return (
    <SignedOutPostBoundary
      labelOf={(field, t) => {
        const key = `applications.field.${field}`;
        if (t(key) !== key) return t(key);
        // An essay is labelled by its section's question: named here by the section's title.
        const section = SECTIONS.find((s) => s.fields.some((f) => f.key === field));
        return section ? sectionText(t, null, section.key, "title") : field;
      }}
    />
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { SignedOutPostBoundary } from "../kernel/components/signed-out-post";
import { keepPageOnSignedOutDraft, type SignedOutDraft } from "../kernel/components/signed-out-draft";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { notFound, requirePermission } from "../accounts/server/permissions.server";
import {
  Checkbox,
  DraftButtons,
  draftBody,
  FieldError,
  fieldId,
  SubmitButton,
  TextArea,
  ValidatedForm,
} from "../kernel/components/form";
import type { FieldErrors } from "../kernel/forms/errors";
import { useT } from "../kernel/components/i18n";
import { JuryReadingView } from "../jury/components/reading-view";
import { editionSectionWording } from "../editions/models/columns.server";
import { forJurors } from "../applications/domain/sections";
import { CONFIDENCE_LEVELS, criterionForReader, levelDescriptor } from "../jury/domain/jury";
import { resolveLocale } from "../kernel/i18n/locale.server";
import { recuseSchema, reopenReviewSchema, reviewSchema } from "../jury/forms/jury.server";
import { keptValues, readForm, refuseUnknownIntent, validateForm } from "../kernel/forms/validate.server";
import { formatDateTime, localized, localizedLang, textsOf } from "../kernel/i18n";
import { countryName } from "../kernel/i18n/countries";
import {
  colleagueReviews,
  getReviewForJuror,
  recuseReview,
  reopenReview,
  saveReview,
} from "../jury/models/reviews.server";
import { scoringDeadlineKey, scoringOpen } from "../jury/models/shared.server";
import juryCss from "../styles/jury.css";
import { routeHead } from "../kernel/components/route-head";
import { siteOrigin } from "../kernel/server/site.server";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { ShownName } from "../kernel/components/i18n";

export const { handle, links } = routeHead("jury.review.title", juryCss);
export { keepDataAfterDraft as shouldRevalidate } from "../kernel/components/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "jury.workspace");
  const found = getReviewForJuror({ reviewId: params.reviewId ?? "", userId: user.id });
  if (!found) notFound();
  const { review, application, files, letter, edition, criteria } = found;
  const locale = await resolveLocale(request, user.locale);
  return {
    wording: editionSectionWording(review.editionId),
    review: {
      id: review.id,
      state: review.state,
      scores: review.scores,
      comments: review.comments,
      overallComment: review.overallComment,
      confidence: review.confidence,
      version: review.version,
      submittedAt: review.submittedAt?.getTime() ?? null,
    },
    application: {
      title: application.title,
      reference: application.reference,
      organisation: application.organisation,
      country: application.country,
      language: application.language,
      content: forJurors(application.nominatedContent),
    },
    files: files.map((f) => ({ id: f.id, name: f.originalName, sizeBytes: f.sizeBytes })),
    letter: letter && { id: letter.id, name: letter.originalName },
    edition: {
      closesAt: edition.scoringClosesAt.getTime(),
      scaleMin: edition.scaleMin,
      scaleMax: edition.scaleMax,
      open: scoringOpen(edition),
      deadline: scoringDeadlineKey(edition),
    },
    criteria: criteria.map((c) => criterionForReader(c, locale)),
    colleagues: colleagueReviews({ reviewId: review.id, userId: user.id }),
  };
}

type Result = {
  errors: FieldErrors;
  values: Record<string, unknown>;
  form: "review" | "recuse" | "reopen";
  autosave?: boolean;
};

function failed(result: Result, status = 400) {
  return data(result, { status });
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "jury.workspace", {}, { handBack: isReviewText });
  const found = getReviewForJuror({ reviewId: params.reviewId ?? "", userId: user.id });
  if (!found) notFound();
  const { review, criteria, edition } = found;
  const formData = await readForm(request);
  const raw: Record<string, unknown> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string") raw[k] = v;
  const values = keptValues(raw);
  const intent = String(formData.get("intent") ?? "");
  const autosave = formData.get("autosave") === "1";
  const form = intent === "recuse" ? "recuse" : intent === "reopen" ? "reopen" : "review";
  // A juror id in the post that is not this review's own: someone edited the page.
  if (formData.has("jurorId") && formData.get("jurorId") !== review.jurorId) {
    return failed({ errors: { form: { message: "errors.jury_juror_mismatch" } }, values, form, autosave });
  }
  if (intent === "recuse") {
    const parsed = await validateForm(request, recuseSchema, formData);
    if (!parsed.ok) return failed({ errors: parsed.errors, values: parsed.values, form });
    const done = recuseReview({
      reviewId: review.id,
      userId: user.id,
      reason: parsed.data.reason,
      origin: siteOrigin(),
    });
    if (!done.ok) return failed({ errors: done.errors, values, form });
    return redirect("/jury?recused=1");
  }
  if (intent === "reopen") {
    const parsed = await validateForm(request, reopenReviewSchema, formData);
    if (!parsed.ok) return failed({ errors: parsed.errors, values: parsed.values, form });
    const done = reopenReview({ reviewId: review.id, userId: user.id, version: Number(parsed.data.version) });
    if (!done.ok) return failed({ errors: done.errors, values, form }, 409);
    return redirect(`/jury/reviews/${review.id}?reopened=1`);
  }
  // An intent the page never posts: the 400 page (nothing changed), as validateForm answers one.
  if (intent !== "save_draft" && intent !== "submit") refuseUnknownIntent();
  const schema = reviewSchema({ keys: criteria.map((c) => c.key), min: edition.scaleMin, max: edition.scaleMax });
  const parsed = await validateForm(request, schema, formData);
  if (!parsed.ok) return failed({ errors: parsed.errors, values, form, autosave });
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== "string") continue;
    if (k.startsWith("score.") && v.trim() !== "") scores[k.slice(6)] = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (k.startsWith("comment.") && v.trim() !== "") comments[k.slice(8)] = v.trim();
  }
  const confidence = typeof raw.confidence === "string" && raw.confidence !== "" ? Number(raw.confidence) : null;
  const saved = saveReview({
    reviewId: review.id,
    userId: user.id,
    intent,
    version: Number(raw.version),
    scores,
    comments,
    overallComment: String(raw.overallComment ?? "").trim(),
    confidence,
  });
  if (!saved.ok) {
    const conflict = saved.errors.form?.message === "errors.jury_version_conflict";
    return failed({ errors: saved.errors, values, form, autosave }, conflict ? 409 : 400);
  }
  if (autosave) return { ok: true as const, version: saved.version, savedAt: Date.now() };
  return redirect(`/jury/reviews/${review.id}?saved=${saved.state}`);
});

type Criterion = ReturnType<typeof useLoaderData<typeof loader>>["criteria"][number];

/** One criterion: its guidance, the scale as radio buttons (descriptors in the labels), a comment. */
function CriterionField({
  criterion,
  min,
  max,
  value,
  comment,
  error,
  commentError,
}: {
  criterion: Criterion;
  min: number;
  max: number;
  value?: string;
  comment?: string;
  error?: { message: string; vars?: Record<string, string | number> };
  commentError?: { message: string; vars?: Record<string, string | number> };
}) {
  const t = useT();
  const name = `score.${criterion.key}`;
  const id = fieldId("review", name);
  // The comment's own id, the one the error summary links to.
  const commentId = fieldId("review", `comment.${criterion.key}`);
  const levels = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const descriptor = (score: number) => {
    const d = levelDescriptor(criterion.levelDescriptors, score, t.locale);
    return d ? (
      <>
        {" — "}
        <span lang={d.lang} dir="auto">
          {d.text}
        </span>
      </>
    ) : null;
  };
  const title = textsOf(criterion, "title");
  const guidance = textsOf(criterion, "guidance");
  return (
    <fieldset
      className={error ? "field has-error jury-criterion" : "field jury-criterion"}
      id={id}
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
    >
      <legend lang={localizedLang(t.locale, title)} dir="auto">
        {localized(t.locale, title)}
      </legend>
      <p className="hint" id={`${id}-hint`} lang={localizedLang(t.locale, guidance)} dir="auto">
        {localized(t.locale, guidance)}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t("errors.prefix")}</span> {t(error.message, error.vars)}
        </p>
      ) : null}
      <div className="jury-scale">
        {levels.map((score) => (
          <label key={score} className="jury-level">
            <input type="radio" name={name} value={String(score)} defaultChecked={value === String(score)} />
            {score}
            {descriptor(score)}
          </label>
        ))}
      </div>
      <label htmlFor={commentId} className="jury-comment-label">
        {t("jury.review.comment_label")}
      </label>
      <FieldError id={commentId} error={commentError} />
      <textarea
        id={commentId}
        name={`comment.${criterion.key}`}
        rows={3}
        dir="auto"
        defaultValue={comment ?? ""}
        aria-invalid={commentError ? true : undefined}
        aria-describedby={commentError ? `${commentId}-error` : undefined}
      />
    </fieldset>
  );
}

/**
 * With JavaScript: drafts go through a fetcher (the review form's enhancer says when, three
 * seconds after the last change); the version they return is the next post's. An error stops them.
 */
function useDraftSaving(initialVersion: number) {
  const fetcher = useFetcher<
    { ok?: true; version?: number; savedAt?: number; errors?: FieldErrors; signedOut?: undefined } | SignedOutDraft
  >();
  const [version, setVersion] = useState(initialVersion);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [stopped, setStopped] = useState(false);
  useEffect(() => setVersion(initialVersion), [initialVersion]);
  useEffect(() => {
    const d = fetcher.data;
    if (!d || d.signedOut) return;
    if (d.ok && d.version) {
      setVersion(d.version);
      setSavedAt(d.savedAt ?? Date.now());
    } else if (d.errors) setStopped(true);
  }, [fetcher.data]);
  const save = (form: HTMLFormElement) => {
    const body = draftBody(form);
    body.set("intent", "save_draft");
    body.set("autosave", "1");
    fetcher.submit(body, { method: "post" });
  };
  const d = fetcher.data;
  return {
    version,
    savedAt,
    stopped,
    save,
    conflict: d?.signedOut ? undefined : d?.errors?.form?.message,
    signedOut: d?.signedOut === true,
  };
}

// A draft posted once signed out keeps the page (the review typed) rather than follow the sign-in redirect.
export const clientAction = keepPageOnSignedOutDraft((body) => body.get("autosave") === "1");

export default function ReviewPage() {
  const t = useT();
  const { review, application, files, letter, edition, criteria, colleagues, wording } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const [params] = useSearchParams();
  const editable = edition.open && review.state !== "submitted";
  const autosave = useDraftSaving(review.version);
  const reviewResult = result?.form === "review" ? result : undefined;
  const errors = reviewResult?.errors ?? {};
  const kept = reviewResult?.values;
  const defaults: Record<string, string> = {
    overallComment: review.overallComment,
    confidence: review.confidence ? String(review.confidence) : "",
  };
  for (const c of criteria) {
    if (review.scores[c.key] !== undefined) defaults[`score.${c.key}`] = String(review.scores[c.key]);
    if (review.comments[c.key]) defaults[`comment.${c.key}`] = review.comments[c.key];
  }
  const value = (name: string) => (kept ? (kept[name] as string | undefined) : defaults[name]);
  const notice =
    params.get("saved") === "submitted"
      ? "jury.review.submitted_notice"
      : params.get("saved") === "draft"
        ? "jury.review.saved_notice"
        : params.get("reopened")
          ? "jury.review.reopened_notice"
          : null;
  return (
    <>
      <p className="jury-noprint">
        <Link to="/jury">{t("jury.dashboard.title")}</Link>
      </p>
      <h1>
        <ShownName text={application.title} />
      </h1>
      <p className="muted">
        <bdi>{application.organisation}</bdi> · {countryName(application.country, t.locale)} ·{" "}
        <span dir="ltr">{application.reference}</span> · {t(`jury.state.${review.state}`)}
      </p>
      {notice ? <Notice>{t(notice)}</Notice> : null}
      <p>{t(edition.deadline, { date: formatDateTime(edition.closesAt, t.locale) })}</p>
      <div className="jury-split">
        <section className="jury-reading" aria-labelledby="reading-title" tabIndex={0}>
          <h2 id="reading-title">{t("jury.review.reading_title")}</h2>
          <JuryReadingView content={application.content} files={files} letter={letter} wording={wording} />
        </section>
        <section className="jury-scoring" aria-labelledby="scoring-title">
          <h2 id="scoring-title">{t("jury.review.scoring_title")}</h2>
          {!edition.open ? <p className="notice">{t("jury.review.closed")}</p> : null}
          {/* A post the scoring form no longer shown could not take (a second submit from another
              tab, a save after the close): its refusal, which that form would have shown. */}
          {reviewResult?.errors.form && (review.state === "submitted" || !edition.open) ? (
            <div className="error-summary" role="alert" aria-labelledby="review-refused-title" tabIndex={-1} autoFocus>
              <h2 id="review-refused-title">{t("errors.summary_title")}</h2>
              <p>{t(reviewResult.errors.form.message, reviewResult.errors.form.vars)}</p>
            </div>
          ) : null}
          {review.state === "submitted" ? (
            <>
              <dl className="summary">
                {criteria.map((c) => (
                  <div key={c.key}>
                    <dt lang={localizedLang(t.locale, textsOf(c, "title"))} dir="auto">
                      {localized(t.locale, textsOf(c, "title"))}
                    </dt>
                    <dd>
                      {review.scores[c.key]}
                      {/* The dash stays outside the comment's isolate: inside it, a Latin comment on an
                          Arabic page took the dash to its far end and left the score against its last word. */}
                      {review.comments[c.key] ? (
                        <>
                          {" — "}
                          <bdi>{review.comments[c.key]}</bdi>
                        </>
                      ) : null}
                    </dd>
                  </div>
                ))}
                <div>
                  <dt>{t("jury.review.confidence")}</dt>
                  <dd>{review.confidence ? t(`jury.confidence.${review.confidence}`) : "—"}</dd>
                </div>
                <div>
                  <dt>{t("jury.review.overall")}</dt>
                  <dd dir="auto">{review.overallComment || "—"}</dd>
                </div>
              </dl>
              {edition.open ? (
                <ValidatedForm
                  id="reopen"
                  schema={() => import("../jury/forms/jury").then((m) => m.reopenReviewSchema)}
                  result={result?.form === "reopen" ? result : undefined}
                >
                  <input type="hidden" name="intent" value="reopen" />
                  <input type="hidden" name="version" value={String(review.version)} />
                  <SubmitButton secondary>{t("jury.review.reopen")}</SubmitButton>
                </ValidatedForm>
              ) : null}
            </>
          ) : edition.open ? (
            <ValidatedForm
              id="review"
              key={review.id}
              schema={() =>
                import("../jury/forms/jury").then((m) =>
                  m.reviewSchema({ keys: criteria.map((c) => c.key), min: edition.scaleMin, max: edition.scaleMax }),
                )
              }
              result={reviewResult}
              defaultValues={defaults}
              autosave={{ enabled: editable && !autosave.stopped, delay: 3000, save: autosave.save }}
              labels={{
                ...Object.fromEntries(
                  criteria.flatMap((c) => {
                    const title = localized(t.locale, textsOf(c, "title"));
                    return [
                      [`score.${c.key}`, title],
                      [`comment.${c.key}`, t("jury.review.kept_comment", { criterion: title })],
                    ];
                  }),
                ),
                // The question ("How confident are you…?") reads badly before a colon.
                confidence: t("jury.review.confidence_name"),
              }}
            >
              <input type="hidden" name="version" value={String(autosave.version)} />
              <p className="hint">{t("jury.review.scale_hint", { min: edition.scaleMin, max: edition.scaleMax })}</p>
              {criteria.map((c) => (
                <CriterionField
                  key={c.key}
                  criterion={c}
                  min={edition.scaleMin}
                  max={edition.scaleMax}
                  value={value(`score.${c.key}`)}
                  comment={value(`comment.${c.key}`)}
                  error={errors[`score.${c.key}`]}
                  commentError={errors[`comment.${c.key}`]}
                />
              ))}
              <fieldset
                className={errors.confidence ? "field has-error" : "field"}
                id={fieldId("review", "confidence")}
              >
                <legend>{t("jury.review.confidence")}</legend>
                {errors.confidence ? (
                  <p className="field-error">
                    <span className="visually-hidden">{t("errors.prefix")}</span> {t(errors.confidence.message)}
                  </p>
                ) : null}
                <div className="jury-scale">
                  {CONFIDENCE_LEVELS.map((level) => (
                    <label key={level} className="jury-level">
                      <input
                        type="radio"
                        name="confidence"
                        value={level}
                        defaultChecked={value("confidence") === level}
                      />
                      {t(`jury.confidence.${level}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <TextArea
                name="overallComment"
                label={t("jury.review.overall")}
                hint={t("jury.review.overall_hint")}
                rows={4}
              />
              <p className="jury-autosave" role="status">
                {autosave.signedOut
                  ? t("forms.signed_out_draft")
                  : autosave.conflict
                    ? t(autosave.conflict)
                    : autosave.savedAt
                      ? t("jury.review.autosaved", { time: formatDateTime(autosave.savedAt, t.locale) })
                      : ""}
              </p>
              <DraftButtons
                finish={{ intent: "submit", label: t("jury.review.submit") }}
                keep={{ intent: "save_draft", label: t("jury.review.save_draft") }}
              />
            </ValidatedForm>
          ) : null}
          {edition.open ? (
            <details className="jury-recuse" open={result?.form === "recuse"}>
              <summary>{t("jury.review.recuse_title")}</summary>
              <p>{t("jury.review.recuse_text")}</p>
              <ValidatedForm
                id="recuse"
                schema={() => import("../jury/forms/jury").then((m) => m.recuseSchema)}
                result={result?.form === "recuse" ? result : undefined}
              >
                <input type="hidden" name="intent" value="recuse" />
                <TextArea name="reason" label={t("jury.review.recuse_reason")} rows={2} />
                <Checkbox name="confirm" label={t("jury.review.recuse_confirm")} />
                <SubmitButton danger>{t("jury.review.recuse")}</SubmitButton>
              </ValidatedForm>
            </details>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="colleagues-title" className="jury-noprint">
        <h2 id="colleagues-title">{t("jury.colleagues.title")}</h2>
        {colleagues.hidden ? (
          <p className="panel">{t("jury.colleagues.hidden")}</p>
        ) : colleagues.reviews.length === 0 ? (
          <p className="panel">{t("jury.colleagues.none")}</p>
        ) : (
          <div className="table-wrap">
            <p>{t("jury.colleagues.anonymous")}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("jury.colleagues.juror")}</th>
                  {criteria.map((c) => (
                    <th scope="col" key={c.key} lang={localizedLang(t.locale, textsOf(c, "title"))} dir="auto">
                      {localized(t.locale, textsOf(c, "title"))}
                    </th>
                  ))}
                  <th scope="col">{t("jury.review.overall")}</th>
                </tr>
              </thead>
              <tbody>
                {colleagues.reviews.map((r, i) => (
                  <tr key={i}>
                    <td>{t("jury.colleagues.letter", { letter: r.letter })}</td>
                    {criteria.map((c) => (
                      <td key={c.key}>{r.scores[c.key] ?? "—"}</td>
                    ))}
                    <td dir="auto">{r.overallComment || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** A review's fields that hold typed text: the comments (a criterion's, the overall one), a recusal's reason. */
function isReviewText(field: string): boolean {
  return field.startsWith("comment.") || field === "overallComment" || field === "reason";
}

/** A post that came after the session ended hands back what was typed (signed-out-post.tsx). */
export function ErrorBoundary() {
  return (
    <SignedOutPostBoundary
      labelOf={(field, t) =>
        field.startsWith("comment.")
          ? t("jury.review.kept_comment", { criterion: field.slice("comment.".length) })
          : t(field === "reason" ? "jury.review.recuse_reason" : "jury.review.overall")
      }
    />
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFound, requirePermission } from "../accounts/server/permissions.server";
import type { SessionUser } from "../accounts/server/session.server";
import { ApplicationView } from "../applications/components/view";
import { LaureateFacts } from "../applications/components/lists";
import { viewSections } from "../applications/server/view.server";
import { editionSectionWording } from "../editions/models/columns.server";
import { forReaders } from "../applications/domain/sections";
import type { ReactNode } from "react";
import { Checkbox, FileField, SubmitButton, TextArea, ValidatedForm, type FormResult } from "../kernel/components/form";
import { shownPseudonym, useT } from "../kernel/components/i18n";
import { ApplicationFacts } from "../nominations/components/application-facts";
import { LocalTime } from "../kernel/components/local-time";
import { nominationDecisionSchema } from "../nominations/forms/nomination.server";
import { fieldError, readForm, refused, validateForm } from "../kernel/forms/validate.server";
import { formatDate, formatDateTime } from "../kernel/i18n";
import {
  declineApplication,
  getApplicationForEntity,
  checkLetter,
  nominateApplication,
  quotaUsage,
  returnApplication,
} from "../nominations/models/nomination.server";
import { MAX_LETTER_BYTES } from "../nominations/domain/nomination";
import { outcomeState } from "../results/models/outcome.server";
import { laureateFactsFor } from "../applications/server/laureate-facts.server";
import areaCss from "../styles/nominations.css";
import { routeHead } from "../kernel/components/route-head";
import { siteOrigin } from "../kernel/server/site.server";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("nominations.title", areaCss);

const FIELD_OF = { return: "comment", decline: "reason", nominate: "confirm" } as const;

/** The application as one of the user's entities sees it, or a 404. */
function findForUser(user: SessionUser, applicationId: string) {
  for (const entity of user.entities) {
    const application = getApplicationForEntity({ applicationId, entityId: entity.id });
    if (application) return { entity, application };
  }
  notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "nomination.workspace");
  const { entity, application } = findForUser(user, params.applicationId ?? "");
  const frozen = application.nominatedContent !== null;
  // The citation and the date only from the announcement instant, like the public page; the
  // diploma link only for whom the permission rule lets download it.
  return {
    entity: { id: entity.id, name: entity.name },
    application: {
      ...application,
      state: outcomeState(application),
      content: forReaders(frozen ? application.nominatedContent : application.content),
      nominatedContent: null,
    },
    laureate: laureateFactsFor(user, application.id),
    quota: quotaUsage({ entityId: entity.id, editionId: application.editionId }),
    deadlinePassed: application.deadlineAt.getTime() <= Date.now(),
    sections: viewSections(),
    wording: editionSectionWording(application.editionId),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requirePermission(request, "nomination.workspace");
  const { entity, application } = findForUser(user, params.applicationId ?? "");
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_LETTER_BYTES + 1024 * 1024)
    return data({ errors: fieldError("letter", "errors.letter_too_big"), values: {} }, { status: 400 });
  const formData = await readForm(request, { maxBytes: MAX_LETTER_BYTES + 1024 * 1024 });
  const form = await validateForm(request, nominationDecisionSchema, formData);
  if (!form.ok) {
    // The letter's own mistake is said with the form's: without JavaScript it is chosen again at
    // every round, so one round should name everything.
    const letterError =
      form.values.intent === "nominate" && !form.errors.letter ? checkLetter(await letterOf(formData)) : null;
    return refused(
      letterError ? { ...form.errors, ...fieldError("letter", letterError.error, letterError.vars) } : form.errors,
      form.values,
    );
  }
  const input = form.data;
  const errorField = FIELD_OF[input.intent];
  if (input.applicationId !== application.id || input.entityId !== entity.id) {
    return refused(fieldError(errorField, "errors.form_tampered"), form.values);
  }
  const common = { applicationId: application.id, entityId: entity.id, actorId: user.id };
  let result;
  if (input.intent === "return")
    result = returnApplication({ ...common, comment: input.comment, origin: siteOrigin() });
  else if (input.intent === "decline") result = declineApplication({ ...common, reason: input.reason });
  else {
    result = nominateApplication({ ...common, letter: await letterOf(formData) });
  }
  if (!result.ok) {
    if (result.error === "errors.not_found") notFound();
    return data(
      { errors: fieldError(result.field ?? errorField, result.error, result.vars), values: form.values },
      { status: 400 },
    );
  }
  const done = input.intent === "return" ? "returned" : input.intent === "decline" ? "declined" : "nominated";
  return redirect(`/nominations/${application.id}?entity=${encodeURIComponent(entity.id)}&done=${done}`);
});

/** The nomination letter of a post: its name and bytes, both empty when none was chosen. */
async function letterOf(formData: FormData) {
  const file = formData.get("letter");
  return file && typeof file !== "string"
    ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
    : { name: "", bytes: new Uint8Array() };
}

// Loaded on the first interaction with a form (see ValidatedForm).
const decisionSchema = () => import("../nominations/forms/nomination").then((m) => m.nominationDecisionSchema);

// The decisions a nominator may take, in the order the page offers them.
const DECISIONS = ["nominate", "return", "decline"] as const;
type Decision = (typeof DECISIONS)[number];
const isDecision = (step: string | null): step is Decision => DECISIONS.some((d) => d === step);

/**
 * The step of one decision: its title and introduction, then its form (the fields `children`
 * gives), which can be left for the list of decisions.
 */
function DecisionStep({
  intent,
  quota,
  hidden,
  result,
  cancelTo,
  children,
}: {
  intent: Decision;
  /** The entity's quota of nominations, which the nomination's introduction recalls. */
  quota: number;
  /** The inputs naming the application and the entity. */
  hidden: ReactNode;
  result: FormResult | undefined;
  cancelTo: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <h3>{t(`nominations.${intent}_title`)}</h3>
      <p>{t(`nominations.${intent}_intro`, { quota })}</p>
      <ValidatedForm
        id={intent}
        result={result}
        // The nomination carries the letter.
        encType={intent === "nominate" ? "multipart/form-data" : undefined}
        schema={decisionSchema}
      >
        {hidden}
        <input type="hidden" name="intent" value={intent} />
        {children}
        <div className="button-row">
          <SubmitButton>{t(`nominations.${intent}_submit`)}</SubmitButton>
          <Link to={cancelTo}>{t("nominations.cancel")}</Link>
        </div>
      </ValidatedForm>
    </>
  );
}

export default function NominationApplication() {
  const t = useT();
  const { entity, application, laureate, quota, deadlinePassed, sections, wording } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const sentValues = (result?.values ?? {}) as Record<string, unknown>;
  const sentIntent = typeof sentValues.intent === "string" ? sentValues.intent : null;
  const step = sentIntent ?? params.get("do");
  const done = params.get("done");
  const waiting = application.state === "awaiting_nominator";
  // A full quota leaves nothing to nominate with: the nomination is not offered, rather than refused
  // once the letter is chosen and uploaded (the server still refuses it, for two members at once).
  const quotaFull = quota.used >= quota.quota;
  // After the deadline only declining is left: it tells the applicant why.
  const offered = DECISIONS.filter((decision) =>
    deadlinePassed ? decision === "decline" : decision !== "nominate" || !quotaFull,
  );
  const q = `entity=${encodeURIComponent(entity.id)}`;
  const back = `/nominations/${application.id}?${q}`;
  const hidden = (
    <>
      <input type="hidden" name="applicationId" value={application.id} />
      <input type="hidden" name="entityId" value={entity.id} />
    </>
  );
  return (
    <>
      <p className="no-print">
        <Link to={`/nominations?${q}&edition=${encodeURIComponent(application.editionId)}`}>
          {t("nominations.back")}
        </Link>
      </p>
      <h1>
        {t("nominations.view.heading", {
          reference: application.reference,
          title: `\u2068${shownPseudonym(application.title, t)}\u2069`,
        })}
      </h1>
      {done ? (
        <Notice>
          {t(`nominations.${done === "returned" ? "returned" : done === "declined" ? "declined" : "nominated"}_done`)}
        </Notice>
      ) : null}
      <ApplicationFacts application={application} reader="nominator">
        <dt>{t("nominations.sent_on")}</dt>
        <dd>{application.sentAt ? formatDate(new Date(application.sentAt), t.locale) : ""}</dd>
        {/* The entity's words are its current answer only while it stands (returned, declined): an
            application sent again, or nominated since, is not what they were written about. */}
        {application.nominatorComment && (application.state === "returned" || application.state === "declined") ? (
          <>
            <dt>{t("nominations.your_comment")}</dt>
            <dd dir="auto" className="view-text">
              {application.nominatorComment}
            </dd>
          </>
        ) : null}
        {laureate ? <LaureateFacts applicationId={application.id} laureate={laureate} /> : null}
      </ApplicationFacts>
      {waiting ? (
        <section className="panel actions-panel" aria-labelledby="decision-title">
          <h2 id="decision-title">{t("nominations.actions_title")}</h2>
          <p>
            {t("nominations.deadline", { date: formatDateTime(new Date(application.deadlineAt), t.locale) })}
            <LocalTime at={application.deadlineAt} />
          </p>
          <p className="quota">{t("nominations.quota", { used: quota.used, quota: quota.quota })}</p>
          {deadlinePassed ? (
            <p className="notice">{t("nominations.deadline_passed")}</p>
          ) : quotaFull ? (
            <p className="notice">{t("nominations.quota_full", { quota: quota.quota })}</p>
          ) : null}
          {isDecision(step) && offered.includes(step) ? (
            <DecisionStep intent={step} quota={quota.quota} hidden={hidden} result={result} cancelTo={back}>
              {step === "return" ? (
                <TextArea name="comment" label={t("nominations.return_comment")} />
              ) : step === "decline" ? (
                <>
                  <TextArea name="reason" label={t("nominations.decline_reason")} />
                  <Checkbox name="confirm" label={t("nominations.decline_confirm")} />
                </>
              ) : (
                <>
                  <FileField
                    name="letter"
                    label={t("nominations.letter")}
                    hint={t("nominations.letter_hint")}
                    accept="application/pdf,.pdf"
                  />
                  <Checkbox name="confirm" label={t("nominations.nominate_confirm")} />
                </>
              )}
            </DecisionStep>
          ) : (
            <>
              {/* The notice of a full quota or a passed deadline says what is left; this would offer the rest too. */}
              {quotaFull || deadlinePassed ? null : <p>{t("nominations.actions_intro")}</p>}
              <ul className="actions-list">
                {offered.map((decision) => (
                  <li key={decision}>
                    <Link
                      className={decision === "nominate" ? "button" : "button secondary"}
                      to={`${back}&do=${decision}#decision-title`}
                    >
                      {t(`nominations.action.${decision}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : done ? null : (
        <p className="panel">{t("nominations.not_waiting")}</p>
      )}
      <ApplicationView sections={sections} wording={wording} application={application} />
    </>
  );
}

/** The file input, in the same pattern as TextField (label, hint, error next to it). */
export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

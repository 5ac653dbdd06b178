import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { found, requireSecretariat } from "../accounts/server/permissions.server";
import { ApplicationView } from "../applications/components/view";
import { viewSections } from "../applications/server/view.server";
import { editionSectionWording } from "../editions/models/columns.server";
import { forReaders } from "../applications/domain/sections";
import { RadioGroup, SubmitButton, TextArea, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { ApplicationFacts } from "../nominations/components/application-facts";
import { screeningSchema } from "../nominations/forms/screening.server";
import { evidenceField, outcomeField } from "../nominations/forms/screening-filters";
import { ruleText } from "../nominations/domain/screening";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import {
  decideRules,
  getApplicationForScreening,
  screeningLocked,
  type RuleDecision,
} from "../nominations/models/screening.server";
import areaCss from "../styles/nominations.css";
import { routeHead } from "../kernel/components/route-head";
import { Notice } from "../kernel/components/notice";
import { retrySafe } from "../accounts/server/retry-safe.server";
import { shownPseudonym } from "../kernel/components/i18n";

export const { handle, links } = routeHead("screening.title", areaCss);

const SCREENABLE = ["nominated", "eligible", "ineligible"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const application = found(getApplicationForScreening({ applicationId: params.applicationId ?? "" }));
  const { content, nominatedContent, ...rest } = application;
  return {
    application: { ...rest, content: forReaders(nominatedContent ?? content) },
    locked: screeningLocked(application.phase),
    screenable: SCREENABLE.includes(application.state),
    sections: viewSections(),
    wording: editionSectionWording(application.editionId),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const application = found(getApplicationForScreening({ applicationId: params.applicationId ?? "" }));
  const keys = application.rules.map((r) => r.key);
  const form = await validateForm(request, screeningSchema(keys));
  if (!form.ok) return refused(form.errors, form.values);
  const values = form.data as Record<string, string | undefined>;
  const firstField = keys.length ? outcomeField(keys[0]) : "applicationId";
  if (values.applicationId !== application.id || values.editionId !== application.editionId) {
    return refused(fieldError(firstField, "errors.form_tampered"), form.values);
  }
  const decisions: RuleDecision[] = [];
  for (const key of keys) {
    const outcome = values[outcomeField(key)];
    if (outcome === "pass" || outcome === "fail")
      decisions.push({ ruleKey: key, outcome, evidence: (values[evidenceField(key)] ?? "").trim() });
  }
  const result = decideRules({
    applicationId: application.id,
    editionId: values.editionId,
    actorId: user.id,
    decisions,
  });
  if (!result.ok) return refused(fieldError(firstField, result.error), form.values);
  return redirect(`/secretariat/screening/${application.id}?saved=1`);
});

export default function ScreenApplication() {
  const t = useT();
  const { application, locked, screenable, sections, wording } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const decided = new Map(application.decisions.map((d) => [d.ruleKey, d]));
  const defaults: Record<string, string> = {};
  for (const d of application.decisions) {
    defaults[outcomeField(d.ruleKey)] = d.outcome;
    defaults[evidenceField(d.ruleKey)] = d.evidence;
  }
  const keys = application.rules.map((r) => r.key);
  const allDecided = keys.length > 0 && keys.every((k) => decided.has(k));
  return (
    <>
      <p className="no-print">
        <Link to={`/secretariat/screening?edition=${encodeURIComponent(application.editionId)}`}>
          {t("screening.back")}
        </Link>
      </p>
      <h1>
        {t("nominations.view.heading", {
          reference: application.reference,
          title: `\u2068${shownPseudonym(application.title, t)}\u2069`,
        })}
      </h1>
      {params.get("saved") ? <Notice>{t("screening.saved")}</Notice> : null}
      <ApplicationFacts application={application} reader="secretariat" />
      {application.duplicates.length > 0 ? (
        <section aria-labelledby="dups">
          <h2 id="dups">{t("screening.duplicates_title")}</h2>
          <ul>
            {application.duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/secretariat/screening/${d.id}`}>
                  {t("screening.duplicate", { reference: d.reference })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {screenable ? (
        <section className="panel actions-panel" aria-labelledby="rules-title">
          <h2 id="rules-title">{t("screening.rules_title")}</h2>
          <p>
            {allDecided || application.state !== "nominated"
              ? t("screening.result", { state: t(`nominations.state.${application.state}`) })
              : t("screening.result_pending", { decided: decided.size, total: keys.length })}
          </p>
          {locked ? (
            <p className="notice">{t("screening.locked")}</p>
          ) : keys.length === 0 ? (
            <p>{t("screening.no_rules")}</p>
          ) : (
            <>
              <p>{t("screening.rules_intro")}</p>
              <ValidatedForm
                id="screening"
                result={result}
                defaultValues={defaults}
                schema={() =>
                  import("../nominations/forms/screening").then((m) =>
                    m.screeningSchema(application.rules.map((r) => r.key)),
                  )
                }
                labels={Object.fromEntries(
                  application.rules.map((rule) => [
                    evidenceField(rule.key),
                    t("screening.evidence_for", { rule: ruleText(rule, t.locale) }),
                  ]),
                )}
              >
                <input type="hidden" name="applicationId" value={application.id} />
                <input type="hidden" name="editionId" value={application.editionId} />
                {application.rules.map((rule) => (
                  <div className="rule" key={rule.key}>
                    <RadioGroup
                      name={outcomeField(rule.key)}
                      legend={ruleText(rule, t.locale)}
                      options={[
                        { value: "pass", label: t("screening.pass") },
                        { value: "fail", label: t("screening.fail") },
                      ]}
                    />
                    <TextArea
                      name={evidenceField(rule.key)}
                      label={t("screening.evidence")}
                      hint={t("screening.evidence_hint")}
                      rows={2}
                    />
                  </div>
                ))}
                <p className="hint">{t("screening.submit_hint")}</p>
                <SubmitButton>{t("screening.submit")}</SubmitButton>
              </ValidatedForm>
            </>
          )}
        </section>
      ) : null}
      <ApplicationView sections={sections} wording={wording} application={application} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../accounts/server/permissions.server";
import { Checkbox, SelectField, SubmitButton, ValidatedForm } from "../kernel/components/form";
import { EntityField, EntityKindField } from "../nominations/components/entity-fields";
import { useT } from "../kernel/components/i18n";
import { sendSchema } from "../applications/forms/application.server";
import { SECTIONS } from "../applications/domain/sections";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { countryName } from "../kernel/i18n/countries";
import {
  editBlocker,
  listEligibilityRules,
  listNominatingEntities,
  missingForSend,
  sendToEntity,
} from "../applications/models/application.server";
import { listAttachments } from "../applications/models/attachment.server";
import { ownApplication } from "../applications/server/route.server";
import areaCss from "../styles/applications.css";
import { LOCALE_NAMES, localized, textsOf } from "../kernel/i18n";
import { ApplicationTaskHead } from "../applications/components/lists";

export const handle = { title: "applications.check_title" };
export const links = () => [{ rel: "stylesheet", href: areaCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const rules = listEligibilityRules({ editionId: application.editionId });
  const entities = listNominatingEntities();
  return {
    application: {
      id: application.id,
      reference: application.reference,
      editionId: application.editionId,
      version: application.version,
      language: application.language,
      sections: application.content.sections,
      entityId: application.entityId,
      state: application.state,
    },
    rules: rules.map((r) => ({ ...r, declared: application.declarations[r.key] === true })),
    files: listAttachments({ applicationId: application.id, applicantId: user.id }).map((f) => ({
      id: f.id,
      name: f.originalName,
    })),
    missing: missingForSend(
      application,
      rules.map((r) => r.key),
    ),
    commissions: entities
      .filter((e) => e.kind === "national_commission")
      .map((e) => ({ id: e.id, country: e.country ?? "" })),
    ngos: entities.filter((e) => e.kind === "ngo").map((e) => ({ id: e.id, name: e.name })),
    blocker: editBlocker(application),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const form = await validateForm(request, sendSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values, missing: null }, { status: 400 });
  const entityId = form.data.kind === "ngo" ? form.data.ngo! : form.data.commission!;
  const result = sendToEntity({
    applicationId: application.id,
    applicantId: user.id,
    editionId: form.data.editionId,
    entityId,
    version: form.data.version,
  });
  if (!result.ok) {
    const field = result.field === "entity" ? (form.data.kind === "ngo" ? "ngo" : "commission") : "form";
    return data(
      { errors: fieldError(field, result.error), values: form.values, missing: result.missing ?? null },
      { status: 400 },
    );
  }
  return redirect(`/applications/${application.id}?sent=1`);
}

export default function Check() {
  const t = useT();
  const { application: a, rules, files, missing, commissions, ngos, blocker } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/applications/${a.id}`;
  const shownMissing = result?.missing ?? missing;
  const incomplete = shownMissing.sections.length > 0 || shownMissing.declarations.length > 0;
  const value = (kind: string, v: string | undefined) => {
    if (!v) return <span className="muted">{t("applications.not_answered")}</span>;
    if (kind === "country") return countryName(v, t.locale);
    if (kind === "select") return t(`applications.option.organisationType.${v}`);
    return v;
  };
  const collator = new Intl.Collator(t.locale);
  return (
    <>
      <ApplicationTaskHead applicationId={a.id} reference={a.reference} title="applications.check_title" />
      <p>
        {t("applications.language_label")}: {localized(a.language, LOCALE_NAMES)}
      </p>
      {SECTIONS.map((section) => (
        <section key={section.key} aria-labelledby={`h-${section.key}`}>
          <div className="applications-check-head">
            <h2 id={`h-${section.key}`}>{t(`applications.section.${section.key}`)}</h2>
            {blocker ? null : (
              <Link to={`${base}/sections/${section.key}`}>
                {t("applications.change")}
                <span className="visually-hidden"> {t(`applications.section.${section.key}`)}</span>
              </Link>
            )}
          </div>
          <dl className="summary">
            {section.fields.flatMap((f) => [
              <dt key={`${f.key}-t`}>{t(`applications.field.${f.key}`)}</dt>,
              <dd key={`${f.key}-d`} dir="auto" className="applications-answer">
                {value(f.kind, a.sections[section.key]?.[f.key])}
              </dd>,
            ])}
          </dl>
        </section>
      ))}
      <section aria-labelledby="h-files">
        <div className="applications-check-head">
          <h2 id="h-files">{t("applications.attachments_title")}</h2>
          {blocker ? null : (
            <Link to={`${base}/attachments`}>
              {t("applications.change")}
              <span className="visually-hidden"> {t("applications.attachments_title")}</span>
            </Link>
          )}
        </div>
        {files.length === 0 ? (
          <p className="muted">{t("applications.files_empty")}</p>
        ) : (
          <ul>
            {files.map((f) => (
              <li key={f.id}>
                <bdi>{f.name}</bdi>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="h-declarations">
        <div className="applications-check-head">
          <h2 id="h-declarations">{t("applications.declarations_title")}</h2>
          {blocker ? null : (
            <Link to={`${base}/declarations`}>
              {t("applications.change")}
              <span className="visually-hidden"> {t("applications.declarations_title")}</span>
            </Link>
          )}
        </div>
        <ul>
          {rules.map((r) => (
            <li key={r.key}>
              {r.declared ? t("applications.declared_yes") : t("applications.declared_no")} —{" "}
              {localized(t.locale, textsOf(r, "text"))}
            </li>
          ))}
        </ul>
      </section>

      {blocker ? (
        <p className="notice">{t(blocker)}</p>
      ) : (
        <>
          <h2>{t("applications.send_title")}</h2>
          {incomplete ? (
            <div className="notice applications-missing" id="missing">
              <p>{t("applications.missing_intro")}</p>
              <ul>
                {shownMissing.sections.map((key) => (
                  <li key={key}>
                    <Link to={`${base}/sections/${key}`}>{t(`applications.section.${key}`)}</Link>
                  </li>
                ))}
                {shownMissing.declarations.length > 0 ? (
                  <li>
                    <Link to={`${base}/declarations`}>{t("applications.declarations_title")}</Link>
                  </li>
                ) : null}
              </ul>
            </div>
          ) : null}
          <p>{t("applications.send_intro")}</p>
          {commissions.length === 0 && ngos.length === 0 ? (
            <p className="panel">{t("applications.no_entities")}</p>
          ) : (
            <ValidatedForm
              id="send"
              schema={() => import("../applications/forms/application").then((m) => m.sendSchema)}
              result={result}
              defaultValues={{ kind: "national_commission" }}
            >
              <input type="hidden" name="editionId" value={a.editionId} />
              <input type="hidden" name="version" value={a.version} />
              <EntityKindField legend={t("applications.entity_kind_legend")} />
              <SelectField
                name="commission"
                label={t("applications.commission_label")}
                hint={t("applications.commission_hint")}
                placeholder={t("fields.choose")}
                options={commissions
                  .map((c) => ({ value: c.id, label: countryName(c.country, t.locale) }))
                  .sort((x, y) => collator.compare(x.label, y.label))}
              />
              <EntityField
                name="ngo"
                label={t("applications.ngo_label")}
                hint={t("applications.ngo_hint")}
                entities={ngos}
              />
              <Checkbox name="confirm" label={t("applications.send_confirm")} />
              <SubmitButton>{t("applications.send_submit")}</SubmitButton>
            </ValidatedForm>
          )}
        </>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

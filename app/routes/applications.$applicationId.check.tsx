import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "../accounts/server/permissions.server";
import { Checkbox, SelectField, SubmitButton, ValidatedForm } from "../kernel/components/form";
import { EntityField, EntityKindField } from "../nominations/components/entity-fields";
import { useT } from "../kernel/components/i18n";
import { sendSchema } from "../applications/forms/application.server";
import { promptedField, SECTIONS, sectionText, sectionWordingOf } from "../applications/domain/sections";
import { fieldError, validateForm } from "../kernel/forms/validate.server";
import { countryName } from "../kernel/i18n/countries";
import { resolveLocale } from "../kernel/i18n/locale.server";
import {
  editBlocker,
  listNominatingEntities,
  missingForSend,
  sendToEntity,
} from "../applications/models/application.server";
import { listAttachments } from "../applications/models/attachment.server";
import { ownApplication, rulesDeclared } from "../applications/server/route.server";
import areaCss from "../styles/applications.css";
import { routeHead } from "../kernel/components/route-head";
import { formatDate, LOCALE_NAMES, localized, textsOf } from "../kernel/i18n";
import { internalDeadlines } from "../nominations/models/nomination.server";
import { ApplicationTaskHead } from "../applications/components/lists";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("applications.check_title", areaCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const application = ownApplication(user.id, params.applicationId);
  const rules = rulesDeclared(application);
  const entities = listNominatingEntities();
  const deadlines = internalDeadlines({ editionId: application.editionId });
  // Country names come from the server, so that hydration finds the same text (see sortedCountries).
  const locale = await resolveLocale(request, user.locale);
  const collator = new Intl.Collator(locale);
  const countryCodes = SECTIONS.flatMap((s) =>
    s.fields.filter((f) => f.kind === "country").map((f) => application.content.sections[s.key]?.[f.key]),
  ).filter((code): code is string => !!code);
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
    rules,
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
      .map((e) => ({ id: e.id, name: countryName(e.country, locale), deadline: deadlines.get(e.id) ?? null }))
      .sort((x, y) => collator.compare(x.name, y.name)),
    countryNames: Object.fromEntries(countryCodes.map((code) => [code, countryName(code, locale)])),
    ngos: entities
      .filter((e) => e.kind === "ngo")
      .map((e) => ({ id: e.id, name: e.name, deadline: deadlines.get(e.id) ?? null })),
    blocker: editBlocker(application),
    wording: sectionWordingOf(application.edition.sectionWording),
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
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
    kind: form.data.kind,
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
});

/** A part of the application under its heading, with the way to change it while it can be changed. */
function Part({
  id,
  title,
  changeTo,
  children,
}: {
  id: string;
  title: string;
  changeTo: string | null;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <div className="applications-check-head">
        <h2 id={id}>{title}</h2>
        {changeTo === null ? null : (
          <Link to={changeTo}>
            {t("applications.change")}
            <span className="visually-hidden"> {title}</span>
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

export default function Check() {
  const t = useT();
  const {
    application: a,
    rules,
    files,
    missing,
    commissions,
    ngos,
    countryNames,
    blocker,
    wording,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // An entity's own, earlier deadline reads beside its name (a list option holds text only).
  const withDeadline = (e: { name: string; deadline: number | null }) =>
    e.deadline === null
      ? e.name
      : t("applications.entity_with_deadline", { name: e.name, date: formatDate(e.deadline, t.locale) });
  const base = `/applications/${a.id}`;
  const changeTo = (page: string) => (blocker ? null : `${base}/${page}`);
  const shownMissing = result?.missing ?? missing;
  const incomplete = shownMissing.sections.length > 0 || shownMissing.declarations.length > 0;
  const value = (kind: string, key: string, v: string | undefined) => {
    if (!v) return <span className="muted">{t("applications.not_answered")}</span>;
    if (kind === "country") return countryNames[v] ?? v;
    if (kind === "select") return t(`applications.option.${key}.${v}`);
    return v;
  };
  return (
    <>
      <ApplicationTaskHead applicationId={a.id} reference={a.reference} title={t("applications.check_title")} />
      <p>
        {t("fields.labelled", { label: t("applications.language_label") })} {localized(a.language, LOCALE_NAMES)}
      </p>
      {SECTIONS.map((section) => (
        <Part
          key={section.key}
          id={`h-${section.key}`}
          title={sectionText(t, wording, section.key, "title")}
          changeTo={changeTo(`sections/${section.key}`)}
        >
          {promptedField(section) ? null : <p className="muted">{sectionText(t, wording, section.key, "prompt")}</p>}
          <dl className="summary">
            {section.fields.flatMap((f) => [
              <dt key={`${f.key}-t`}>
                {f.key === promptedField(section)
                  ? sectionText(t, wording, section.key, "prompt")
                  : t(`applications.field.${f.key}`)}
              </dt>,
              <dd key={`${f.key}-d`} dir="auto" className="applications-answer">
                {value(f.kind, f.key, a.sections[section.key]?.[f.key])}
              </dd>,
            ])}
          </dl>
        </Part>
      ))}
      <Part id="h-files" title={t("applications.attachments_title")} changeTo={changeTo("attachments")}>
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
      </Part>
      <Part id="h-declarations" title={t("applications.declarations_title")} changeTo={changeTo("declarations")}>
        <ul>
          {rules.map((r) => (
            <li key={r.key}>
              {r.declared ? t("applications.declared_yes") : t("applications.declared_no")} —{" "}
              {localized(t.locale, textsOf(r, "text"))}
            </li>
          ))}
        </ul>
      </Part>

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
                    <Link to={`${base}/sections/${key}`}>{sectionText(t, wording, key, "title")}</Link>
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
                options={commissions.map((c) => ({ value: c.id, label: withDeadline(c) }))}
              />
              <EntityField
                name="ngo"
                label={t("applications.ngo_label")}
                hint={t("applications.ngo_hint")}
                entities={ngos.map((n) => ({ id: n.id, name: withDeadline(n) }))}
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

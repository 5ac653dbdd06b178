import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { EditionListHead, RemoveConfirmation, TrilingualFields } from "../editions/components/edition-forms";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { ruleSchema } from "../editions/forms/edition.server";
import { fieldError, refused } from "../kernel/forms/validate.server";
import { editionList, editionPost } from "../editions/server/secretariat.server";
import { removeRule, saveRule } from "../editions/models/edition.server";
import editionsCss from "../styles/editions.css";
import { routeHead } from "../kernel/components/route-head";
import { localized, textsOf, textValues } from "../kernel/i18n";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const { handle, links } = routeHead("editions.rules_title", editionsCss);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSecretariat(request);
  const { found, editing, removing } = editionList(request, params.editionId, "rules");
  const e = found.edition;
  return {
    edition: { id: e.id, year: e.year, editable: e.phase === "draft" || e.phase === "call_open" },
    rules: found.rules.map((r) => ({ id: r.id, key: r.key, textEn: r.textEn, textFr: r.textFr, textAr: r.textAr })),
    editing: editing
      ? {
          id: editing.id,
          values: {
            intent: "save",
            ruleId: editing.id,
            key: editing.key,
            ...textValues(editing, "text"),
          },
        }
      : null,
    removing: removing ? { id: removing.id, texts: textsOf(removing, "text") } : null,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const form = await editionPost(request, params.editionId, ruleSchema);
  if (!form.ok) return form.refusal;
  const { editionId, data: input } = form;
  const base = `/secretariat/editions/${editionId}/eligibility`;
  const result =
    input.intent === "remove"
      ? removeRule({ actorId: user.id, editionId, ruleId: input.ruleId })
      : saveRule({ actorId: user.id, editionId, ruleId: input.ruleId || undefined, input });
  if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
  return redirect(`${base}?${input.intent === "remove" ? "removed" : "saved"}=1`);
});

export default function Eligibility() {
  const t = useT();
  const { edition, rules, editing, removing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/secretariat/editions/${edition.id}/eligibility`;
  return (
    <>
      <EditionListHead editionId={edition.id} year={edition.year} title={t("editions.rules_title")} kind="rule" />
      {edition.editable ? <p>{t("editions.rules_intro")}</p> : <p className="notice">{t("editions.rules_locked")}</p>}
      {removing ? (
        <RemoveConfirmation
          kind="rule"
          item={removing}
          editionId={edition.id}
          result={result}
          cancelTo={base}
          schema={() => import("../editions/forms/edition").then((m) => m.ruleSchema)}
        />
      ) : null}
      {rules.length === 0 ? (
        <p className="panel">{t("editions.rules_empty")}</p>
      ) : (
        <ol className="editions-criteria">
          {rules.map((r) => (
            <li key={r.id}>
              <p>
                <bdi>{localized(t.locale, textsOf(r, "text"))}</bdi>
              </p>
              {edition.editable ? (
                <div className="button-row">
                  <Link to={`${base}?edit=${r.id}#rule`}>
                    {t("editions.edit")}
                    <span className="visually-hidden"> {r.key}</span>
                  </Link>
                  <Link to={`${base}?remove=${r.id}`}>
                    {t("editions.remove")}
                    <span className="visually-hidden"> {r.key}</span>
                  </Link>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {edition.editable && !removing ? (
        <>
          <h2>{editing ? t("editions.rule_edit_title") : t("editions.rule_add_title")}</h2>
          <ValidatedForm
            key={editing?.id ?? "new"}
            id="rule"
            schema={() => import("../editions/forms/edition").then((m) => m.ruleSchema)}
            result={result}
            defaultValues={editing?.values ?? { intent: "save" }}
          >
            <input type="hidden" name="editionId" value={edition.id} />
            <input type="hidden" name="intent" value="save" />
            {editing ? <input type="hidden" name="ruleId" value={editing.id} /> : null}
            <TextField name="key" label={t("editions.criterion_key")} hint={t("editions.criterion_key_hint")} />
            <TrilingualFields name="text" label="editions.rule_text" rows={2} />
            <div className="button-row">
              <SubmitButton>{t("editions.rule_save")}</SubmitButton>
              {editing ? <Link to={base}>{t("editions.cancel")}</Link> : null}
            </div>
          </ValidatedForm>
        </>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

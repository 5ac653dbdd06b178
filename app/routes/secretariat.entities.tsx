import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireSecretariat } from "../accounts/server/permissions.server";
import { SelectField, SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { useT } from "../kernel/components/i18n";
import { SecretariatHead } from "../kernel/components/secretariat-head";
import { entitySchema } from "../nominations/forms/entity.server";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import { countryName } from "../kernel/i18n/countries";
import { countryOptions, resolveLocale } from "../kernel/i18n/locale.server";
import { createEntity, listEntitiesPage } from "../nominations/models/entity.server";
import { Pager, pageParam } from "../kernel/components/pager";
import { EntityKindField } from "../nominations/components/entity-fields";
import { DataTable } from "../kernel/components/table";
import { ActionLink } from "../kernel/components/action-link";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "entities.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSecretariat(request);
  const page = pageParam(request);
  const { rows, pages, total } = listEntitiesPage({ page });
  // Names from the server on both pages (see sortedCountries): the list's and the form's.
  const locale = await resolveLocale(request, user.locale);
  return {
    entities: rows.map((e) => ({ ...e, countryName: countryName(e.country, locale) })),
    page,
    pages,
    total,
    countries: new URL(request.url).searchParams.get("add") ? await countryOptions(request, user.locale) : [],
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request }: ActionFunctionArgs) => {
  const user = await requireSecretariat(request);
  const form = await validateForm(request, entitySchema);
  if (!form.ok) return refused(form.errors, form.values);
  const result = createEntity({
    actorId: user.id,
    kind: form.data.kind,
    name: form.data.name,
    country: form.data.country || null,
  });
  if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
  return redirect("/secretariat/entities?created=1");
});

export default function Entities() {
  const t = useT();
  const { entities, page, pages, total, countries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  // One thing per page: the form (with its long country list) apart from the register.
  const adding = !!params.get("add") || !!result?.errors;
  const search = params.toString();
  return (
    <>
      <SecretariatHead title={t("entities.title")} notice={params.get("created") ? t("entities.created") : null} />
      {adding ? (
        <p>
          <Link to=".">{t("entities.back_to_list")}</Link>
        </p>
      ) : total === 0 ? (
        <p className="panel">{t("entities.empty")}</p>
      ) : (
        <DataTable
          rows={entities}
          columns={[
            { head: "fields.entity_name", cell: (e) => <bdi>{e.name}</bdi> },
            { head: "fields.entity_kind", cell: (e) => t(`entity_kind.${e.kind}`) },
            { head: "fields.country", cell: (e) => e.countryName },
            { head: "entities.members", cell: (e) => e.members },
          ]}
        />
      )}
      {!adding ? (
        <>
          <Pager page={page} pages={pages} search={search} />
          <ActionLink to="?add=1">{t("entities.add")}</ActionLink>
        </>
      ) : (
        <>
          <h2>{t("entities.add")}</h2>
          <ValidatedForm
            id="entity"
            schema={() => import("../nominations/forms/entity").then((m) => m.entitySchema)}
            result={result}
          >
            <EntityKindField legend={t("fields.entity_kind")} />
            <TextField name="name" label={t("fields.entity_name")} dirAuto />
            <SelectField
              name="country"
              label={t("fields.country")}
              hint={t("entities.country_hint")}
              placeholder={t("fields.choose")}
              options={countries}
            />
            <SubmitButton>{t("entities.submit")}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { isWeakPassword } from "../accounts/domain/common-passwords";
import { getSessionUser, signIn } from "../accounts/server/session.server";
import { LinkInvalid } from "../accounts/components/account-page";
import { SubmitButton, TextField, ValidatedForm } from "../kernel/components/form";
import { JurorProfileFields, NewPasswordField } from "../accounts/components/account-fields";
import { useT } from "../kernel/components/i18n";
import { acceptInvitationSchema } from "../accounts/forms/accept-invitation.server";
import { fieldError, refused, validateForm } from "../kernel/forms/validate.server";
import { splitList } from "../kernel/forms/form-values";
import { sortedCountries } from "../kernel/i18n/countries";
import { acceptInvitation, findOpenInvitation, invitationWithdrawn } from "../accounts/models/invitations.server";
import { retrySafe } from "../accounts/server/retry-safe.server";

export const handle = { title: "invitation.title" };

// The page is read in the invitation's language unless the visitor chose one (see the root loader).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const invitation = findOpenInvitation({ token: params.token ?? "" });
  if (!invitation) return { invitation: null, withdrawn: invitationWithdrawn({ token: params.token ?? "" }) };
  const { name, email, role, entityName, editionYear, existingAccount, jurorCountry, jurorLanguages, isChair } =
    invitation;
  if (invitation.juryClosed) return { invitation: null, juryClosed: editionYear };
  // Accepting signs in as the invitee: someone signed in as another person is told before, not after.
  const signedInAs = user && user.email !== email ? user.name : null;
  return {
    invitation: { name, email, role, entityName, editionYear, existingAccount, jurorCountry, jurorLanguages, isChair },
    signedInAs,
  };
}

export const action = /* @__PURE__ */ retrySafe(async ({ request, params }: ActionFunctionArgs) => {
  await getSessionUser(request);
  const invitation = findOpenInvitation({ token: params.token ?? "" });
  if (!invitation) return data({ errors: fieldError("password", "errors.link_invalid"), values: {} }, { status: 400 });
  if (invitation.juryClosed)
    return data({ errors: fieldError("password", "errors.invitation_jury_closed"), values: {} }, { status: 400 });
  const juror = invitation.role === "juror";
  const form = await validateForm(
    request,
    acceptInvitationSchema({ existingAccount: invitation.existingAccount, juror }),
  );
  if (!form.ok) return refused(form.errors, form.values);
  if (!invitation.existingAccount && isWeakPassword(form.data.password)) {
    return refused(fieldError("password", "errors.password_common"), form.values);
  }
  const profile = juror
    ? {
        country: form.data.country ?? "",
        languages: splitList(form.data.languages?.toLowerCase()),
        expertise: splitList(form.data.expertise, /[,\n]+/),
      }
    : undefined;
  const result = await acceptInvitation({
    token: params.token ?? "",
    name: form.data.name ?? "",
    password: form.data.password,
    profile,
  });
  if (!result.ok) return refused(fieldError(result.field, result.error), form.values);
  return signIn(request, result.userId, "/dashboard");
});

export default function AcceptInvitation() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const { invitation } = loaded;
  const result = useActionData<typeof action>();
  if (!invitation && "juryClosed" in loaded)
    return (
      <>
        <h1>{t("invitation.title")}</h1>
        <p>{t("invitation.jury_closed", { year: loaded.juryClosed ?? "" })}</p>
      </>
    );
  if (!invitation)
    return (
      <LinkInvalid
        title="invitation.invalid_title"
        text={"withdrawn" in loaded && loaded.withdrawn ? "invitation.withdrawn_text" : undefined}
      />
    );
  const juror = invitation.role === "juror";
  const what =
    invitation.role === "nominator"
      ? t("invitation.as_nominator", { entity: invitation.entityName ?? "" })
      : juror
        ? t(invitation.isChair ? "invitation.as_juror_chair" : "invitation.as_juror", {
            year: invitation.editionYear ?? "",
          })
        : invitation.role === "observer"
          ? t("invitation.as_observer", { year: invitation.editionYear ?? "" })
          : t("invitation.as_secretariat");
  return (
    <>
      <h1>{t("invitation.title")}</h1>
      <p>
        {t("invitation.intro", { email: invitation.email })} <bdi>{what}</bdi>
      </p>
      {"signedInAs" in loaded && loaded.signedInAs ? (
        <p className="notice">
          {t("invitation.signed_in_as_other", { name: loaded.signedInAs, email: invitation.email })}
        </p>
      ) : null}
      <ValidatedForm
        id="accept"
        schema={() =>
          import("../accounts/forms/accept-invitation").then((m) =>
            m.acceptInvitationSchema({ existingAccount: invitation.existingAccount, juror }),
          )
        }
        result={result}
        defaultValues={{
          name: invitation.name,
          // What the secretariat may have noted when inviting, for the juror to confirm or correct.
          ...(juror
            ? { country: invitation.jurorCountry ?? "", languages: (invitation.jurorLanguages ?? []).join(", ") }
            : {}),
        }}
      >
        {invitation.existingAccount ? (
          <>
            <p>{t("invitation.existing_account")}</p>
            <TextField
              name="password"
              label={t("fields.current_password")}
              type="password"
              autoComplete="current-password"
            />
          </>
        ) : (
          <>
            <TextField name="name" label={t("fields.full_name")} autoComplete="name" dirAuto />
            <NewPasswordField />
          </>
        )}
        {juror ? (
          <>
            <p>{t("invitation.juror_profile")}</p>
            <JurorProfileFields
              countries={sortedCountries(t.locale).map((c) => ({ value: c.code, label: c.name }))}
              expertise
            />
          </>
        ) : null}
        <SubmitButton>{t("invitation.submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "../kernel/components/error-boundary";

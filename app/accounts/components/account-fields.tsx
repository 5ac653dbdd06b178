import { defineFields, SelectField, TextArea, TextField } from "../../kernel/components/form";
import { LOCALE_NAMES, LOCALES } from "../../kernel/i18n";

/** A person's own email address, which the browser may fill in. */
export const EmailField = defineFields(({ hint }: { hint?: string }, t) => (
  <TextField name="email" label={t("fields.email")} type="email" autoComplete="email" hint={hint} />
));

/** The field that sets a new password, with the rules it must meet. */
export const NewPasswordField = defineFields((_: object, t) => (
  <TextField
    name="password"
    label={t("fields.new_password")}
    type="password"
    autoComplete="new-password"
    hint={t("fields.password_hint")}
  />
));

/** The language a person reads the site and its emails in, each named in itself. */
export const LanguageField = defineFields((_: object, t) => (
  <SelectField
    name="locale"
    label={t("fields.language")}
    options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
  />
));

/** Who a new account is for, and how they sign in and read the site; `emailHint` says what the address is for. */
export const NewAccountFields = defineFields(({ emailHint }: { emailHint?: string }, t) => (
  <>
    <TextField name="name" label={t("fields.full_name")} autoComplete="name" dirAuto />
    <TextField name="email" label={t("fields.email")} type="email" autoComplete="email" hint={emailHint} />
    <NewPasswordField />
    <LanguageField />
  </>
));

/**
 * Where a juror comes from, the languages they read and (with `expertise`) their areas of expertise:
 * asked on accepting a juror's invitation and on the secretariat's jury page. Kept with the account
 * fields because both pages load this module already (one script request fewer).
 */
export const JurorProfileFields = defineFields(
  ({ countries, expertise = false }: { countries: { value: string; label: string }[]; expertise?: boolean }, t) => (
    <>
      <SelectField name="country" label={t("fields.country")} placeholder={t("fields.choose")} options={countries} />
      <TextField name="languages" label={t("jury.members.languages")} hint={t("jury.members.languages_hint")} />
      {expertise ? (
        <TextArea
          name="expertise"
          label={t("jury.members.expertise")}
          hint={t("jury.members.expertise_hint")}
          rows={2}
        />
      ) : null}
    </>
  ),
);

import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { SubmitButton, ValidatedForm, type FormResult, type SchemaLoader } from "../../kernel/components/form";
import { useT } from "../../kernel/components/i18n";

/**
 * The account pages built around one form, each named by the prefix of its texts in the
 * catalogue (`<page>.title`, `<page>.submit`…), which is also its form's id; the value says
 * whether the page has an introduction (`<page>.intro`) under its heading.
 */
const FORM_PAGES = { login: false, register: true, forgot: true, reset: false, setup: true } as const;

/** An account page's heading, introduction and form, which ends with the page's button. */
export function AccountForm({
  page,
  schema,
  result,
  defaultValues,
  notice,
  children,
}: {
  page: keyof typeof FORM_PAGES;
  schema: SchemaLoader;
  result?: FormResult | null;
  defaultValues?: Record<string, unknown>;
  /** What the form that led here did (a new password saved), said under the heading. */
  notice?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <h1>{t(`${page}.title`)}</h1>
      {notice}
      {FORM_PAGES[page] ? <p>{t(`${page}.intro`)}</p> : null}
      <ValidatedForm id={page} schema={schema} result={result} defaultValues={defaultValues}>
        {children}
        <SubmitButton>{t(`${page}.submit`)}</SubmitButton>
      </ValidatedForm>
    </>
  );
}

/** What a page whose form sends an e-mail shows once it is sent (`<page>.sent_title`, `<page>.sent_text`). */
export function AccountMailSent({ page }: { page: "register" | "forgot" }) {
  const t = useT();
  return (
    <>
      <h1>{t(`${page}.sent_title`)}</h1>
      <p className="notice success" role="status">
        {t(`${page}.sent_text`)}
      </p>
    </>
  );
}

/**
 * What a page reached by an e-mailed link shows when the link no longer works: why (by default,
 * that it is invalid or expired) and, where there is one, the way to ask for a new link.
 */
export function LinkInvalid({
  title,
  text = "errors.link_invalid",
  again,
}: {
  title: string;
  text?: string;
  again?: { to: string; label: string };
}) {
  const t = useT();
  return (
    <>
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      {again ? (
        <p>
          <Link to={again.to}>{t(again.label)}</Link>
        </p>
      ) : null}
    </>
  );
}

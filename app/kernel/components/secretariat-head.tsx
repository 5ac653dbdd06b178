import { Link } from "@remix-run/react";
import { useT } from "./i18n";

/**
 * The head of a page of the secretariat's: the way back to its home, the title, and the notice
 * of a post that succeeded (the caller reads it from the URL the post redirected to).
 */
export function SecretariatHead({ title, notice }: { title: string; notice?: string | null }) {
  const t = useT();
  return (
    <>
      <p>
        <Link to="/secretariat">{t("secretariat.title")}</Link>
      </p>
      <h1>{title}</h1>
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
    </>
  );
}

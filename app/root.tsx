import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  type ShouldRevalidateFunction,
  Link,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
} from "@remix-run/react";
import { useContext, useEffect, type ReactNode } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { getSessionUser } from "./accounts/server/session.server";
import { rolesOf } from "./accounts/server/permissions.server";
import { invitationLocaleForPath } from "./accounts/models/invitations.server";
import { registrationLocaleForPath } from "./accounts/models/account.server";
import { ErrorMessage, useRouteErrorKey } from "./kernel/components/error-boundary";
import { useNonce } from "./kernel/components/nonce";
import { isDraftSave, useRootData, useServerFallbackPage, useT, type RootLoaderData } from "./kernel/components/i18n";
import { direction, LOCALE_NAMES, LOCALES } from "./kernel/i18n";
import { areasDiffer } from "./kernel/i18n/areas";
import { messagesTextForPage, resolveLocale } from "./kernel/i18n/locale.server";
import { newFormSeed } from "./kernel/server/retry-safe.server";
import { isPublicPagePath } from "./kernel/server/public-pages.server";
import stylesheet from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "data:," },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const { pathname } = new URL(request.url);
  const locale = await resolveLocale(
    request,
    user?.locale,
    invitationLocaleForPath(pathname) ?? registrationLocaleForPath(pathname),
  );
  return {
    locale,
    // As JSON text: one string for the loader data's encoding instead of ~500 entries (decision 055).
    messages: messagesTextForPage(locale, pathname),
    user: user ? { name: user.name, roles: rolesOf(user) } : null,
    nonce: (context as { nonce?: string }).nonce,
    // A post from nobody signed in has no token to replay (decision 018): no seed on the public
    // pages for a visitor who is not signed in, so the same page renders the same bytes (decision 022).
    formSeed: !user && isPublicPagePath(pathname) ? "" : newFormSeed(),
  } satisfies RootLoaderData;
}

// The root loader sends only the messages of the page's area: reload them when moving to
// a page of another area (Remix would otherwise keep the root data of the first page).
// Nor after a draft saved by itself: the page keeps its data (isDraftSave).
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formData,
  defaultShouldRevalidate,
}) => !isDraftSave(formData) && (defaultShouldRevalidate || areasDiffer(currentUrl.pathname, nextUrl.pathname));

/** The page title: the deepest route's handle.title, with "Error: " after a failed post. */
function usePageTitle(): string {
  const t = useT();
  const matches = useMatches();
  const state = useContext(UNSAFE_DataRouterStateContext);
  const handle = [...matches].reverse().find((m) => (m.handle as { title?: string } | undefined)?.title)?.handle as
    { title: string } | undefined;
  const actionData = Object.values(state?.actionData ?? {}) as { errors?: Record<string, unknown> }[];
  const failed = actionData.some((d) => d && typeof d === "object" && d.errors && Object.keys(d.errors).length > 0);
  const base = handle ? `${t(handle.title)} – ${t("app.short_name")}` : t("app.name");
  return failed ? `${t("title.error_prefix")}${base}` : base;
}

function Document({ children, title, scripts = true }: { children: ReactNode; title: string; scripts?: boolean }) {
  const { locale } = useRootData();
  const nonce = useNonce();
  useEffect(() => {
    // End-to-end tests wait for this before clicking, so they exercise the hydrated path.
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <Links />
      </head>
      <body>
        {children}
        {scripts && <ScrollRestoration nonce={nonce} />}
        {scripts && <Scripts nonce={nonce} />}
      </body>
    </html>
  );
}

function LanguageSwitch() {
  const t = useT();
  const location = useLocation();
  return (
    <form method="post" action="/language" className="language-switch" aria-label={t("nav.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.filter((l) => l !== t.locale).map((l) => (
        <button key={l} type="submit" name="lang" value={l} lang={l} className="link-button">
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li>
      <Link to={to}>{children}</Link>
    </li>
  );
}

function Header() {
  const t = useT();
  const { user } = useRootData();
  const roles = user?.roles ?? [];
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t("nav.skip")}
      </a>
      <div className="header-inner">
        <Link to="/" className="brand">
          {t("app.short_name")}
        </Link>
        <nav aria-label={t("nav.main")}>
          <ul>
            <NavItem to="/call">{t("nav.call")}</NavItem>
            <NavItem to="/laureates">{t("nav.laureates")}</NavItem>
            {roles.includes("secretariat") ? <NavItem to="/secretariat">{t("nav.secretariat")}</NavItem> : null}
            {user ? <NavItem to="/dashboard">{t("nav.dashboard")}</NavItem> : null}
            {user ? (
              <NavItem to="/account">{t("nav.account")}</NavItem>
            ) : (
              <>
                <NavItem to="/login">{t("nav.login")}</NavItem>
                <NavItem to="/register">{t("nav.register")}</NavItem>
              </>
            )}
            {user ? (
              <li>
                <form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </form>
              </li>
            ) : null}
          </ul>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>{t("footer.text")}</p>
      <p>
        <Link to="/privacy">{t("footer.privacy")}</Link>
      </p>
    </footer>
  );
}

export default function App() {
  const title = usePageTitle();
  return (
    <Document title={title}>
      <Header />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </Document>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const key = useRouteErrorKey();
  // The root loader failed: plain HTML in the server's chosen language, not hydrated in English.
  const scripts = !useServerFallbackPage();
  return (
    <Document title={`${t(key)} – ${t("app.short_name")}`} scripts={scripts}>
      <Header />
      <main id="main" tabIndex={-1}>
        <ErrorMessage messageKey={key} />
      </main>
      <Footer />
    </Document>
  );
}

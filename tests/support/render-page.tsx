// A route's page rendered to HTML on the server, with the loader data it is given and the root's
// data in one language: enough to read what a reader of that language sees, without a browser.
import type { ComponentType, ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { catalogues } from "../../app/kernel/i18n/catalogues";
import type { Locale, Messages } from "../../app/kernel/i18n";
import type { RootLoaderData } from "../../app/kernel/components/i18n";

const catalogueTexts = new Map<Locale, string>();
function catalogueText(locale: Locale): string {
  let text = catalogueTexts.get(locale);
  if (text === undefined)
    catalogueTexts.set(locale, (text = JSON.stringify(catalogues[locale] as unknown as Messages)));
  return text;
}

export function renderPage(
  Page: ComponentType,
  {
    data,
    locale,
    path = "/page",
    actionData,
    error,
  }: {
    data: unknown;
    locale: Locale;
    path?: string;
    actionData?: unknown;
    /** What the route threw: the page is then its `ErrorBoundary` (given as `Page`). */
    error?: unknown;
  },
): string {
  // As the root loader sends them: their JSON text (docs/decisions/055-messages-sent-as-text.md).
  const root: RootLoaderData = {
    locale,
    messages: catalogueText(locale),
    user: { name: "Reader", roles: [] },
    formSeed: "seed",
  };
  const router = createMemoryRouter(
    [
      {
        id: "root",
        path: "/",
        loader: () => root,
        children: [
          error === undefined
            ? { id: "page", path: "*", loader: () => data as Record<string, unknown>, Component: Page }
            : { id: "page", path: "*", loader: () => data as Record<string, unknown>, ErrorBoundary: Page },
        ],
      },
    ],
    {
      initialEntries: [path],
      hydrationData: {
        loaderData: { root, page: data },
        actionData: actionData ? { page: actionData } : undefined,
        errors: error === undefined ? undefined : { page: error },
      },
    },
  );
  return renderQuietly(<RouterProvider router={router} />);
}

/** renderToString without react-router's warning that useLayoutEffect does nothing on the server: it is meant so. */
export function renderQuietly(element: ReactElement): string {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (!String(args[0]).includes("useLayoutEffect does nothing on the server")) error(...args);
  };
  try {
    return renderToString(element);
  } finally {
    console.error = error;
  }
}

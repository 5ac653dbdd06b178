// The root loader sends the page's messages as JSON text (decision 055); the pages read them back
// as an object, once per text, and translate with them as before.
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { useRootData, useT, type RootLoaderData } from "../../../../app/kernel/components/i18n";
import { messagesTextForPage } from "../../../../app/kernel/i18n/locale.server";
import { renderQuietly } from "../../../support/render-page";

function render(root: RootLoaderData, Page: () => JSX.Element): string {
  const router = createMemoryRouter([{ id: "root", path: "/", Component: Page }], {
    hydrationData: { loaderData: { root } },
  });
  return renderQuietly(<RouterProvider router={router} />);
}

describe("the page's messages sent as text", () => {
  it("translate as the messages themselves, plural forms and variables included", () => {
    const root: RootLoaderData = { locale: "fr", messages: messagesTextForPage("fr", "/"), user: null, formSeed: "" };
    const Page = () => {
      const t = useT();
      return <p>{t("nav.home")}</p>;
    };
    const html = render(root, Page);
    expect(html).toBe(`<p>${(JSON.parse(root.messages) as Record<string, string>)["nav.home"]}</p>`);
    expect(html).not.toContain("nav.home");
  });

  it("are read back once per text, the same object for every page that sends the same text", () => {
    const text = messagesTextForPage("en", "/call");
    const seen: unknown[] = [];
    const Page = () => {
      seen.push(useRootData().messages);
      return <p />;
    };
    render({ locale: "en", messages: text, user: null, formSeed: "" }, Page);
    // Another page's loader data, the same messages in a string of its own (as the browser decodes it).
    render({ locale: "en", messages: (" " + text).slice(1), user: null, formSeed: "" }, Page);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]).toEqual(JSON.parse(text));
  });
});

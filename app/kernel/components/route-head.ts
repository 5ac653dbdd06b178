import type { MessageKey } from "../i18n";

/**
 * What a page's route module gives the document head: its title (the root puts the deepest
 * route's `handle.title` in <title>) and its area's stylesheet. A route exports both by
 * destructuring, `export const { handle, links } = routeHead("…", css)`, so that they stay named
 * exports of the route module, where Remix looks for them.
 */
export function routeHead(title: MessageKey, stylesheet: string) {
  return {
    handle: { title },
    links: () => [{ rel: "stylesheet", href: stylesheet }],
  };
}

import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

// A form's post whose answer is lost (a dropped connection) is sent again, the same body with the
// same one-time token, so the server runs it at most once and answers the retry with the first
// answer. When every try fails, the route gets an error as its action data instead of an error
// page: the form stays on screen with what was typed, and says the post can be sent again.
const RETRY_DELAYS_MS = [500, 1500, 3500];
const sendRequest = window.fetch.bind(window);

function postedFields(body: unknown): Record<string, string> | null {
  if (!(body instanceof FormData || body instanceof URLSearchParams) || !body.has("formToken")) return null;
  const values: Record<string, string> = {};
  for (const [key, value] of body.entries())
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  return values;
}

/**
 * An action's answer as Remix's single fetch reads it (turbo-stream: one flat JSON array, each
 * object's keys and values by index), for plain objects of strings: what the route would answer
 * a refused post, `{ errors, values }`.
 */
function singleFetchAnswer(data: object): string {
  const flat: unknown[] = [];
  const put = (value: unknown): number => {
    const at = flat.length;
    flat.push(value);
    if (value && typeof value === "object") {
      const node: Record<string, number> = {};
      for (const [key, inner] of Object.entries(value)) {
        node[`_${flat.push(key) - 1}`] = put(inner);
      }
      flat[at] = node;
    }
    return at;
  };
  put({ data });
  return JSON.stringify(flat) + "\n";
}

window.fetch = async (input, init) => {
  const url = typeof input === "string" || input instanceof URL ? new URL(input, window.location.href) : null;
  // Remix posts a route's action to the page's address with ".data" added.
  const values = init?.method === "POST" && url?.pathname.endsWith(".data") ? postedFields(init.body) : null;
  if (!values) return sendRequest(input, init);
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendRequest(input, init);
    } catch (error) {
      if (init?.signal?.aborted || !(error instanceof TypeError)) throw error;
      if (attempt >= RETRY_DELAYS_MS.length)
        return new Response(singleFetchAnswer({ errors: { form: { message: "errors.connection_lost" } }, values }), {
          status: 503,
          headers: { "Content-Type": "text/x-script" },
        });
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
};

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

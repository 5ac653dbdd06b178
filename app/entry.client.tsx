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

window.fetch = async (input, init) => {
  const values =
    init?.method === "POST" && typeof input === "string" && input.includes("_data=") ? postedFields(init.body) : null;
  if (!values) return sendRequest(input, init);
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendRequest(input, init);
    } catch (error) {
      if (init?.signal?.aborted || !(error instanceof TypeError)) throw error;
      if (attempt >= RETRY_DELAYS_MS.length)
        return new Response(JSON.stringify({ errors: { form: { message: "errors.connection_lost" } }, values }), {
          status: 503,
          headers: { "Content-Type": "application/json", "X-Remix-Response": "yes" },
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

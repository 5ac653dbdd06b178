// The hidden field by which every rendered form carries its one-time token (see
// app/kernel/server/retry-safe.server.ts), and what a token looks like: the page's random seed
// (128 bits, base64url) followed by a short key of the form's place on the page.
export const FORM_TOKEN_FIELD = "formToken";

export const FORM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}[A-Za-z0-9_:-]{1,40}$/;

// A draft saved by itself (draftBody) is answered with the new version, and the page keeps what
// is on screen. Remix would then reload every loader of the page (the root's too): during a
// deadline rush, with hundreds of applicants autosaving every few seconds, that reload was half
// of what each autosave cost the server, for data the page already shows (decision 027).
// Kept apart from form.tsx so that the root, which reads it, does not load the forms' code.

/**
 * Whether a post was a draft saved by itself: `intent=autosave` (an application's section) or
 * `autosave=1` (a juror's review).
 *
 * @example
 * isDraftSave(new URLSearchParams("intent=autosave") as unknown as FormData); // true
 */
export function isDraftSave(formData: FormData | undefined): boolean {
  return formData?.get("intent") === "autosave" || formData?.get("autosave") === "1";
}

/** A route's shouldRevalidate: Remix's default, except after a draft saved by itself. */
export const keepDataAfterDraft = ({
  formData,
  defaultShouldRevalidate,
}: {
  formData?: FormData;
  defaultShouldRevalidate: boolean;
}): boolean => defaultShouldRevalidate && !isDraftSave(formData);

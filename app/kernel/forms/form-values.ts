// Helpers the pages need in the browser, kept apart from the zod schemas so that importing them
// does not put zod in a page's first-visit bundle.

export function splitList(value: string | undefined, separator = /[\s,]+/): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(separator)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

import type * as z from "zod";
import { notFound } from "../../accounts/server/permissions.server";
import { fieldError, refused, validateForm } from "../../kernel/forms/validate.server";
import { getEditionForSecretariat } from "../models/edition.server";

export type EditionFound = NonNullable<ReturnType<typeof getEditionForSecretariat>>;

/** The edition a secretariat page works on, with its criteria and rules; an unknown one is no page (404). */
export function editionOr404(editionId: string | undefined): EditionFound {
  const found = getEditionForSecretariat({ editionId: editionId ?? "" });
  if (!found) notFound();
  return found;
}

/**
 * The items a list editor's `?edit=` and `?remove=` name; an id the list does not hold is no
 * page (404), so a stale link never edits or removes something else.
 */
function pickedItems<T extends { id: string }>(request: Request, items: T[]) {
  const url = new URL(request.url);
  const editId = url.searchParams.get("edit");
  const removeId = url.searchParams.get("remove");
  const editing = editId ? items.find((item) => item.id === editId) : undefined;
  const removing = removeId ? items.find((item) => item.id === removeId) : undefined;
  if ((editId && !editing) || (removeId && !removing)) notFound();
  return { editing, removing };
}

/** A list editor of an edition (its criteria or its rules): the edition, and the items of that list the URL picks. */
export function editionList<L extends "criteria" | "rules">(request: Request, editionId: string | undefined, list: L) {
  const found = editionOr404(editionId);
  return { found, ...pickedItems(request, found[list] as EditionFound[L][number][]) };
}

/**
 * Reads a post to one of an edition's pages: a form that names another edition than the URL's
 * (a tab left open on an older edition) is refused as a whole, before its fields are judged.
 */
export async function validateEditionPost<S extends z.ZodType>(request: Request, editionId: string, schema: S) {
  const form = await validateForm(request, schema);
  if (form.values.editionId !== undefined && form.values.editionId !== editionId) {
    return { ok: false as const, refusal: refused(fieldError("form", "errors.edition_mismatch"), form.values) };
  }
  if (!form.ok) return { ok: false as const, refusal: refused(form.errors, form.values) };
  return form;
}

/** A post to the page of the URL's edition: no page (404) for an unknown edition, else its form read as above. */
export async function editionPost<S extends z.ZodType>(request: Request, editionId: string | undefined, schema: S) {
  const { edition } = editionOr404(editionId);
  const form = await validateEditionPost(request, edition.id, schema);
  return form.ok ? { ...form, editionId: edition.id } : form;
}

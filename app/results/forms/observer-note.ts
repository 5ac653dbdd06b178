// The observer's note on an edition: free text, filed or replaced whole.
import * as z from "zod";
import { requiredText } from "../../kernel/forms/fields";

export const OBSERVER_NOTE_MAX = 5000;
export const observerNoteSchema = z.object({ note: requiredText(OBSERVER_NOTE_MAX) });

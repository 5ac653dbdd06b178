// The observer's note on an edition: free text, filed or replaced whole.
import * as z from "zod";
import { requiredText } from "../../kernel/forms/fields";

export const OBSERVER_NOTE_MAX = 5000;
export const observerNoteSchema = z.object({ note: requiredText(OBSERVER_NOTE_MAX) });

/** The secretariat's confirmed removal of an observer, or withdrawal of an observer invitation. */
export const observerRemovalSchema = z.object({ editionId: z.string().optional(), id: z.string().min(1) });

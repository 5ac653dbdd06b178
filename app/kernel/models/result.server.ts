// What a model function answers when it refuses a change: the catalogue key of the message, the
// form field it belongs to when it belongs to one (else the page shows it on the whole form),
// and the values the message names. Routes turn it into field errors with fieldError.
import type { Vars } from "../i18n";

export type Failure = { ok: false; error: string; field?: string; vars?: Vars };

/** Success with what the function produced, or a failure. */
export type Result<T = object> = ({ ok: true } & T) | Failure;

export const fail = (field: string, error: string, vars?: Vars): Failure => ({ ok: false, field, error, vars });

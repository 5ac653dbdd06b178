// The transaction db().transaction hands to its callback. A model function that must take part
// in its caller's transaction takes one; one that may also run on its own takes `Tx | DB`.
import type { DB } from "../../../db/client";

export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

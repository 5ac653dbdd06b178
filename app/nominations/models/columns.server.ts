// Column sets that several areas read a nominating entity with, so that an entity is named alike
// where applicants choose one and where the secretariat keeps the register.
import { nominatingEntities } from "../../../db/schema";

/** What names a nominating entity: its id, its kind (a National Commission or an NGO), its name and country. */
export const entityNaming = {
  id: nominatingEntities.id,
  kind: nominatingEntities.kind,
  name: nominatingEntities.name,
  country: nominatingEntities.country,
};

// Which catalogue areas a page needs, by its address. The root loader sends the core messages
// plus these areas only, in the viewer's language, so a page never carries the text of the
// whole application. tests/app/kernel/i18n/areas.test.ts checks every route against this map.
export const AREAS = [
  "editions",
  "applications",
  "nominations",
  "jury",
  "results",
  "deliberation",
  "integrity",
  "certificate",
  "ranking",
  "observer",
  "audit",
  "privacy",
  "diplomas",
  "data",
] as const;
export type Area = (typeof AREAS)[number];

const BY_PATH: [pattern: RegExp, areas: Area[]][] = [
  [/^\/secretariat\/editions\/[^/]+\/(jury|conflicts|assignment|progress)(\/|$)/, ["jury"]],
  [/^\/secretariat\/editions\/[^/]+\/results(\/|$)/, ["results", "ranking"]],
  [/^\/secretariat\/editions\/[^/]+\/decision\/?$/, ["results", "deliberation", "certificate"]],
  [/^\/secretariat\/editions\/[^/]+\/(deliberation|decision)(\/|$)/, ["results", "deliberation"]],
  [/^\/secretariat\/editions\/[^/]+\/integrity(\/|$)/, ["results", "integrity"]],
  [/^\/secretariat\/editions(\/|$)/, ["editions"]],
  [/^\/secretariat\/screening(\/|$)/, ["nominations", "applications", "editions"]],
  [/^\/secretariat\/diplomas(\/|$)/, ["diplomas"]],
  [/^\/secretariat\/(data-requests|retention)(\/|$)/, ["data"]],
  [/^\/secretariat(\/|$)/, ["editions"]],
  [/^\/applications(\/|$)/, ["applications", "nominations"]],
  [/^\/attachments(\/|$)/, ["applications"]],
  [/^\/nominations(\/|$)/, ["nominations", "applications"]],
  [/^\/nomination-letters(\/|$)/, ["nominations", "applications"]],
  [/^\/jury\/[^/]+\/results(\/|$)/, ["results", "ranking", "jury"]],
  [/^\/jury\/[^/]+\/ballot(\/|$)/, ["results", "deliberation", "jury"]],
  [/^\/jury(\/|$)/, ["jury", "applications"]],
  [/^\/call(\/|$)/, ["editions"]],
  [/^\/laureates(\/|$)/, ["results"]],
  [/^\/diplomas(\/|$)/, ["results"]],
  [/^\/observe\/[^/]+\/results(\/|$)/, ["results", "ranking", "observer"]],
  [/^\/observe\/[^/]+\/integrity(\/|$)/, ["results", "integrity", "observer"]],
  [/^\/observe\/[^/]+\/audit(\/|$)/, ["observer", "audit"]],
  [/^\/observe\/[^/]+(\/|$)/, ["observer"]],
  [/^\/dashboard(\/|$)/, ["applications", "results"]],
  [/^\/privacy(\/|$)/, ["privacy", "data"]],
  [/^\/account\/erasure(\/|$)/, ["data"]],
  [/^\/verify(\/|$)/, ["diplomas"]],
];

export function areasForPath(pathname: string): Area[] {
  return BY_PATH.find(([pattern]) => pattern.test(pathname))?.[1] ?? [];
}

/** True when moving between these two addresses needs other catalogue areas. */
export function areasDiffer(a: string, b: string): boolean {
  return areasForPath(a).join() !== areasForPath(b).join();
}

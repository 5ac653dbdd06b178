// The messages of each language: the core catalogue and every area's, merged once at load.
// Server code reaches them through locale.server.ts; index.ts only takes their keys as a type,
// so the catalogues never travel in the browser bundle.
import type { Locale } from "./index";
import { coreMessages } from "./core";
import { applicationsMessages } from "./areas/applications";
import { editionsMessages } from "./areas/editions";
import { juryMessages } from "./areas/jury";
import { nominationsMessages } from "./areas/nominations";
import { resultsMessages } from "./areas/results";
import { deliberationMessages } from "./areas/deliberation";
import { integrityMessages } from "./areas/results-integrity";
import { certificateMessages } from "./areas/certificate";
import { rankingMessages } from "./areas/ranking";
import { observerMessages } from "./areas/observer";
import { auditMessages } from "./areas/audit";
import { privacyMessages } from "./areas/privacy";
import { diplomasMessages } from "./areas/diplomas";
import { dataMessages } from "./areas/data";

function inLanguage(locale: Locale) {
  return {
    ...coreMessages[locale],
    ...editionsMessages[locale],
    ...applicationsMessages[locale],
    ...nominationsMessages[locale],
    ...juryMessages[locale],
    ...resultsMessages[locale],
    ...deliberationMessages[locale],
    ...integrityMessages[locale],
    ...certificateMessages[locale],
    ...rankingMessages[locale],
    ...observerMessages[locale],
    ...auditMessages[locale],
    ...privacyMessages[locale],
    ...diplomasMessages[locale],
    ...dataMessages[locale],
  };
}

export const catalogues = { en: inLanguage("en"), fr: inLanguage("fr"), ar: inLanguage("ar") };

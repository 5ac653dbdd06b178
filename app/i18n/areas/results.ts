// Messages of the results area, in the three languages; fr and ar must have exactly the en keys.
const en = {} as const;

type Key = keyof typeof en;

export const resultsMessages: { en: typeof en; fr: Record<Key, string>; ar: Record<Key, string> } = {
  en,
  fr: {},
  ar: {},
};

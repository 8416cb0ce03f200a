/** Names two articles share, as a reader would write them ("Xi Jinping", not "president xi"). */

/** Titles before a name: dropped, so "president xi jinping" reads "Xi Jinping". */
const TITLE_WORDS = new Set(
  (
    'president vice secretary minister foreign state general senator rep representative ' +
    'ambassador spokesman spokeswoman spokesperson premier chairman leader mr ms mrs dr admiral'
  ).split(' '),
);
/** Common nouns a shared phrase ends with when it is a topic, not a name ("us-china relations"). */
const TOPIC_ENDS = new Set(
  'relations talks summit policy trade war tariffs administration ministry officials said says'.split(
    ' ',
  ),
);
/** Words that mark a phrase as a topic or a name cut apart by the index ("people republic"). */
const NOT_IN_NAMES = new Set(['us-china', 'china-us', 'sino-us', 'u.s.-china', 'people', 'us']);
/** Nationalities written before a title ("chinese president"). */
const NATIONALITIES = new Set(['us', 'u.s.', 'american', 'chinese', 'china']);

/**
 * Names as people write them: leading titles dropped ("president xi jinping" → "xi jinping"),
 * then a single word left of a title ("president joe" → "joe"), a topic ("us-china relations")
 * or a name the index cut apart ("people republic") is not shown.
 */
export function plainNames(names: string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const words = name.toLowerCase().split(/\s+/).filter(Boolean);
    // "us president joe biden", "chinese foreign minister wang yi": the nationality and titles go.
    while (
      TITLE_WORDS.has(words[0] as string) ||
      (NATIONALITIES.has(words[0] as string) && TITLE_WORDS.has(words[1] as string))
    ) {
      words.shift();
    }
    if (words.length < 2 || TOPIC_ENDS.has(words[words.length - 1] as string)) continue;
    if (words.some((w) => NOT_IN_NAMES.has(w))) continue;
    out.add(words.join(' '));
  }
  return [...out];
}

/** Longest names first, dropping those inside another ("joe biden" in "president joe biden"). */
export function distinctNames(names: string[]): string[] {
  const kept: string[] = [];
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    if (!kept.some((k) => ` ${k} `.includes(` ${n} `))) kept.push(n);
  }
  return kept;
}

export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

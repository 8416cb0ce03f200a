/**
 * The one names module, built from the lexicon (data/lexicon.json):
 * - Chinese family names: the common ones in pinyin (`familyNames`), and the family names of
 *   every Chinese and Taiwanese person the lexicon knows ("Xi Jinping", "Tsai Ing-wen"), so a
 *   person added to the lexicon is known here too. Chinese names put the family name first.
 * - How Chinese-language text writes a person: the lexicon's Chinese forms of the name
 *   ("Joe Biden" → 拜登), and the English name of a person found in a Chinese rendering of it
 *   ("外交部发言人毛宁" → "Mao Ning"): quote matching needs it to see that a Chinese and an
 *   English article quote the same speaker.
 * Each function takes the lexicon to read; what it compiles from a table is built once per table.
 */
import { perLexicon, type Lexicon } from './lexicon.ts';

/** A person's name as the lexicon writes it: two capitalised words ("Wang Yi", "Lai Ching-te"). */
const PERSON = /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u;
const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** A pattern that is a plain name, no regular-expression syntax ("Mao Ning", not "Xi(?!…)"). */
const PLAIN_LATIN = /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)+$/;

const familyNames = perLexicon(
  (lex): ReadonlySet<string> =>
    new Set([
      ...lex.familyNames,
      ...[...lex.cn.flatMap((e) => [e.name, ...e.full]), ...lex.taiwan]
        .filter((n) => PERSON.test(n))
        .map((n) => n.split(' ')[0] as string),
    ]),
);

/** Whether `word` ("Xi", "wang") is a Chinese family name. */
export function isChineseFamilyName(lexicon: Lexicon, word: string): boolean {
  const w = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  return familyNames(lexicon).has(w);
}

const chineseForms = perLexicon((lex) => {
  const forms = new Map<string, readonly string[]>();
  // People only ("China" and "PLA" are actors, not names), and plain forms, not patterns.
  for (const e of [...lex.cn, ...lex.us]) {
    if (e.kind !== 'official' || !PERSON.test(e.name)) continue;
    const zh = [...e.full, ...(e.short ?? [])].filter((f) => HAN.test(f) && !/[()?|[\]\\]/.test(f));
    if (zh.length > 0) forms.set(e.name, zh);
  }
  for (const [name, more] of Object.entries(lex.moreChineseForms)) forms.set(name, more);
  return forms;
});

/** How Chinese-language text writes a person ("Joe Biden" → 拜登), or none. */
export function chineseFormsOf(lexicon: Lexicon, name: string): readonly string[] {
  return chineseForms(lexicon).get(name) ?? [];
}

/** Chinese name → English name, longest Chinese names first. */
const englishNames = perLexicon((lex): readonly (readonly [string, string])[] =>
  [...lex.us, ...lex.cn]
    .filter((e) => e.kind === 'official')
    .flatMap((e) => {
      const english = e.full.find((p) => PLAIN_LATIN.test(p));
      if (!english) return [];
      return e.full.filter((p) => HAN_ONLY.test(p)).map((zh) => [zh, english] as const);
    })
    .sort((a, b) => b[0].length - a[0].length),
);

/** The English name of the lexicon's person named in `text` (Chinese), or null. */
export function englishNameIn(lexicon: Lexicon, text: string): string | null {
  for (const [zh, english] of englishNames(lexicon)) if (text.includes(zh)) return english;
  return null;
}

/**
 * How a Chinese interface names what the reasons name: the lexicon's `zh` display name of an
 * actor, an act or another country ("State Department" → 美国国务院, "call" → 通话, "Russia" →
 * 俄罗斯), else the first Chinese form it gives a person ("Lai Ching-te" → 赖清德); an official
 * named as a page names them ("Xi", "Secretary Austin") by the lexicon's forms of the name.
 */
const displayNames = perLexicon((lex) => {
  const names = new Map<string, string>();
  for (const [name, forms] of Object.entries(lex.moreChineseForms)) {
    const first = forms.find((f) => HAN_ONLY.test(f));
    if (first) names.set(name, first);
  }
  for (const e of [...lex.us, ...lex.cn, ...lex.acts, ...lex.otherCounterparts]) {
    names.set(e.name, e.zh);
  }
  return names;
});

/** An official as a page may name them ("Xi", "Secretary Austin"): each Latin form, whole. */
const officialForms = perLexicon((lex) =>
  [...lex.us, ...lex.cn]
    .filter((e) => e.kind === 'official')
    .flatMap((e) =>
      [...e.full, ...(e.short ?? [])]
        .filter((form) => !HAN.test(form))
        .map((form) => [new RegExp(`^(?:${form})$`), e.zh] as const),
    ),
);

/** The Chinese display name of `name` (an actor's or a person's English name), or null. */
export function chineseDisplayName(lexicon: Lexicon, name: string): string | null {
  return (
    displayNames(lexicon).get(name) ??
    officialForms(lexicon).find(([form]) => form.test(name))?.[1] ??
    null
  );
}

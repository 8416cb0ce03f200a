/**
 * The English name of a person the lexicon knows, found in a Chinese rendering of it
 * ("外交部发言人毛宁" → "Mao Ning", "沙利文" → "Jake Sullivan"): quote matching needs it to see
 * that a Chinese and an English article quote the same speaker.
 */
import { CN_ENTITIES } from './lexicon-cn.ts';
import { US_ENTITIES } from './lexicon-us.ts';

const HAN_ONLY = /^\p{Script=Han}+$/u;
/** A pattern that is a plain name, no regular-expression syntax ("Mao Ning", not "Xi(?!…)"). */
const PLAIN_LATIN = /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)+$/;

/** Chinese name → English name, longest Chinese names first. */
const ZH_NAMES: readonly (readonly [string, string])[] = [...US_ENTITIES, ...CN_ENTITIES]
  .filter((e) => e.kind === 'official')
  .flatMap((e) => {
    const english = e.full.find((p) => PLAIN_LATIN.test(p));
    if (!english) return [];
    return e.full.filter((p) => HAN_ONLY.test(p)).map((zh) => [zh, english] as const);
  })
  .sort((a, b) => b[0].length - a[0].length);

/** The English name of the lexicon's person named in `text` (Chinese), or null. */
export function englishNameIn(text: string): string | null {
  for (const [zh, english] of ZH_NAMES) if (text.includes(zh)) return english;
  return null;
}

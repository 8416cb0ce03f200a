/**
 * Gazetteers derived from the timeline events themselves (no hand list of seed sentences):
 * the people taking part, the places and the names events are known by, each with the
 * pattern that finds them in a sentence.
 */
import type { TimelineEvent } from '../../corpus/types.ts';
import { chineseFormsOf, isChineseFamilyName } from '../chinese-names.ts';
import { escapeRe } from '../fold.ts';
import { perLexicon, type Lexicon } from '../lexicon.ts';

/** Words of event places too generic to point at one event (the lexicon's `placeStop`). */
const placeStop = perLexicon((lex): ReadonlySet<string> => new Set(lex.placeStop));

const CJK = /[\u3400-\u9fff]/;

/** Alternation of literal keys, longest first; Latin keys whole words, Chinese keys anywhere. */
function keysRe(keys: Iterable<string>, flags: string, loose = false): RegExp | null {
  const sorted = [...keys].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return null;
  const lit = (k: string) =>
    loose
      ? k
          .split(/[-\s]+/)
          .map(escapeRe)
          .join('[-\\s]+')
      : escapeRe(k);
  const latin = sorted.filter((k) => !CJK.test(k)).map(lit);
  const cjk = sorted.filter((k) => CJK.test(k)).map(lit);
  const parts = [
    ...(latin.length ? [`\\b(?:${latin.join('|')})\\b`] : []),
    ...(cjk.length ? [`(?:${cjk.join('|')})`] : []),
  ];
  return new RegExp(parts.join('|'), flags);
}

/** How names are compared: lower case, one space for any run of spaces and hyphens. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim();
}

export interface Gazetteer {
  /** Short form (family name) or full name → canonical participant names. */
  persons: Map<string, Set<string>>;
  personRe: RegExp | null;
  /** Place term → event ids. */
  places: Map<string, Set<string>>;
  placeRe: RegExp | null;
  /** Event name (normalised) → event ids. */
  names: Map<string, Set<string>>;
  nameRe: RegExp | null;
}

export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function personKeys(name: string, lexicon: Lexicon): string[] {
  const clean = name.replace(/\([^)]*\)/g, '').trim();
  const words = clean.split(/\s+/);
  // Persons only: two or three capitalised words ("Joe Biden", "Yang Jiechi").
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w))) return [];
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  // Chinese names put the family name first: "Xi Jinping" is referred to as "Xi". ("He" is
  // left out: as a key it would match the pronoun.)
  const family = isChineseFamilyName(lexicon, first) && first !== 'He' ? first : last;
  return [clean, family];
}

export function placeTerms(place: string, lexicon: Lexicon): string[] {
  const out = new Set<string>();
  const PLACE_STOP = placeStop(lexicon);
  for (const segment of place.split(/[,/()]/)) {
    const caps = segment
      .trim()
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w));
    if (caps.length === 0) continue;
    const phrase = caps.join(' ');
    if (caps.length > 1 && caps.length <= 3 && !caps.every((w) => PLACE_STOP.has(w)))
      out.add(phrase);
    for (const w of caps) if (!PLACE_STOP.has(w) && w.length >= 4) out.add(w);
  }
  return [...out].map(stripMarks);
}

/** Gazetteers by timeline, per lexicon: built once for each. */
const gazetteers = perLexicon(() => new WeakMap<TimelineEvent[], Gazetteer>());

/** The gazetteer of `events`, names read with `lexicon`. */
export function gazetteer(events: TimelineEvent[], lexicon: Lexicon): Gazetteer {
  const gazetteerCache = gazetteers(lexicon);
  const cached = gazetteerCache.get(events);
  if (cached) return cached;
  const persons = new Map<string, Set<string>>();
  const places = new Map<string, Set<string>>();
  const names = new Map<string, Set<string>>();
  for (const ev of events) {
    for (const p of ev.participants) {
      for (const key of [...personKeys(p, lexicon), ...chineseFormsOf(lexicon, p)]) {
        const set = persons.get(key) ?? new Set<string>();
        set.add(p);
        persons.set(key, set);
      }
    }
    for (const n of ev.names ?? []) {
      const set = names.get(nameKey(n)) ?? new Set<string>();
      set.add(ev.id);
      names.set(nameKey(n), set);
    }
    if (ev.place) {
      for (const term of placeTerms(ev.place, lexicon)) {
        const set = places.get(term) ?? new Set<string>();
        set.add(ev.id);
        places.set(term, set);
      }
    }
  }
  const g: Gazetteer = {
    persons,
    personRe: keysRe(persons.keys(), 'g'),
    places,
    placeRe: keysRe(places.keys(), 'g'),
    names,
    nameRe: keysRe(names.keys(), 'gi', true),
  };
  gazetteerCache.set(events, g);
  return g;
}

/** The cues of one sentence: dates, quantities, places, event names, people, records, contact words. */
import { findDates } from '../dates.ts';
import { WEIGHT, type Cue, type DateCue, type TypeClass } from './cue-types.ts';
import { nameKey, stripMarks, type Gazetteer } from './gazetteer.ts';
import { findDurations, findFigures } from './quantities.ts';
import type { TimelineEvent } from '../../corpus/types.ts';
import { dayOf } from '../dates.ts';
import { perLexicon, type Lexicon } from '../lexicon.ts';

/** Window around an event for "days after/before" another one. */
const RELATION_WINDOW_DAYS = 14;

/**
 * Contact words by kind (the lexicon's `contactWords`): English ones whole words, any case;
 * Chinese ones anywhere (no word boundaries in Chinese script), after all the English ones.
 */
const typePatterns = perLexicon((lex): [TypeClass, RegExp][] => [
  ...lex.contactWords.map((w): [TypeClass, RegExp] => [
    w.type,
    new RegExp(`\\b(?:${w.en.join('|')})\\b`, 'gi'),
  ]),
  ...lex.contactWords.map((w): [TypeClass, RegExp] => [w.type, new RegExp(w.zh.join('|'), 'g')]),
]);

// prettier-ignore
const TITLE_WORDS = new Set(['President', 'Secretary', 'Minister', 'Director', 'Advisor', 'Adviser']);
const TITLED_NAME =
  /\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Foreign Minister|Secretary|Director|Ambassador)\s+((?:\p{Lu}[\p{Ll}'-]+)(?:\s+\p{Lu}[\p{Ll}'-]+)?)/gu;

/**
 * The cues of sentence `s`. With `specificOnly`, a sentence without any specific cue (a date, a
 * quantity, a place, an event's name, "record") gets none: it can tie to no event, and its
 * people and contact words are not looked for. Contact words are `lexicon`'s.
 */
export function collectCues(
  s: string,
  article: number | null,
  g: Gazetteer,
  lexicon: Lexicon,
  opts: { specificOnly?: boolean } = {},
): Cue[] {
  const cues: Cue[] = [...findDates(s, article), ...findDurations(s), ...findFigures(s)];
  const plain = stripMarks(s);
  if (g.placeRe) {
    for (const m of plain.matchAll(g.placeRe)) {
      const at = m.index ?? 0;
      // "North Korea" is not "South Korea": skip a term glued to another capitalised word.
      const before = /(\p{Lu}[\p{L}.-]*)\s+$/u.exec(plain.slice(Math.max(0, at - 30), at));
      if (before && !g.places.has(`${before[1]} ${m[0]}`) && !TITLE_WORDS.has(before[1] ?? ''))
        continue;
      cues.push({ kind: 'place', text: m[0], at, term: m[0] });
    }
  }
  if (g.nameRe) {
    for (const m of plain.matchAll(g.nameRe)) {
      cues.push({ kind: 'name', text: m[0], at: m.index ?? 0, term: nameKey(m[0]) });
    }
  }
  const records: Cue[] = [];
  for (const m of s.matchAll(/\brecord\b|创纪录|创下纪录/gi)) {
    records.push({ kind: 'record', text: m[0], at: m.index ?? 0 });
  }
  if (opts.specificOnly && cues.length === 0 && records.length === 0) return [];
  if (g.personRe) {
    for (const m of plain.matchAll(g.personRe)) {
      cues.push({ kind: 'person', text: m[0], at: m.index ?? 0, name: m[0] });
    }
  }
  // People the timeline does not know, named with a title ("Prime Minister Ishiba"): they
  // count against contacts between other people.
  for (const m of plain.matchAll(TITLED_NAME)) {
    const name = m[1] ?? '';
    if (g.persons.has(name) || g.persons.has(name.split(/\s+/)[0] ?? '')) continue;
    cues.push({ kind: 'person', text: m[0], at: m.index ?? 0, name: '' });
  }
  cues.push(...records);
  for (const [cls, re] of typePatterns(lexicon)) {
    for (const m of s.matchAll(re)) cues.push({ kind: 'type', text: m[0], at: m.index ?? 0, cls });
  }
  return cues;
}

/** "…, just days after X": a window around an event already found in the sentence. */
export function relationCues(s: string, chosen: { ev: TimelineEvent }[]): DateCue[] {
  const first = chosen[0];
  if (!first) return [];
  const m =
    /\b(?:(?:just|only|a few|several|two|three)\s+)?(?:days|weeks)\s+(?:after|before|earlier|later)\b/i.exec(
      s,
    );
  if (!m) return [];
  const from = dayOf(first.ev.date) as number;
  const to = (first.ev.end ? dayOf(first.ev.end) : null) ?? from;
  return [
    {
      kind: 'date',
      text: m[0],
      at: m.index,
      from: from - RELATION_WINDOW_DAYS,
      to: to + RELATION_WINDOW_DAYS,
      weight: WEIGHT.week,
    },
  ];
}

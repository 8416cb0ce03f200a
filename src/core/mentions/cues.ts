/** The cues of one sentence: dates, quantities, places, event names, people, records, contact words. */
import { findDates } from '../dates.ts';
import { WEIGHT, type Cue, type DateCue, type TypeClass } from './cue-types.ts';
import { nameKey, stripMarks, type Gazetteer } from './gazetteer.ts';
import { findDurations, findFigures } from './quantities.ts';
import type { TimelineEvent } from '../../corpus/types.ts';
import { dayOf } from '../dates.ts';

/** Window around an event for "days after/before" another one. */
const RELATION_WINDOW_DAYS = 14;

export const TYPE_PATTERNS: [TypeClass, RegExp][] = [
  ['summit', /\bsummit\b/gi],
  [
    'call',
    /\b(?:(?:tele)?phone(?:d)?|calls?|spoke|spoken|speak|talked|conversations?|video|virtual(?:ly)?)\b/gi,
  ],
  [
    'meeting',
    /\b(?:met|meet|meets|meeting|meetings|face-to-face|in[- ]person|talks|visit|visited|visits|received|hosted)\b/gi,
  ],
  [
    'incursion',
    /\b(?:warplanes?|war planes|military aircraft|aircraft|fighter jets|sorties|incursions?|ADIZ|air defen[cs]e (?:identification )?zone|defen[cs]e zone|median line|drills|military exercises)\b/gi,
  ],
  [
    'arms',
    /\b(?:arms|weapons|arming|defen[cs]e aid|military aid|security assistance|drawdown|defen[cs]e articles)\b/gi,
  ],
  [
    'trade',
    /\b(?:tariffs?|duties|levy|levies|trade (?:deal|agreement|pact|truce)|deal|agreement|pact)\b/gi,
  ],
  // Chinese contact words (no word boundaries in Chinese script).
  ['summit', /峰会/g],
  ['call', /通电话|通话|电话|视频会晤|视频连线/g],
  ['meeting', /会晤|会谈|会见|会面|见面|磋商|国事访问/g],
  ['incursion', /军机|架次|战机|演习|防空识别区|海峡中线/g],
  ['arms', /军售|售台武器/g],
  ['trade', /关税|协议/g],
];

// prettier-ignore
const TITLE_WORDS = new Set(['President', 'Secretary', 'Minister', 'Director', 'Advisor', 'Adviser']);
const TITLED_NAME =
  /\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Foreign Minister|Secretary|Director|Ambassador)\s+((?:\p{Lu}[\p{Ll}'-]+)(?:\s+\p{Lu}[\p{Ll}'-]+)?)/gu;

/**
 * The cues of sentence `s`. With `specificOnly`, a sentence without any specific cue (a date, a
 * quantity, a place, an event's name, "record") gets none: it can tie to no event, and its
 * people and contact words are not looked for.
 */
export function collectCues(
  s: string,
  article: number | null,
  g: Gazetteer,
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
  for (const [cls, re] of TYPE_PATTERNS) {
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

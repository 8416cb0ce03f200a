/**
 * Scoring a timeline event against a sentence's cues: dates that overlap it, its place, its
 * duration, figures and names, its participants and what kind of contact it was.
 */
import type { TimelineEvent } from '../../corpus/types.ts';
import { dayOf } from '../dates.ts';
import {
  WEIGHT,
  type Cue,
  type DateCue,
  type DurationCue,
  type FigureCue,
  type NameCue,
  type PersonCue,
  type PlaceCue,
  type RecordCue,
  type SpecificCue,
  type TypeClass,
  type TypeCue,
} from './cue-types.ts';
import { nameKey, placeTerms } from './gazetteer.ts';
import { perLexicon, type Lexicon } from '../lexicon.ts';
import { durationsAgree, parseDurationMinutes } from './quantities.ts';

/** A place named by this many events or more does not pin one event without a date. */
const COMMON_PLACE = 3;
/** Bonus when a one-day date meets a one-day event (exactly that day, not a range holding it). */
const EXACT_DAY_BONUS = 0.5;
/** Score lost when the sentence's dates all miss the event. */
const DATE_MISS_PENALTY = 2;
/** Bonus when two place terms agree ("Woodside, California"). */
const SECOND_PLACE_BONUS = 0.5;
/** A figure within half a percent of the event's is the same figure (rounding in reports). */
const FIGURE_TOLERANCE = 0.005;
/** Participants counted, one point each: two make a contact, more add nothing. */
const PERSONS_COUNTED = 2;
/** Score lost by a contact event when the sentence names only other people. */
const OTHER_PEOPLE_PENALTY = 2;
/** Score a fitting contact word adds, or a contact word of another kind takes away. */
const CONTACT_WORD = 1;

/** Trade words fit events whose title is about tariffs, a deal or a truce. */
const TRADE_EVENT = /\b(?:tariffs?|deal|agreement|truce|phase[- ]one)\b/i;

/** Which contact words fit an event. */
function eventClasses(ev: TimelineEvent): Set<TypeClass> {
  const classes = kindClasses(ev);
  if (TRADE_EVENT.test(ev.title)) classes.add('trade');
  return classes;
}

function kindClasses(ev: TimelineEvent): Set<TypeClass> {
  switch (ev.kind) {
    case 'leader-call':
      return new Set(ev.format === 'video call' ? ['call', 'meeting', 'summit'] : ['call']);
    case 'leader-meeting':
      return new Set(['meeting', 'summit']);
    case 'senior-talks':
      return new Set(ev.format === 'phone call' ? ['call'] : ['meeting']);
    case 'taiwan-incursion':
      return new Set(['incursion']);
    case 'arms-sale':
      return new Set(['arms']);
    default:
      return new Set<TypeClass>();
  }
}

const CONTACT_KINDS = new Set(['leader-call', 'leader-meeting', 'senior-talks']);

export interface Candidate {
  ev: TimelineEvent;
  score: number;
  anchored: boolean;
  /** Kinds of evidence that spoke for the event (a date alone is not enough). */
  kinds: number;
  used: SpecificCue[];
  shared: Cue[];
}

export interface EventFacts {
  from: number;
  to: number;
  minutes: number | null;
  numbers: number[];
  places: Set<string>;
  names: Set<string>;
  record: boolean;
  classes: Set<TypeClass>;
}

/**
 * Facts by event, per lexicon: read by every page, the same for each (events are not changed
 * once loaded).
 */
const factsCaches = perLexicon(() => new WeakMap<TimelineEvent, EventFacts | null>());

/** The facts of an event that its scoring reads, computed once per event (and lexicon). */
export function eventFacts(ev: TimelineEvent, lexicon: Lexicon): EventFacts | null {
  const factsCache = factsCaches(lexicon);
  let facts = factsCache.get(ev);
  if (facts === undefined) factsCache.set(ev, (facts = computeFacts(ev, lexicon)));
  return facts;
}

function computeFacts(ev: TimelineEvent, lexicon: Lexicon): EventFacts | null {
  const from = dayOf(ev.date);
  if (from === null) return null;
  const to = (ev.end ? dayOf(ev.end) : null) ?? from;
  return {
    from,
    to,
    minutes: ev.duration ? parseDurationMinutes(ev.duration) : null,
    numbers: Object.values(ev.figures).filter((v): v is number => typeof v === 'number'),
    places: new Set(ev.place ? placeTerms(ev.place, lexicon) : []),
    names: new Set((ev.names ?? []).map(nameKey)),
    record: /\brecord\b/i.test(`${ev.title} ${ev.summary}`),
    classes: eventClasses(ev),
  };
}

/**
 * The specific cue a contact word describes: in English the word usually comes first ("a phone
 * call that lasted 90 minutes", "the face-to-face meeting in Woodside"), so the first specific
 * cue after it, else the nearest one before it.
 */
function nearestSpecific(cue: TypeCue, specifics: SpecificCue[]): SpecificCue | null {
  let after: SpecificCue | null = null;
  let before: SpecificCue | null = null;
  for (const c of specifics) {
    if (c.at > cue.at) {
      if (!after || c.at < after.at) after = c;
    } else if (!before || c.at > before.at) {
      before = c;
    }
  }
  return after ?? before;
}

/** A date cue that overlaps the event (and weighs anything). */
function dateFits(c: DateCue, facts: EventFacts): boolean {
  return c.weight > 0 && c.from <= facts.to && c.to >= facts.from;
}
function durationFits(c: DurationCue, facts: EventFacts): boolean {
  return facts.minutes !== null && durationsAgree(c.minutes, facts.minutes);
}
function figureFits(c: FigureCue, facts: EventFacts): boolean {
  return facts.numbers.some((n) => Math.abs(n - c.value) <= Math.abs(n) * FIGURE_TOLERANCE);
}

/**
 * Whether `scoreEvent` could call the event anchored with these cues: an anchor needs a date
 * finer than a year that overlaps it, its duration, one of its figures, one of its names, or
 * one of its places (with a date or a participant). A cheap test that spares scoring the
 * events that could never be picked.
 */
export function mayAnchor(facts: EventFacts, available: readonly SpecificCue[]): boolean {
  for (const c of available) {
    switch (c.kind) {
      case 'date':
        if (c.weight > WEIGHT.year && dateFits(c, facts)) return true;
        break;
      case 'place':
        if (facts.places.has(c.term)) return true;
        break;
      case 'duration':
        if (durationFits(c, facts)) return true;
        break;
      case 'figure':
        if (figureFits(c, facts)) return true;
        break;
      case 'name':
        if (facts.names.has(c.term)) return true;
        break;
      case 'record':
        break;
    }
  }
  return false;
}

export function scoreEvent(
  ev: TimelineEvent,
  facts: EventFacts,
  cues: Cue[],
  available: SpecificCue[],
  allSpecific: SpecificCue[],
  persons: Map<string, Set<string>>,
  placeEvents: Map<string, Set<string>>,
  claimed: ReadonlySet<Cue>,
): Candidate {
  let score = 0;
  const used: SpecificCue[] = [];
  const shared: Cue[] = [];
  let anchored = false;

  // Dates: the best overlapping date cue counts; date cues that all miss the event count against it.
  const dates = available.filter((c): c is DateCue => c.kind === 'date');
  const allDates = cues.filter((c): c is DateCue => c.kind === 'date');
  let bestDate: DateCue | null = null;
  for (const c of dates) {
    if (dateFits(c, facts)) {
      if (!bestDate || c.weight > bestDate.weight) bestDate = c;
    }
  }
  if (bestDate) {
    score += bestDate.weight;
    if (bestDate.from === bestDate.to && facts.from === facts.to) score += EXACT_DAY_BONUS;
    used.push(bestDate);
    // A year alone ("last year") is too coarse to pick one event; with a place it may.
    if (bestDate.weight > WEIGHT.year) anchored = true;
  } else if (allDates.length > 0) {
    score -= DATE_MISS_PENALTY;
  }
  // Places: once per event, a little more when two terms agree ("Woodside, California").
  const placeHits = available.filter(
    (c): c is PlaceCue => c.kind === 'place' && facts.places.has(c.term),
  );
  // A place shared by many events (Beijing) says little on its own.
  const telling = placeHits.some((c) => (placeEvents.get(c.term)?.size ?? 0) < COMMON_PLACE);
  if (placeHits.length > 0) {
    score +=
      WEIGHT.place + (new Set(placeHits.map((p) => p.term)).size > 1 ? SECOND_PLACE_BONUS : 0);
    used.push(...placeHits);
    if (bestDate && telling) anchored = true;
  }
  if (facts.minutes !== null) {
    const d = available.find(
      (c): c is DurationCue => c.kind === 'duration' && durationFits(c, facts),
    );
    if (d) {
      score += WEIGHT.duration;
      used.push(d);
      anchored = true;
    }
  }
  const fig = available.find((c): c is FigureCue => c.kind === 'figure' && figureFits(c, facts));
  if (fig) {
    score += WEIGHT.figure;
    used.push(fig);
    anchored = true;
  }
  // A name of the event ("the Osaka truce") ties the sentence to it on its own.
  const nameHit = available.find((c): c is NameCue => c.kind === 'name' && facts.names.has(c.term));
  if (nameHit) {
    score += WEIGHT.name;
    used.push(nameHit);
    anchored = true;
  }
  if (facts.record) {
    const r = available.find((c): c is RecordCue => c.kind === 'record');
    if (r) {
      score += WEIGHT.record;
      used.push(r);
    }
  }
  // Participants.
  const named = cues.filter((c): c is PersonCue => c.kind === 'person' && c.name !== '');
  // People already tied to another event of the sentence do not count against this one.
  const unclaimed = named.filter((c) => !claimed.has(c));
  const others = cues.filter((c) => c.kind === 'person' && c.name === '');
  const mine: PersonCue[] = [];
  const distinct = new Set<string>();
  for (const c of named) {
    const who = ev.participants.find((p) => persons.get(c.name)?.has(p));
    if (who === undefined) continue;
    mine.push(c);
    distinct.add(who);
  }
  if (distinct.size > 0) {
    score += Math.min(PERSONS_COUNTED, distinct.size);
    shared.push(...mine);
    if (telling) anchored = true;
  } else if ((unclaimed.length > 0 || others.length > 0) && CONTACT_KINDS.has(ev.kind)) {
    score -= OTHER_PEOPLE_PENALTY;
  }
  // Contact words, bound to the specific cue nearest to them.
  const types = cues.filter((c): c is TypeCue => c.kind === 'type');
  if (types.length > 0 && facts.classes.size > 0) {
    const usedSet = new Set<Cue>(used);
    const bound = types.filter((t) => {
      const near = nearestSpecific(t, allSpecific);
      return near === null || usedSet.has(near);
    });
    const relevant = bound.length > 0 && used.length > 0 ? bound : types;
    const fits = relevant.filter((t) => facts.classes.has(t.cls));
    if (fits.length > 0) {
      score += CONTACT_WORD;
      shared.push(fits[0] as TypeCue);
    } else {
      score -= CONTACT_WORD;
    }
  }
  // A name counts as two kinds of evidence: it says both what and which.
  const kinds = new Set([...used, ...shared].map((c) => c.kind)).size + (nameHit ? 1 : 0);
  return { ev, score, anchored, kinds, used, shared };
}

export function better(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  // A whole (the four-day surge) before its parts, unless a part fits strictly better.
  const pa = a.ev.partOf ? 1 : 0;
  const pb = b.ev.partOf ? 1 : 0;
  if (pa !== pb) return pa - pb;
  if (a.ev.date !== b.ev.date) return a.ev.date < b.ev.date ? 1 : -1;
  return a.ev.id < b.ev.id ? -1 : 1;
}

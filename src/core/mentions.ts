/**
 * Finds the sentences of a text that refer to timeline events ("the last time Biden and Xi spoke
 * was in September, in a call that lasted about 90 minutes" → the 2021-09-09 call).
 *
 * Pure and small enough to run on the reader's page at analysis time, and at build time over
 * the corpus. For each sentence it collects cues — dates resolved against the article's date,
 * durations, amounts and counts, places, participants, "record", and words saying what kind of
 * contact it was — scores every event that happened on or before the article's date, and keeps
 * an event only when the evidence is sufficient: a score threshold, two kinds of evidence, and
 * an anchor (a date of a month or finer, a duration, a figure, or a telling place with a
 * participant or a date), with no other event explained equally well by the same cues. One
 * sentence can mention several events ("the March meeting in Anchorage and the October meeting
 * in Zurich"), so the specific cues used by a chosen event are consumed before the next pick.
 * The gazetteers (people, places) come from the events themselves, so a bigger timeline needs
 * no code change.
 */
import type { EventMention, TimelineEvent } from '../corpus/types.ts';
import { DATE_WEIGHT, dayOf, findDates, zhNumber } from './dates.ts';
import type { DateCue } from './dates.ts';
import { splitSentences } from './text.ts';
import type { Sentence } from './text.ts';

// ---------------------------------------------------------------------------------------------
// Cues

type TypeClass = 'call' | 'meeting' | 'summit' | 'incursion' | 'arms' | 'trade';

interface BaseCue {
  text: string;
  /** Offset in the sentence. */
  at: number;
}
interface PlaceCue extends BaseCue {
  kind: 'place';
  term: string;
}
interface DurationCue extends BaseCue {
  kind: 'duration';
  minutes: number;
}
interface FigureCue extends BaseCue {
  kind: 'figure';
  value: number;
}
/** A phrase that names an event ("the Osaka truce", "第一阶段协议"), from `TimelineEvent.names`. */
interface NameCue extends BaseCue {
  kind: 'name';
  /** The name as normalised in the gazetteer. */
  term: string;
}
interface RecordCue extends BaseCue {
  kind: 'record';
}
interface PersonCue extends BaseCue {
  kind: 'person';
  /** Canonical participant name as written in the events. */
  name: string;
}
interface TypeCue extends BaseCue {
  kind: 'type';
  cls: TypeClass;
}
type Cue = DateCue | PlaceCue | NameCue | DurationCue | FigureCue | RecordCue | PersonCue | TypeCue;
/** Cues that pin one event and are used up by it (shared cues: persons, types). */
type SpecificCue = DateCue | PlaceCue | NameCue | DurationCue | FigureCue | RecordCue;

// Evidence weights: how strongly each kind of cue ties a sentence to one event.
// prettier-ignore
const WEIGHT = { ...DATE_WEIGHT, place: 1.5, duration: 2, figure: 3, record: 1.5, name: 3 };
const MIN_SCORE = 3;
const MAX_PER_SENTENCE = 3;
/** A place named by this many events or more does not pin one event without a date. */
const COMMON_PLACE = 3;
/** Window around an event for "days after/before" another one. */
const RELATION_WINDOW_DAYS = 14;

// prettier-ignore
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  ninety: 90,
};
const NUM = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;

function numberValue(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

/**
 * Minutes in a duration phrase such as "about 90 minutes", "two hours", "six-hour",
 * "1 hour 50 minutes", "three and a half hours", "an hour and a half"; null when none.
 * Used both on sentences and on `TimelineEvent.duration`, so both sides read alike.
 */
export function parseDurationMinutes(text: string): number | null {
  const found = findDurations(text);
  return found.length > 0 ? (found[0] as DurationCue).minutes : null;
}

function findDurations(text: string): DurationCue[] {
  const out: DurationCue[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const push = (m: RegExpMatchArray, minutes: number) => {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) return;
    taken.push([at, at + m[0].length]);
    out.push({ kind: 'duration', text: m[0], at, minutes });
  };
  for (const m of text.matchAll(/\ban?\s+hour\s+and\s+a\s+half\b/gi)) push(m, 90);
  for (const m of text.matchAll(/\bhalf\s+an\s+hour\b/gi)) push(m, 30);
  const hours = new RegExp(
    `\\b${NUM}(\\s+and\\s+a\\s+half)?[\\s-]+hours?\\b(?:,?\\s+(?:and\\s+)?(\\d+)\\s+minutes?)?`,
    'gi',
  );
  for (const m of text.matchAll(hours)) {
    const h = numberValue(m[1] ?? '');
    if (h === null) continue;
    push(m, Math.round(h * 60 + (m[2] ? 30 : 0) + (m[3] ? Number(m[3]) : 0)));
  }
  for (const m of text.matchAll(new RegExp(`\\b${NUM}[\\s-]+minutes?\\b`, 'gi'))) {
    const v = numberValue(m[1] ?? '');
    if (v !== null) push(m, v);
  }
  // Chinese: "三个半小时", "两个多小时", "约90分钟".
  for (const m of text.matchAll(/(\d+|[一二三四五六七八九十两]{1,3})个(半)?多?小时/g)) {
    const h = zhNumber(m[1] ?? '');
    if (h !== null) push(m, h * 60 + (m[2] ? 30 : 0));
  }
  for (const m of text.matchAll(/(\d+|[一二三四五六七八九十两]{1,3})分钟/g)) {
    const v = zhNumber(m[1] ?? '');
    if (v !== null) push(m, v);
  }
  return out.sort((a, b) => a.at - b.at);
}

function durationsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(10, 0.15 * Math.max(a, b));
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

function findFigures(s: string): FigureCue[] {
  const out: FigureCue[] = [];
  const money = /(?:US)?\$\s?(\d+(?:[.,]\d+)*)\s*(thousand|million|billion)?\b/gi;
  for (const m of s.matchAll(money)) {
    const v = Number((m[1] ?? '').replace(/,/g, ''));
    const scale = SCALE[(m[2] ?? '').toLowerCase()] ?? 1;
    if (Number.isFinite(v))
      out.push({ kind: 'figure', text: m[0], at: m.index ?? 0, value: v * scale });
  }
  const counts =
    /\b(\d{1,4})\s+(?:[A-Za-z-]+\s+){0,2}?(aircraft|warplanes|planes|jets|fighters|bombers|ships|vessels|sorties|drones)\b/gi;
  for (const m of s.matchAll(counts)) {
    out.push({ kind: 'figure', text: m[0], at: m.index ?? 0, value: Number(m[1]) });
  }
  // Chinese: "130架次", "56架军机".
  for (const m of s.matchAll(/(\d{1,4})\s*架/g)) {
    out.push({ kind: 'figure', text: m[0], at: m.index ?? 0, value: Number(m[1]) });
  }
  return out;
}

const TYPE_PATTERNS: [TypeClass, RegExp][] = [
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

// prettier-ignore
const TITLE_WORDS = new Set(['President', 'Secretary', 'Minister', 'Director', 'Advisor', 'Adviser']);
const TITLED_NAME =
  /\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Foreign Minister|Secretary|Director|Ambassador)\s+((?:\p{Lu}[\p{Ll}'-]+)(?:\s+\p{Lu}[\p{Ll}'-]+)?)/gu;

// ---------------------------------------------------------------------------------------------
// Gazetteers derived from the events themselves (no hand list of seed sentences)

// Chinese names are written family name first: "Xi Jinping" is referred to as "Xi".
// ("He" is left out: as a key it would match the pronoun.)
// prettier-ignore
const FAMILY_NAME_FIRST = new Set([
  'xi', 'wang', 'yang', 'qin', 'zhang', 'li', 'lin', 'lai', 'tsai', 'han', 'liu', 'chen', 'zhao',
  'hu', 'wen', 'guo', 'dong',
]);
// Words of event places too generic to point at one event.
// prettier-ignore
const PLACE_STOP = new Set([
  'Taiwan', 'ADIZ', 'Strait', 'White', 'House', 'Room', 'Air', 'Base', 'Intl', 'Airport',
  'Roosevelt', 'Carnegie', 'Endowment', 'International', 'Peace', 'Hotel',
]);

/** How Chinese-language text writes the people of the timeline. */
// prettier-ignore
const CHINESE_NAMES: Record<string, string[]> = {
  'Xi Jinping': ['习近平', '习主席'], 'Joe Biden': ['拜登'], 'Donald Trump': ['特朗普', '川普'],
  'Antony Blinken': ['布林肯'], 'Wang Yi': ['王毅'], 'Jake Sullivan': ['沙利文'],
  'Yang Jiechi': ['杨洁篪'], 'Liu He': ['刘鹤'], 'He Lifeng': ['何立峰'], 'Scott Bessent': ['贝森特'],
  'Marco Rubio': ['鲁比奥'], 'Lloyd Austin': ['奥斯汀'], 'Dong Jun': ['董军'], 'Wei Fenghe': ['魏凤和'],
  'Pete Hegseth': ['赫格塞思'], 'Janet Yellen': ['耶伦'], 'Nancy Pelosi': ['佩洛西'],
  'Tsai Ing-wen': ['蔡英文'], 'Lai Ching-te': ['赖清德'], 'Rex Tillerson': ['蒂勒森'],
  'Mike Pompeo': ['蓬佩奥'], 'Steven Mnuchin': ['姆努钦'], 'Robert Lighthizer': ['莱特希泽'],
};

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
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim();
}

interface Gazetteer {
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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function personKeys(name: string): string[] {
  const clean = name.replace(/\([^)]*\)/g, '').trim();
  const words = clean.split(/\s+/);
  // Persons only: two or three capitalised words ("Joe Biden", "Yang Jiechi").
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w))) return [];
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  const family = FAMILY_NAME_FIRST.has(first.toLowerCase()) ? first : last;
  return [clean, family];
}

function placeTerms(place: string): string[] {
  const out = new Set<string>();
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

const gazetteerCache = new WeakMap<TimelineEvent[], Gazetteer>();

function gazetteer(events: TimelineEvent[]): Gazetteer {
  const cached = gazetteerCache.get(events);
  if (cached) return cached;
  const persons = new Map<string, Set<string>>();
  const places = new Map<string, Set<string>>();
  const names = new Map<string, Set<string>>();
  for (const ev of events) {
    for (const p of ev.participants) {
      for (const key of [...personKeys(p), ...(CHINESE_NAMES[p] ?? [])]) {
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
      for (const term of placeTerms(ev.place)) {
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

// ---------------------------------------------------------------------------------------------
// Scoring

interface Candidate {
  ev: TimelineEvent;
  score: number;
  anchored: boolean;
  /** Kinds of evidence that spoke for the event (a date alone is not enough). */
  kinds: number;
  used: SpecificCue[];
  shared: Cue[];
}

interface EventFacts {
  from: number;
  to: number;
  minutes: number | null;
  numbers: number[];
  places: Set<string>;
  names: Set<string>;
  record: boolean;
  classes: Set<TypeClass>;
}

function eventFacts(ev: TimelineEvent): EventFacts | null {
  const from = dayOf(ev.date);
  if (from === null) return null;
  const to = (ev.end ? dayOf(ev.end) : null) ?? from;
  return {
    from,
    to,
    minutes: ev.duration ? parseDurationMinutes(ev.duration) : null,
    numbers: Object.values(ev.figures).filter((v): v is number => typeof v === 'number'),
    places: new Set(ev.place ? placeTerms(ev.place) : []),
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

function scoreEvent(
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
    if (c.weight > 0 && c.from <= facts.to && c.to >= facts.from) {
      if (!bestDate || c.weight > bestDate.weight) bestDate = c;
    }
  }
  if (bestDate) {
    score += bestDate.weight;
    if (bestDate.from === bestDate.to && facts.from === facts.to) score += 0.5;
    used.push(bestDate);
    // A year alone ("last year") is too coarse to pick one event; with a place it may.
    if (bestDate.weight > WEIGHT.year) anchored = true;
  } else if (allDates.length > 0) {
    score -= 2;
  }
  // Places: once per event, a little more when two terms agree ("Woodside, California").
  const placeHits = available.filter(
    (c): c is PlaceCue => c.kind === 'place' && facts.places.has(c.term),
  );
  // A place shared by many events (Beijing) says little on its own.
  const telling = placeHits.some((c) => (placeEvents.get(c.term)?.size ?? 0) < COMMON_PLACE);
  if (placeHits.length > 0) {
    score += WEIGHT.place + (new Set(placeHits.map((p) => p.term)).size > 1 ? 0.5 : 0);
    used.push(...placeHits);
    if (bestDate && telling) anchored = true;
  }
  if (facts.minutes !== null) {
    const d = available.find(
      (c): c is DurationCue =>
        c.kind === 'duration' && durationsAgree(c.minutes, facts.minutes as number),
    );
    if (d) {
      score += WEIGHT.duration;
      used.push(d);
      anchored = true;
    }
  }
  const fig = available.find(
    (c): c is FigureCue =>
      c.kind === 'figure' &&
      facts.numbers.some((n) => Math.abs(n - c.value) <= Math.abs(n) * 0.005),
  );
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
    score += Math.min(2, distinct.size);
    shared.push(...mine);
    if (telling) anchored = true;
  } else if ((unclaimed.length > 0 || others.length > 0) && CONTACT_KINDS.has(ev.kind)) {
    score -= 2;
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
      score += 1;
      shared.push(fits[0] as TypeCue);
    } else {
      score -= 1;
    }
  }
  // A name counts as two kinds of evidence: it says both what and which.
  const kinds = new Set([...used, ...shared].map((c) => c.kind)).size + (nameHit ? 1 : 0);
  return { ev, score, anchored, kinds, used, shared };
}

function better(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  // A whole (the four-day surge) before its parts, unless a part fits strictly better.
  const pa = a.ev.partOf ? 1 : 0;
  const pb = b.ev.partOf ? 1 : 0;
  if (pa !== pb) return pa - pb;
  if (a.ev.date !== b.ev.date) return a.ev.date < b.ev.date ? 1 : -1;
  return a.ev.id < b.ev.id ? -1 : 1;
}

function collectCues(s: string, article: number | null, g: Gazetteer): Cue[] {
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
  for (const m of s.matchAll(/\brecord\b|创纪录|创下纪录/gi)) {
    cues.push({ kind: 'record', text: m[0], at: m.index ?? 0 });
  }
  for (const [cls, re] of TYPE_PATTERNS) {
    for (const m of s.matchAll(re)) cues.push({ kind: 'type', text: m[0], at: m.index ?? 0, cls });
  }
  return cues;
}

function isSpecific(c: Cue): c is SpecificCue {
  return c.kind !== 'person' && c.kind !== 'type';
}

function family(a: TimelineEvent, b: TimelineEvent): boolean {
  return a.id === b.id || a.partOf === b.id || b.partOf === a.id;
}

/**
 * The mentions of timeline events in `text`, in text order. `articleDate` (`YYYY-MM-DD`)
 * resolves relative dates and excludes events after it; with null, only absolute dates count.
 */
export function resolveMentions(
  text: string,
  articleDate: string | null,
  events: TimelineEvent[],
): EventMention[] {
  const article = articleDate ? dayOf(articleDate) : null;
  const g = gazetteer(events);
  const eligible: [TimelineEvent, EventFacts][] = [];
  for (const ev of events) {
    const facts = eventFacts(ev);
    if (!facts) continue;
    if (article !== null && facts.from > article) continue;
    eligible.push([ev, facts]);
  }
  const out: EventMention[] = [];
  for (const sentence of splitSentences(text).flatMap(splitChinese)) {
    const s = sentence.text;
    const cues = collectCues(s, article, g);
    const allSpecific = cues.filter(isSpecific);
    if (allSpecific.length === 0) continue;
    const consumed = new Set<Cue>();
    const claimed = new Set<Cue>();
    const chosen: Candidate[] = [];
    while (chosen.length < MAX_PER_SENTENCE) {
      const available = [...cues, ...relationCues(s, chosen)].filter(
        (c): c is SpecificCue => isSpecific(c) && !consumed.has(c),
      );
      if (available.length === 0) break;
      let best: Candidate | null = null;
      const rivals: Candidate[] = [];
      for (const [ev, facts] of eligible) {
        if (chosen.some((c) => family(c.ev, ev))) continue;
        const cand = scoreEvent(
          ev,
          facts,
          cues,
          available,
          allSpecific,
          g.persons,
          g.places,
          claimed,
        );
        if (cand.score < MIN_SCORE || !cand.anchored || cand.kinds < 2) continue;
        rivals.push(cand);
        if (!best || better(cand, best) < 0) best = cand;
      }
      if (!best) break;
      // Another event explained by the same cues, just as well: the sentence does not say which.
      const rival = rivals.find(
        (r) =>
          r !== best &&
          !family(r.ev, (best as Candidate).ev) &&
          r.score === (best as Candidate).score &&
          r.used.some((c) => (best as Candidate).used.includes(c)),
      );
      if (rival) break;
      chosen.push(best);
      for (const c of best.used) consumed.add(c);
      for (const c of best.shared) if (c.kind === 'person') claimed.add(c);
    }
    for (const c of chosen) {
      const words = [...c.used, ...c.shared]
        .sort((a, b) => a.at - b.at)
        .map((x) => x.text)
        .filter((w, i, all) => all.indexOf(w) === i);
      out.push({
        eventId: c.ev.id,
        sentence: s,
        start: sentence.start,
        end: sentence.end,
        cue: words.join(', '),
      });
    }
  }
  return out;
}

/** Chinese sentences end at 。！？ with no space after them, which `splitSentences` needs. */
function splitChinese(sentence: Sentence): Sentence[] {
  if (!/[。！？；]./.test(sentence.text)) return [sentence];
  const out: Sentence[] = [];
  let start = 0;
  for (const m of sentence.text.matchAll(/[。！？；]+/g)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end > start) out.push(piece(sentence, start, end));
    start = end;
  }
  if (start < sentence.text.length) out.push(piece(sentence, start, sentence.text.length));
  return out.filter((p) => p.text.trim() !== '');
}

function piece(s: Sentence, a: number, b: number): Sentence {
  return { text: s.text.slice(a, b), start: s.start + a, end: s.start + b };
}

/** "…, just days after X": a window around an event already found in the sentence. */
function relationCues(s: string, chosen: Candidate[]): DateCue[] {
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

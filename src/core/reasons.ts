/**
 * Reasons as data: every reason detection, related coverage, quote matches and context entries
 * give is `{ code, params, text }`. `code` and `params` are what the popup and the card format in
 * the reader's language (`_locales/<lang>`); `text` is the English sentence, for the CLI and
 * logs. This catalog is the one place that says which codes exist, what parameters each takes
 * and how it reads in English.
 */
import { plural, times } from './plural.ts';
import { PAGE_ENGLISH, type PageReasonParams } from './reasons-page.ts';
import type { EventKind } from './types.ts';

export type Zone = 'headline' | 'lead' | 'body';
/** A name found on the page and where: "Biden (headline, lead)". */
export interface Found {
  name: string;
  zones: Zone[];
}

/** Each code's parameters. */
export interface ReasonParams extends PageReasonParams {
  'us-actors': { actors: Found[] };
  'us-country-only': { actor: Found };
  'no-us-actor': Record<string, never>;
  'cn-actors': { actors: Found[] };
  'cn-country-only': { actor: Found };
  'no-cn-actor': Record<string, never>;
  'diplomatic-acts': { acts: Found[] };
  /** `acts` of the `about` sentences about China state an act, `top` of them in headline/lead. */
  'act-sentences': { acts: number; about: number; top: number };
  'headline-exchange': { replies: number };
  'china-not-subject': { named: number };
  'taiwan-pla': { taiwan: number; pla: number };
  'pla-us-response': Record<string, never>;
  'working-level': Record<string, never>;
  'other-counterpart': { country: string; mentions: number; us: number };
  'headline-other-counterpart': { countries: string[] };
  'one-of-several': { countries: string[] };
  'no-us-government-act': Record<string, never>;
  overall: { level: 'strong' | 'moderate' | 'weak' | 'none' };
  // Related coverage: why an article was listed.
  /** The reader marked a same-story article as not the same story. */
  'not-same-story': Record<string, never>;
  /** `count` quotes both carry; `example` is the first, clipped. */
  'shared-quotes': { count: number; example: string };
  /** The news event both tell: a timeline event's title or the article's telling sentence. */
  'same-event': { event: string };
  /** Days between the two publication dates (absolute). */
  'published-apart': { days: number };
  /** Names both mention, as people write them. */
  'shared-names': { names: string[] };
  /** How much wording the two share. */
  wording: { level: WordingLevel };
  /** A close version (another translation of one report) of `title`, which tells this story. */
  'close-version': { title: string };
  // Quote matches: why another wording renders the page's remark.
  /** The other wording covers `percent` of the remark's words. */
  'covers-remark': { percent: number };
  /** `percent` of the other (shorter) wording's words are found within the page's quote. */
  'within-quote': { percent: number };
  /** Words tied as `kind`: the page's word and the other wording's, in pairs. */
  'word-ties': { kind: TieKind; pairs: [string, string][] };
  /** A remark of a few words found inside a longer sentence. */
  'short-inside-longer': Record<string, never>;
  /** One wording negates what the other affirms. */
  'opposite-polarity': Record<string, never>;
  /** Both name the same speaker. */
  'same-speaker': { name: string };
  /** The other wording is given to another speaker. */
  'other-speaker': { name: string };
  /** The sentences around the two quotes share `percent` of their words. */
  'similar-surroundings': { percent: number };
  /** Only this sentence of a longer page quote matched. */
  'quote-part': { part: string };
  /** The other wording is a translation, into `language`. */
  rendering: { language: 'en' | 'zh' };
  // Context entries: why an event is in the article's run-up.
  /** The page mentions the event in `sentence`; `cue`: the page's words that tie it. */
  'page-mentions': { sentence: string; cue: string };
  /** Coverage of the same story (the article `title`) mentions the event. */
  'coverage-mentions': { title: string };
  /** The event's participants the page names. */
  involves: { actors: string[] };
  /** The page is about this kind of event. */
  'page-topic': { kind: EventKind };
  /** Days from the event to the article. */
  'days-before': { days: number };
}

/** How two words were tied: a translation, a synonym, a shared root… */
export type TieKind =
  | 'translation'
  | 'loose-translation'
  | 'same-meaning'
  | 'synonym'
  | 'same-root'
  | 'related-word'
  | 'similar-spelling';

export type WordingLevel = 'much' | 'close' | 'some' | 'little';

export type ReasonCode = keyof ReasonParams;

export type Reason = {
  [C in ReasonCode]: { code: C; params: ReasonParams[C]; text: string };
}[ReasonCode];

/** The codes a quote match gives (its date reads as related coverage's does). */
export type QuoteReasonCode =
  | 'covers-remark'
  | 'within-quote'
  | 'word-ties'
  | 'short-inside-longer'
  | 'opposite-polarity'
  | 'same-speaker'
  | 'other-speaker'
  | 'similar-surroundings'
  | 'quote-part'
  | 'rendering'
  | 'published-apart';
export type QuoteReason = Extract<Reason, { code: QuoteReasonCode }>;

/** The codes a context entry gives. */
export type ContextReasonCode =
  'page-mentions' | 'coverage-mentions' | 'involves' | 'page-topic' | 'days-before';
export type ContextReason = Extract<Reason, { code: ContextReasonCode }>;

const found = (f: Found): string => `${f.name} (${f.zones.join(', ')})`;
const foundList = (l: Found[]): string => l.map(found).join('; ');

function actSentences({ acts, about, top }: ReasonParams['act-sentences']): string {
  const act = 'a diplomatic act between US and Chinese actors';
  const lead = top ? ` (${top === 1 ? 'one' : top} in the headline or lead)` : '';
  if (about === 0) return 'No sentence is about China';
  if (acts === 0) {
    return about === 1
      ? `The one sentence about China states no ${act.slice(2)}`
      : `None of the ${about} sentences about China states ${act}`;
  }
  if (about === 1) return `The one sentence about China states ${act}${lead}`;
  return `${acts} of the ${about} sentences about China ${acts === 1 ? 'states' : 'state'} ${act}${lead}`;
}

const OVERALL: Record<ReasonParams['overall']['level'], string> = {
  strong: 'Overall: the signs of US–China diplomacy are strong',
  moderate: 'Overall: the signs of US–China diplomacy are moderate',
  weak: 'Overall: the signs of US–China diplomacy are weak',
  none: 'Overall: there are few or no signs of US–China diplomacy',
};

const WORDING: Record<WordingLevel, string> = {
  much: 'much the same wording',
  close: 'close wording',
  some: 'some wording in common',
  little: 'little wording in common',
};

/** How far apart two articles were published, in the unit a reader would use. */
export function apartIn(days: number): { unit: 'day' | 'month' | 'year'; n: number } {
  if (days <= 31) return { unit: 'day', n: days };
  if (days < 730) return { unit: 'month', n: Math.max(1, Math.round(days / 30)) };
  return { unit: 'year', n: Math.round(days / 365) };
}

function publishedApart(days: number): string {
  if (days === 0) return 'published the same day';
  const { unit, n } = apartIn(days);
  return n === 1 ? `published a ${unit} apart` : `published ${n} ${unit}s apart`;
}

const TIE_KINDS: Record<TieKind, string> = {
  translation: 'translated words',
  'loose-translation': 'loosely translated words',
  'same-meaning': 'words of the same meaning',
  synonym: 'synonyms',
  'same-root': 'words of the same root',
  'related-word': 'related words',
  'similar-spelling': 'similar spelling',
};

const TOPICS: Record<EventKind, string> = {
  'leader-call': 'leaders’ calls',
  'leader-meeting': 'leaders’ meetings',
  'senior-talks': 'senior officials’ talks',
  'taiwan-incursion': 'Taiwan incursions',
  'arms-sale': 'arms sales',
  other: 'other events',
};

function daysBefore(days: number): string {
  if (days === 0) return 'the same day';
  return days === 1 ? 'the day before' : `${days} days before`;
}

/** Each code's English sentence. */
const ENGLISH: { [C in ReasonCode]: (p: ReasonParams[C]) => string } = {
  'us-actors': (p) => `US actors: ${foundList(p.actors)}`,
  'us-country-only': (p) => `US named only as a country: ${found(p.actor)}`,
  'no-us-actor': () => 'No US actor',
  'cn-actors': (p) => `Chinese actors: ${foundList(p.actors)}`,
  'cn-country-only': (p) => `China named as a country: ${found(p.actor)}`,
  'no-cn-actor': () => 'No Chinese actor',
  'diplomatic-acts': (p) => `Diplomatic acts: ${foundList(p.acts)}`,
  'act-sentences': actSentences,
  'headline-exchange': (p) =>
    `The headline states the exchange, and ${p.replies === 1 ? 'one sentence gives' : `${p.replies} sentences give`} one government's turn in it`,
  'china-not-subject': (p) =>
    p.named === 0
      ? 'China is not a subject of the article'
      : `China is not a subject of the article (named ${times(p.named)})`,
  'taiwan-pla': (p) =>
    `Taiwan named ${p.taiwan ? times(p.taiwan) : 'nowhere'}, PLA pressure ${p.pla ? `mentioned ${times(p.pla)}` : 'not mentioned'}`,
  'pla-us-response': () => 'PLA pressure on Taiwan with a US response',
  'working-level': () => 'A working-level exchange, not leaders or senior officials',
  'other-counterpart': (p) =>
    `China's main counterpart is ${p.country} (${plural(p.mentions, 'mention')}, against ${p.us} of the US)`,
  'headline-other-counterpart': (p) =>
    `The headline is about another counterpart (${p.countries.join(', ')}), not China`,
  'one-of-several': (p) =>
    `China is one of several countries in the headline (${p.countries.join(', ')})`,
  'no-us-government-act': () => 'No US government actor in a diplomatic act with China',
  overall: (p) => OVERALL[p.level],
  'not-same-story': () => 'you marked it as not the same story',
  'shared-quotes': (p) =>
    p.count === 1
      ? `shares a quote: “${p.example}”`
      : `shares ${p.count} quotes, e.g. “${p.example}”`,
  'same-event': (p) => `same event: ${p.event}`,
  'published-apart': (p) => publishedApart(p.days),
  'shared-names': (p) => `names both mention: ${p.names.join(', ')}`,
  wording: (p) => WORDING[p.level],
  'close-version': (p) => `a close version of “${p.title}”, which tells this story`,
  'covers-remark': (p) =>
    p.percent === 100 ? 'covers the whole remark' : `covers ${p.percent}% of the remark`,
  'within-quote': (p) => `${p.percent}% of this wording is found in the page’s quote`,
  'word-ties': (p) => `${TIE_KINDS[p.kind]}: ${p.pairs.map(([a, b]) => `${a} → ${b}`).join(', ')}`,
  'short-inside-longer': () => 'a short remark inside a longer sentence',
  'opposite-polarity': () => 'one wording negates what the other affirms',
  'same-speaker': (p) => `same speaker: ${p.name}`,
  'other-speaker': (p) => `another speaker: ${p.name}`,
  'similar-surroundings': (p) => `the sentences around it are alike (${p.percent}% shared words)`,
  'quote-part': (p) => `matches the part “${p.part}”`,
  rendering: (p) => (p.language === 'en' ? 'an English rendering' : 'a Chinese rendering'),
  'page-mentions': (p) => `the page mentions it: “${p.sentence}”${p.cue ? ` (${p.cue})` : ''}`,
  'coverage-mentions': (p) => `coverage of the same story mentions it: “${p.title}”`,
  involves: (p) => `involves ${p.actors.join(', ')}`,
  'page-topic': (p) => `the page is about ${TOPICS[p.kind]}`,
  'days-before': (p) => daysBefore(p.days),
  ...PAGE_ENGLISH,
};

/** A reason of one code. */
export type ReasonOf<C extends ReasonCode> = { code: C; params: ReasonParams[C]; text: string };

/** A reason with its English text. */
export function reason<C extends ReasonCode>(code: C, params: ReasonParams[C]): ReasonOf<C> {
  return { code, params, text: ENGLISH[code](params) };
}

/** A reason without parameters. */
export const bare = (
  code: {
    [C in ReasonCode]: ReasonParams[C] extends Record<string, never> ? C : never;
  }[ReasonCode],
): Reason => reason(code, {} as never);

/** Every code, for tests that check each has its messages. */
export const REASON_CODES = Object.keys(ENGLISH) as ReasonCode[];

/**
 * The names a reason gives, of actors, people, acts and countries (what a Chinese interface
 * writes in Chinese).
 */
export function reasonNames(r: Reason): string[] {
  switch (r.code) {
    case 'us-actors':
    case 'cn-actors':
      return r.params.actors.map((f) => f.name);
    case 'diplomatic-acts':
      return r.params.acts.map((f) => f.name);
    case 'other-counterpart':
      return [r.params.country];
    case 'headline-other-counterpart':
      return r.params.countries;
    case 'us-country-only':
    case 'cn-country-only':
      return [r.params.actor.name];
    case 'shared-names':
      return r.params.names;
    case 'same-event':
      return [r.params.event];
    case 'same-speaker':
    case 'other-speaker':
      return [r.params.name];
    case 'involves':
      return r.params.actors;
    default:
      return [];
  }
}

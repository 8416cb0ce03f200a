/**
 * Is this article about US–China diplomacy? A transparent, rule-based reading of the
 * extracted article only (never navigation or sidebars, which extraction has removed):
 *
 * 1. Find US and Chinese actors, diplomatic acts, Taiwan/PLA terms and other countries,
 *    by zone: headline, lead (first sentences) and body.
 * 2. China must be a subject of the article (headline or lead, or a steady presence).
 * 3. The US–China relationship must be a thread of the story: sentences that state a
 *    diplomatic act with a US actor and a Chinese actor (or "US-China", or "the two sides")
 *    in them or next to them — in the headline or lead, or in a fair share of the sentences
 *    about China — with a US actor that is a government, not just "American players".
 * 4. It is not diplomacy when another country is China's main counterpart (a Xi–Putin
 *    summit) or when China is one of several countries named in the headline.
 */
import { plural, times } from './plural.ts';
import { unreadDetection } from './unread.ts';
import type { Detection, ExtractedArticle, Label } from './types.ts';
import {
  CN_ENTITIES,
  DIPLOMATIC_ACTS,
  OTHER_COUNTERPARTS,
  PAIR_REFERENCES,
  PAIR_TERMS,
  PLA_PRESSURE_TERMS,
  TAIWAN_TERMS,
  US_ENTITIES,
  WORKING_LEVEL_TERMS,
  TRANSCRIPT_HEADLINE_TERMS,
  FIRST_PERSON_TERMS,
  type Entity,
  type Side,
} from './lexicon.ts';

export type Zone = 'headline' | 'lead' | 'body';
const ZONES: readonly Zone[] = ['headline', 'lead', 'body'];

const CJK = /^[\u3000-\u9fff\uff00-\uffef]/;

// Plain \b without the `u` flag: V8 runs it several times faster than Unicode lookarounds,
// and the Latin vocabulary has ASCII letters at its edges. CJK terms need no boundary.
function bounded(source: string): string {
  return CJK.test(source) ? source : `\\b(?:${source})\\b`;
}

function compile(patterns: readonly string[], flags = 'g'): RegExp {
  return new RegExp(patterns.map(bounded).join('|'), flags);
}

interface Combined {
  re: RegExp;
  /** Capture group (0-based) → index of the alternative it belongs to. */
  altOf: number[];
}

/**
 * Alternatives joined into one regex, each in its own capture group (patterns use none).
 * One shared \b…\b around all Latin alternatives (much faster than one per alternative),
 * then the CJK alternatives without boundaries.
 */
function combine(groups: readonly (readonly string[])[], flags: string): Combined {
  const latin: string[] = [];
  const cjk: string[] = [];
  const altOf: number[] = [];
  groups.forEach((g, i) => {
    const l = g.filter((x) => !CJK.test(x));
    if (l.length) {
      latin.push(`(${l.join('|')})`);
      altOf.push(i);
    }
  });
  groups.forEach((g, i) => {
    const c = g.filter((x) => CJK.test(x));
    if (c.length) {
      cjk.push(`(${c.join('|')})`);
      altOf.push(i);
    }
  });
  const parts = [...(latin.length ? [`\\b(?:${latin.join('|')})\\b`] : []), ...cjk];
  return { re: new RegExp(parts.join('|'), flags), altOf };
}

interface EntityAlt {
  entity: Entity;
  short: boolean;
}

// Office and institution names come before country names in the lexicon, so "US officials"
// is read as officials, not as "US" and then "officials".
const ENTITY_ALTS: EntityAlt[] = [...US_ENTITIES, ...CN_ENTITIES].flatMap((entity) => [
  { entity, short: false },
  ...(entity.short?.length ? [{ entity, short: true }] : []),
]);
const ENTITY_RE = combine(
  ENTITY_ALTS.map((a) => (a.short ? a.entity.short! : a.entity.full)),
  'g',
);
const PAIR = compile(PAIR_TERMS);
// Acts are common words, so case does not matter ("Call with" in a headline).
const ACT_NAMES = DIPLOMATIC_ACTS.map((a) => a.name);
const ACT_RE = combine(
  DIPLOMATIC_ACTS.map((a) => a.patterns),
  'gi',
);
const PAIR_REF = compile(PAIR_REFERENCES, 'gi');
const TAIWAN = compile(TAIWAN_TERMS);
const PLA = compile(PLA_PRESSURE_TERMS, 'gi');
const WORKING_LEVEL = compile(WORKING_LEVEL_TERMS, 'gi');
const TRANSCRIPT = compile(TRANSCRIPT_HEADLINE_TERMS, 'gi');
const FIRST_PERSON = compile(FIRST_PERSON_TERMS);
const OTHER_NAMES = OTHER_COUNTERPARTS.map((o) => o.name);
const OTHER_RE = combine(
  OTHER_COUNTERPARTS.map((o) => o.patterns),
  'g',
);

export { namesChinaAnywhere, NO_CHINA_REASON } from './china.ts';

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** Splits text into sentences (Latin and CJK punctuation). */
export function sentences(text: string): string[] {
  // A hand-written scan: far cheaper than a split on a lookbehind regex.
  const out: string[] = [];
  let start = 0;
  const n = text.length;
  const push = (end: number): void => {
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // 。！？；: always the end of a sentence.
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) {
      push(i + 1);
      start = i + 1;
      continue;
    }
    // . ! ? followed by white space and not by a lower-case letter ("U.S. and" stays whole).
    if (c === 46 || c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && /\s/.test(text[j]!)) j++;
      if (j === i + 1 || j >= n) continue;
      const next = text.charCodeAt(j);
      if (next >= 97 && next <= 122) continue;
      push(i + 1);
      start = j;
      i = j - 1;
    }
  }
  push(n);
  return out;
}

/** Words in Latin text; each Han character counts as half a word (roughly, for density). */
function wordCount(text: string): number {
  let words = 0;
  let han = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      inWord = false;
    } else if (c <= 32 || c === 0xa0 || c === 0x3000) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words + Math.round(han / 2);
}

interface Sentence {
  zone: Zone;
  paragraph: number;
  text: string;
}

/** Headline, then the lead (the first sentences, about 60 words), then the body. */
function zoneSentences(article: ExtractedArticle): Sentence[] {
  const out: Sentence[] = [{ zone: 'headline', paragraph: -1, text: article.meta.title }];
  let leadWords = 0;
  article.paragraphs.forEach((p, paragraph) => {
    for (const text of sentences(p)) {
      const zone: Zone = leadWords < 60 ? 'lead' : 'body';
      if (zone === 'lead') leadWords += wordCount(text);
      out.push({ zone, paragraph, text });
    }
  });
  return out;
}

export interface Mention {
  name: string;
  side: Side;
  kind: Entity['kind'];
  zones: Record<Zone, number>;
}

interface SentenceFacts {
  zone: Zone;
  paragraph: number;
  us: boolean;
  usGov: boolean;
  usOfficial: boolean;
  cn: boolean;
  cnGov: boolean;
  cnOfficial: boolean;
  workingLevel: boolean;
  pair: boolean;
  pairRef: boolean;
  act: boolean;
  others: string[];
}

/** Everything detection measured, for the decision and for tests and the evaluation. */
export interface DiplomacyFeatures {
  words: number;
  mentions: Mention[];
  acts: Map<string, Set<Zone>>;
  usTotal: number;
  cnTotal: number;
  chinaFocus: boolean;
  /** Sentences about China (naming a Chinese actor or the pair). */
  cnSentences: number;
  /** Sentences stating a diplomatic act with both sides in or next to them. */
  bilateral: number;
  /** …of which a US government actor (not only "American") is one side. */
  bilateralGov: number;
  /** …of which in the headline or lead. */
  bilateralTop: number;
  /** …of which a named US official and a named Chinese official are the two sides. */
  officialPairs: number;
  headlineBoth: boolean;
  taiwan: number;
  /** PLA pressure vocabulary: drills, incursions, blockade… */
  plaPressure: number;
  /** The headline or lead presents the exchange as working-level. */
  workingLevel: boolean;
  /** The most-named other counterpart and its count. */
  other: [string, number] | null;
  /** Other countries named in the headline. */
  othersInHeadline: string[];
  cnGovInHeadline: boolean;
  cnInHeadline: boolean;
}

export function diplomacyFeatures(article: ExtractedArticle): DiplomacyFeatures {
  const all = zoneSentences(article);
  // One text, scanned once per vocabulary; each match is assigned to its sentence.
  const starts: number[] = [];
  let allText = '';
  for (const s of all) {
    starts.push(allText.length);
    allText += s.text + '\n';
  }
  const words = Math.max(1, wordCount(allText));
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** Sentence indexes of each match of `re`, with the matching alternative's group. */
  const scan = (re: RegExp, onMatch: (sentence: number, group: number) => void): void => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(allText))) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      let group = 0;
      for (let g = 1; g < m.length; g++) {
        if (m[g] !== undefined) {
          group = g - 1;
          break;
        }
      }
      onMatch(sentenceAt(m.index), group);
    }
  };
  const sentencesWith = (re: RegExp): Set<number> => {
    const out = new Set<number>();
    scan(re, (i) => out.add(i));
    return out;
  };

  const facts: SentenceFacts[] = all.map(({ zone, paragraph }) => ({
    zone,
    paragraph,
    us: false,
    usGov: false,
    usOfficial: false,
    cn: false,
    cnGov: false,
    cnOfficial: false,
    workingLevel: false,
    pair: false,
    pairRef: false,
    act: false,
    others: [],
  }));

  // Entities: full forms first; short forms count only for entities named in full.
  const hits: { sentence: number; entity: Entity }[] = [];
  const present = new Set<string>();
  scan(ENTITY_RE.re, (sentence, group) => {
    const alt = ENTITY_ALTS[ENTITY_RE.altOf[group]!]!;
    if (!alt.short) present.add(alt.entity.name);
    hits.push({ sentence, entity: alt.entity });
  });
  const mentions = new Map<string, Mention>();
  for (const { sentence, entity } of hits) {
    if (!present.has(entity.name)) continue;
    const f = facts[sentence]!;
    let m = mentions.get(entity.name);
    if (!m) {
      m = {
        name: entity.name,
        side: entity.side,
        kind: entity.kind,
        zones: { headline: 0, lead: 0, body: 0 },
      };
      mentions.set(entity.name, m);
    }
    m.zones[f.zone]++;
    const gov = entity.kind !== 'country';
    const official = entity.kind === 'official';
    if (entity.side === 'us') {
      f.us = true;
      f.usGov ||= gov;
      f.usOfficial ||= official;
    } else {
      f.cn = true;
      f.cnGov ||= gov;
      f.cnOfficial ||= official;
    }
  }

  // In "Remarks by President Biden…", "I" and "we" are the US side.
  const headlineText = all[0]?.text ?? '';
  const usSpeaker =
    has(TRANSCRIPT, headlineText) &&
    facts[0] !== undefined &&
    [...mentions.values()].some(
      (m) => m.side === 'us' && m.kind !== 'country' && m.zones.headline > 0,
    );
  if (usSpeaker) {
    for (const i of sentencesWith(FIRST_PERSON)) {
      const f = facts[i]!;
      if (f.zone === 'headline') continue;
      f.us = true;
      f.usGov = true;
    }
  }
  for (const i of sentencesWith(PAIR)) {
    const f = facts[i]!;
    f.pair = f.us = f.usGov = f.cn = f.cnGov = true;
  }
  for (const i of sentencesWith(PAIR_REF)) facts[i]!.pairRef = true;
  for (const i of sentencesWith(WORKING_LEVEL)) facts[i]!.workingLevel = facts[i]!.zone !== 'body';

  const acts = new Map<string, Set<Zone>>();
  scan(ACT_RE.re, (i, group) => {
    const f = facts[i]!;
    f.act = true;
    if (!(f.us || f.cn || f.pair)) return;
    const name = ACT_NAMES[ACT_RE.altOf[group]!]!;
    let set = acts.get(name);
    if (!set) acts.set(name, (set = new Set()));
    set.add(f.zone);
  });

  let taiwan = 0;
  let plaPressure = 0;
  scan(TAIWAN, () => taiwan++);
  scan(PLA, () => plaPressure++);
  const otherCounts = new Map<string, number>();
  scan(OTHER_RE.re, (i, group) => {
    const name = OTHER_NAMES[OTHER_RE.altOf[group]!]!;
    const f = facts[i]!;
    if (!f.others.includes(name)) f.others.push(name);
    otherCounts.set(name, (otherCounts.get(name) ?? 0) + 1);
  });
  const list = [...mentions.values()];
  const total = (side: Side): number =>
    list
      .filter((m) => m.side === side)
      .reduce((s, m) => s + m.zones.headline + m.zones.lead + m.zones.body, 0);
  const inZone = (side: Side, zone: Zone, gov = false): boolean =>
    list.some((m) => m.side === side && m.zones[zone] > 0 && (!gov || m.kind !== 'country'));

  const usTotal = total('us');
  const cnTotal = total('cn');
  const cnDensity = (cnTotal / words) * 1000;
  const cnTop = inZone('cn', 'headline') || inZone('cn', 'lead');
  const chinaFocus =
    inZone('cn', 'headline') || (cnTop && cnTotal >= 2) || (cnTotal >= 4 && cnDensity >= 3);

  // "The two leaders agreed…" refers to the pair once both sides have been named.
  const bothNamed = usTotal > 0 && cnTotal > 0;
  // Both sides named in the sentence or the one just before or after it (same paragraph):
  // "Biden spoke with Xi on Tuesday. The call lasted two hours."
  const near = (i: number, pick: (f: SentenceFacts) => boolean): boolean => {
    const f = facts[i]!;
    if (pick(f)) return true;
    const prev = facts[i - 1];
    const next = facts[i + 1];
    return (
      (!!prev && prev.paragraph === f.paragraph && pick(prev)) ||
      (!!next && next.paragraph === f.paragraph && pick(next))
    );
  };
  let bilateral = 0;
  let bilateralGov = 0;
  let bilateralTop = 0;
  let officialPairs = 0;
  facts.forEach((f, i) => {
    const ref = bothNamed && f.pairRef;
    // The sentence itself states an act and names at least one side (or the pair).
    if (!f.act || !(f.us || f.cn || ref)) return;
    if (!(ref || near(i, (x) => x.us)) || !(ref || near(i, (x) => x.cn))) return;
    bilateral++;
    if (ref || near(i, (x) => x.usGov)) bilateralGov++;
    if (f.zone !== 'body') bilateralTop++;
    if (near(i, (x) => x.usOfficial) && near(i, (x) => x.cnOfficial)) officialPairs++;
  });
  const top = facts.filter((x) => x.zone !== 'body');
  // Working level: the headline says so, or the lead does and names no senior official.
  const workingLevel =
    !!facts[0]?.workingLevel ||
    (top.some((x) => x.workingLevel) && !top.some((x) => x.usOfficial || x.cnOfficial));
  const cnSentences = facts.filter((f) => f.cn || (bothNamed && f.pairRef)).length;
  const headline = facts[0];
  const headlineBoth = !!headline && headline.us && headline.cn;
  const other = [...otherCounts.entries()].sort((a, b) => b[1] - a[1])[0] ?? null;

  return {
    words,
    mentions: list,
    acts,
    usTotal,
    cnTotal,
    chinaFocus,
    cnSentences,
    bilateral,
    bilateralGov,
    bilateralTop,
    officialPairs,
    headlineBoth,
    taiwan,
    plaPressure,
    workingLevel,
    other,
    othersInHeadline: headline?.others ?? [],
    cnGovInHeadline: inZone('cn', 'headline', true),
    cnInHeadline: !!headline?.cn,
  };
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function listZones(m: Mention): string {
  return `${m.name} (${ZONES.filter((z) => m.zones[z] > 0).join(', ')})`;
}

/** 0..1: how strongly the US–China relationship runs through the article. */
export function diplomacyScore(f: DiplomacyFeatures): number {
  const share = f.cnSentences ? f.bilateral / f.cnSentences : 0;
  return clamp01(
    0.3 * (f.headlineBoth ? 1 : f.bilateralTop > 0 ? 0.7 : 0) +
      0.3 * clamp01(share / 0.3) +
      0.2 * clamp01(f.bilateral / 4) +
      0.2 * clamp01(f.bilateralGov / 2),
  );
}

export function detectDiplomacy(article: ExtractedArticle): Detection {
  const early = unreadDetection(article);
  if (early) return early;
  const f = diplomacyFeatures(article);
  const score = diplomacyScore(f);
  const share = f.cnSentences ? f.bilateral / f.cnSentences : 0;

  const usHeadlineGov = f.mentions.some(
    (m) => m.side === 'us' && m.kind !== 'country' && m.zones.headline > 0,
  );
  // Another country is China's main counterpart, and the headline has no US actor.
  const otherDominates = !!f.other && f.other[1] > 1.5 * f.usTotal && !usHeadlineGov;
  // China is one of several countries in the headline and no Chinese actor acts in it.
  const oneOfSeveral = f.othersInHeadline.length > 0 && !f.cnGovInHeadline && f.headlineBoth;
  // The headline's counterpart is another country and China is not in it (a US–Japan summit).
  const otherCounterpart = f.othersInHeadline.length > 0 && !f.cnInHeadline;

  // PLA pressure on Taiwan is the story, and US officials answer it.
  const plaWithUsReaction =
    f.taiwan >= 1 && f.plaPressure >= 3 && f.plaPressure >= 0.35 * f.taiwan && f.bilateralGov >= 2;
  const isDiplomacy =
    f.chinaFocus &&
    f.bilateralGov >= 1 &&
    f.bilateral >= 2 &&
    (f.headlineBoth || f.bilateralTop > 0 || share >= 0.3 || plaWithUsReaction) &&
    (score >= 0.5 || plaWithUsReaction) &&
    !otherDominates &&
    !oneOfSeveral &&
    !otherCounterpart &&
    !f.workingLevel;
  const label: Label = isDiplomacy
    ? 'us-china-diplomacy'
    : f.chinaFocus
      ? 'china-other'
      : 'unrelated';

  const reasons: string[] = [];
  const usList = f.mentions.filter((m) => m.side === 'us' && m.kind !== 'country').map(listZones);
  const cnList = f.mentions.filter((m) => m.side === 'cn' && m.kind !== 'country').map(listZones);
  const usCountry = f.mentions.find((m) => m.side === 'us' && m.kind === 'country');
  const cnCountry = f.mentions.find((m) => m.side === 'cn' && m.kind === 'country');
  if (usList.length) reasons.push(`US actors: ${usList.slice(0, 5).join('; ')}`);
  else if (usCountry) reasons.push(`US named only as a country: ${listZones(usCountry)}`);
  else reasons.push('No US actor');
  if (cnList.length) reasons.push(`Chinese actors: ${cnList.slice(0, 5).join('; ')}`);
  else if (cnCountry) reasons.push(`China named as a country: ${listZones(cnCountry)}`);
  else reasons.push('No Chinese actor');
  const acts = [...f.acts.entries()].map(([n, z]) => `${n} (${[...z].join(', ')})`);
  if (acts.length) reasons.push(`Diplomatic acts: ${acts.slice(0, 6).join('; ')}`);
  reasons.push(actsSentence(f.bilateral, f.cnSentences, f.bilateralTop));
  if (!f.chinaFocus) {
    reasons.push(
      f.cnTotal === 0
        ? 'China is not a subject of the article'
        : `China is not a subject of the article (named ${times(f.cnTotal)})`,
    );
  }
  if (f.taiwan + f.plaPressure >= 2) {
    reasons.push(
      `Taiwan named ${f.taiwan ? times(f.taiwan) : 'nowhere'}, PLA pressure ${f.plaPressure ? `mentioned ${times(f.plaPressure)}` : 'not mentioned'}`,
    );
  }
  if (plaWithUsReaction) reasons.push('PLA pressure on Taiwan with a US response');
  if (f.workingLevel) reasons.push('A working-level exchange, not leaders or senior officials');
  if (otherDominates && f.other) {
    reasons.push(
      `China's main counterpart is ${f.other[0]} (${plural(f.other[1], 'mention')}, against ${f.usTotal} of the US)`,
    );
  }
  if (otherCounterpart) {
    reasons.push(
      `The headline is about another counterpart (${f.othersInHeadline.join(', ')}), not China`,
    );
  }
  if (oneOfSeveral)
    reasons.push(
      `China is one of several countries in the headline (${f.othersInHeadline.join(', ')})`,
    );
  if (f.chinaFocus && !isDiplomacy && f.bilateralGov === 0) {
    reasons.push('No US government actor in a diplomatic act with China');
  }
  reasons.push(strengthSentence(score));
  return { label, score: Math.round((isDiplomacy ? score : 1 - score) * 100) / 100, reasons };
}

/** How many of the sentences about China state a US–China diplomatic act, in words. */
function actsSentence(acts: number, about: number, top: number): string {
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

/** The detector's overall weighing of the signals above, as a reader would say it. */
function strengthSentence(score: number): string {
  if (score >= 0.75) return 'Overall: the signs of US–China diplomacy are strong';
  if (score >= 0.5) return 'Overall: the signs of US–China diplomacy are moderate';
  if (score > 0.2) return 'Overall: the signs of US–China diplomacy are weak';
  return 'Overall: there are few or no signs of US–China diplomacy';
}

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

function bounded(source: string): string {
  return CJK.test(source) ? source : `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
}

function compile(patterns: readonly string[], flags = 'gu'): RegExp {
  return new RegExp(patterns.map(bounded).join('|'), flags);
}

interface CompiledEntity {
  entity: Entity;
  full: RegExp;
  short: RegExp | null;
}

const ENTITIES: CompiledEntity[] = [...US_ENTITIES, ...CN_ENTITIES].map((entity) => ({
  entity,
  full: compile(entity.full),
  short: entity.short?.length ? compile(entity.short) : null,
}));
const PAIR = compile(PAIR_TERMS);
// Acts are common words, so case does not matter ("Call with" in a headline).
const ACTS = DIPLOMATIC_ACTS.map((a) => ({ name: a.name, re: compile(a.patterns, 'giu') }));
const PAIR_REF = compile(PAIR_REFERENCES, 'giu');
const TAIWAN = compile(TAIWAN_TERMS);
const PLA = compile(PLA_PRESSURE_TERMS, 'giu');
const WORKING_LEVEL = compile(WORKING_LEVEL_TERMS, 'giu');
const TRANSCRIPT = compile(TRANSCRIPT_HEADLINE_TERMS, 'giu');
const FIRST_PERSON = compile(FIRST_PERSON_TERMS);
const OTHERS = OTHER_COUNTERPARTS.map((o) => ({ name: o.name, re: compile(o.patterns) }));

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
  return text
    .split(/(?<=[.!?。！？；])\s+(?=[^a-z])|(?<=[。！？；])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const HAN_RE = /[\u4e00-\u9fff]/gu;

/** Words in Latin text; each Han character counts as half a word (roughly, for density). */
function wordCount(text: string): number {
  const han = count(HAN_RE, text);
  const latin = count(WORD_RE, text.replace(/[\u4e00-\u9fff]+/gu, ' '));
  return latin + Math.round(han / 2);
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
  const allText = all.map((s) => s.text).join('\n');
  const words = Math.max(1, wordCount(allText));

  // Which entities appear at all (full forms), so short forms may count.
  const present = new Set<string>();
  for (const e of ENTITIES) if (has(e.full, allText)) present.add(e.entity.name);

  // In "Remarks by President Biden…", "I" and "we" are the US side.
  const headlineText = all[0]?.text ?? '';
  const usSpeaker =
    has(TRANSCRIPT, headlineText) &&
    ENTITIES.some(
      (e) => e.entity.side === 'us' && e.entity.kind !== 'country' && has(e.full, headlineText),
    );

  const mentions = new Map<string, Mention>();
  const facts: SentenceFacts[] = [];
  const acts = new Map<string, Set<Zone>>();
  let taiwan = 0;
  let plaPressure = 0;
  const otherCounts = new Map<string, number>();

  for (const { zone, paragraph, text } of all) {
    let us = false;
    let usGov = false;
    let cn = false;
    let cnGov = false;
    let usOfficial = false;
    let cnOfficial = false;
    for (const e of ENTITIES) {
      let n = count(e.full, text);
      // A short form inside a full one ("Sullivan" in "Jake Sullivan") is not a second mention.
      if (e.short && present.has(e.entity.name)) n += count(e.short, text.replace(e.full, ' '));
      if (n === 0) continue;
      let m = mentions.get(e.entity.name);
      if (!m) {
        m = {
          name: e.entity.name,
          side: e.entity.side,
          kind: e.entity.kind,
          zones: { headline: 0, lead: 0, body: 0 },
        };
        mentions.set(e.entity.name, m);
      }
      m.zones[zone] += n;
      const gov = e.entity.kind !== 'country';
      const official = e.entity.kind === 'official';
      if (e.entity.side === 'us') {
        us = true;
        usGov ||= gov;
        usOfficial ||= official;
      } else {
        cn = true;
        cnGov ||= gov;
        cnOfficial ||= official;
      }
    }
    if (usSpeaker && zone !== 'headline' && has(FIRST_PERSON, text)) {
      us = true;
      usGov = true;
    }
    const pair = has(PAIR, text);
    let act = false;
    for (const a of ACTS) {
      if (!has(a.re, text)) continue;
      act = true;
      if (us || cn || pair) {
        let set = acts.get(a.name);
        if (!set) acts.set(a.name, (set = new Set()));
        set.add(zone);
      }
    }
    taiwan += count(TAIWAN, text);
    plaPressure += count(PLA, text);
    const others: string[] = [];
    for (const o of OTHERS) {
      const n = count(o.re, text);
      if (!n) continue;
      others.push(o.name);
      otherCounts.set(o.name, (otherCounts.get(o.name) ?? 0) + n);
    }
    facts.push({
      zone,
      paragraph,
      us: us || pair,
      usGov: usGov || pair,
      cn: cn || pair,
      cnGov: cnGov || pair,
      usOfficial,
      cnOfficial,
      workingLevel: zone !== 'body' && has(WORKING_LEVEL, text),
      pair,
      pairRef: has(PAIR_REF, text),
      act,
      others,
    });
  }

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
  if (article.notArticleReason) {
    return {
      label: 'not-article',
      score: 1,
      reasons: [`Not an article: ${article.notArticleReason}`],
    };
  }
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
  reasons.push(
    `${f.bilateral} of ${f.cnSentences} sentences about China state a diplomatic act between US and Chinese actors` +
      (f.bilateralTop ? ` (${f.bilateralTop} in headline or lead)` : ''),
  );
  if (!f.chinaFocus) reasons.push(`China is not a subject of the article (${f.cnTotal} mentions)`);
  if (f.taiwan + f.plaPressure >= 2) {
    reasons.push(`Taiwan named ${f.taiwan} times, PLA pressure ${f.plaPressure} times`);
  }
  if (plaWithUsReaction) reasons.push('PLA pressure on Taiwan with a US response');
  if (f.workingLevel) reasons.push('A working-level exchange, not leaders or senior officials');
  if (otherDominates && f.other) {
    reasons.push(
      `China's main counterpart is ${f.other[0]} (${f.other[1]} mentions vs ${f.usTotal} US)`,
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
  reasons.push(`Diplomacy score ${score.toFixed(2)}`);
  return { label, score: Math.round((isDiplomacy ? score : 1 - score) * 100) / 100, reasons };
}

/**
 * Is this article about US–China diplomacy? A transparent, rule-based reading of the
 * extracted article only (never navigation or sidebars, which extraction has removed):
 *
 * 1. Find US and Chinese actors, diplomatic acts, Taiwan/PLA terms and other countries,
 *    by zone: headline, lead (first paragraphs) and body.
 * 2. China must be a subject of the article (headline or lead, or a steady presence).
 * 3. The US–China relationship must be a thread of the story: sentences that put a US actor
 *    and a Chinese actor (or "US-China") together with a diplomatic act, in the headline or
 *    lead, and in a fair share of the sentences about China — with at least one US actor that
 *    is a government (not just "American players"), and not outweighed by another country.
 */
import type { Detection, ExtractedArticle, Label } from './types.ts';
import {
  CN_ENTITIES,
  DIPLOMATIC_ACTS,
  OTHER_COUNTERPARTS,
  PAIR_REFERENCES,
  PAIR_TERMS,
  TAIWAN_PLA_TERMS,
  US_ENTITIES,
  type Entity,
} from './lexicon.ts';

type Zone = 'headline' | 'lead' | 'body';

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
const TAIWAN = compile(TAIWAN_PLA_TERMS);
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
    .split(/(?<=[.!?。！？；])\s+|(?<=[。！？；])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

interface Mention {
  name: string;
  side: 'us' | 'cn';
  kind: Entity['kind'];
  zones: Record<Zone, number>;
}

interface SentenceFacts {
  zone: Zone;
  paragraph: number;
  pairRef: boolean;
  us: boolean;
  usGov: boolean;
  cn: boolean;
  pair: boolean;
  act: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const HAN_RE = /[\u4e00-\u9fff]/gu;

/** Words in Latin text; each Han character counts as half a word (roughly, for density). */
function wordCount(text: string): number {
  const han = count(HAN_RE, text);
  const latin = count(WORD_RE, text.replace(/[\u4e00-\u9fff]+/gu, ' '));
  return latin + Math.round(han / 2);
}

function splitZones(article: ExtractedArticle): { zone: Zone; text: string }[] {
  const out: { zone: Zone; text: string }[] = [{ zone: 'headline', text: article.meta.title }];
  let leadWords = 0;
  for (const p of article.paragraphs) {
    // The lead is the first paragraphs up to about 60 words (a dateline alone is not a lead).
    const zone: Zone = leadWords < 60 ? 'lead' : 'body';
    if (zone === 'lead') leadWords += wordCount(p);
    out.push({ zone, text: p });
  }
  return out;
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function listZones(m: Mention): string {
  const zones = (['headline', 'lead', 'body'] as const).filter((z) => m.zones[z] > 0);
  return `${m.name} (${zones.join(', ')})`;
}

export function detectDiplomacy(article: ExtractedArticle): Detection {
  if (article.notArticleReason) {
    return {
      label: 'not-article',
      score: 1,
      reasons: [`Not an article: ${article.notArticleReason}`],
    };
  }
  const zones = splitZones(article);
  const allText = zones.map((z) => z.text).join('\n');
  const totalWords = Math.max(1, wordCount(allText));

  // Which entities appear at all (full forms), so short forms may count.
  const present = new Set<string>();
  for (const e of ENTITIES) if (has(e.full, allText)) present.add(e.entity.name);

  const mentions = new Map<string, Mention>();
  const facts: SentenceFacts[] = [];
  const actsSeen = new Map<string, Set<Zone>>();
  let taiwanCount = 0;
  const otherCounts = new Map<string, number>();

  for (const [paragraph, { zone, text }] of zones.entries()) {
    for (const sentence of sentences(text)) {
      let us = false;
      let usGov = false;
      let cn = false;
      for (const e of ENTITIES) {
        let n = count(e.full, sentence);
        if (e.short && present.has(e.entity.name)) n += count(e.short, sentence);
        if (n === 0) continue;
        const key = e.entity.name;
        let m = mentions.get(key);
        if (!m) {
          m = {
            name: key,
            side: e.entity.side,
            kind: e.entity.kind,
            zones: { headline: 0, lead: 0, body: 0 },
          };
          mentions.set(key, m);
        }
        m.zones[zone] += n;
        if (e.entity.side === 'us') {
          us = true;
          if (e.entity.kind !== 'country') usGov = true;
        } else {
          cn = true;
        }
      }
      const pair = has(PAIR, sentence);
      let act = false;
      for (const a of ACTS) {
        if (has(a.re, sentence)) {
          act = true;
          if (us || cn || pair) {
            let set = actsSeen.get(a.name);
            if (!set) actsSeen.set(a.name, (set = new Set()));
            set.add(zone);
          }
        }
      }
      taiwanCount += count(TAIWAN, sentence);
      for (const o of OTHERS) {
        const n = count(o.re, sentence);
        if (n) otherCounts.set(o.name, (otherCounts.get(o.name) ?? 0) + n);
      }
      const pairRef = has(PAIR_REF, sentence);
      facts.push({
        zone,
        paragraph,
        pairRef,
        us: us || pair,
        usGov: usGov || pair,
        cn: cn || pair,
        pair,
        act,
      });
    }
  }

  const all = [...mentions.values()];
  const sideTotal = (side: 'us' | 'cn', kinds?: Entity['kind'][]): number =>
    all
      .filter((m) => m.side === side && (!kinds || kinds.includes(m.kind)))
      .reduce((s, m) => s + m.zones.headline + m.zones.lead + m.zones.body, 0);
  const inZone = (side: 'us' | 'cn', zone: Zone, kinds?: Entity['kind'][]): boolean =>
    all.some((m) => m.side === side && m.zones[zone] > 0 && (!kinds || kinds.includes(m.kind)));

  const cnTotal = sideTotal('cn');
  const usTotal = sideTotal('us');
  const cnDensity = (cnTotal / totalWords) * 1000;
  const cnTop = inZone('cn', 'headline') || inZone('cn', 'lead');
  const chinaFocus = cnTop
    ? cnTotal >= 2 || inZone('cn', 'headline')
    : cnTotal >= 4 && cnDensity >= 3;

  // "The two leaders agreed…" refers to the pair once both sides have been named.
  const bothNamed = usTotal > 0 && cnTotal > 0;
  // A sentence is bilateral when it states a diplomatic act and both sides are named in it
  // or in the sentence just before or after it (same paragraph): "Biden spoke with Xi. The
  // two leaders discussed…".
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
  const bilateral: SentenceFacts[] = [];
  const bilateralGov: SentenceFacts[] = [];
  facts.forEach((f, i) => {
    if (!f.act) return;
    const ref = bothNamed && f.pairRef;
    const usNear = ref || near(i, (x) => x.us);
    const cnNear = ref || near(i, (x) => x.cn);
    // Anchor: the sentence itself names at least one side (or the pair).
    if (!(f.us || f.cn || ref)) return;
    if (usNear && cnNear) {
      bilateral.push(f);
      if (ref || near(i, (x) => x.usGov)) bilateralGov.push(f);
    }
  });
  const cnSentences = facts.filter((f) => f.cn || (bothNamed && f.pairRef));
  const bilateralTop = bilateral.filter((f) => f.zone !== 'body');
  const share = cnSentences.length ? bilateral.length / cnSentences.length : 0;
  const headlineBoth =
    facts.some((f) => f.zone === 'headline' && f.us && f.cn) ||
    (inZone('us', 'headline') && inZone('cn', 'headline'));

  const topOther = [...otherCounts.entries()].sort((a, b) => b[1] - a[1])[0];
  const otherDominates =
    !!topOther && topOther[1] > 1.5 * usTotal && !inZone('us', 'headline', ['official', 'gov']);

  // Score: each piece of evidence adds weight; the label needs the core conditions too.
  const score = clamp01(
    0.3 * (headlineBoth ? 1 : bilateralTop.length > 0 ? 0.7 : 0) +
      0.3 * clamp01(share / 0.3) +
      0.2 * clamp01(bilateral.length / 4) +
      0.2 * clamp01(bilateralGov.length / 2),
  );
  const isDiplomacy =
    chinaFocus &&
    bilateralGov.length >= 1 &&
    bilateral.length >= 2 &&
    (headlineBoth || bilateralTop.length > 0 || share >= 0.3) &&
    !otherDominates &&
    score >= 0.5;

  const label: Label = isDiplomacy
    ? 'us-china-diplomacy'
    : chinaFocus
      ? 'china-other'
      : 'unrelated';

  const reasons: string[] = [];
  const usList = all.filter((m) => m.side === 'us' && m.kind !== 'country').map(listZones);
  const cnList = all.filter((m) => m.side === 'cn' && m.kind !== 'country').map(listZones);
  const usCountry = all.find((m) => m.side === 'us' && m.kind === 'country');
  const cnCountry = all.find((m) => m.side === 'cn' && m.kind === 'country');
  if (usList.length) reasons.push(`US actors: ${usList.slice(0, 5).join('; ')}`);
  else if (usCountry) reasons.push(`US named only as a country: ${listZones(usCountry)}`);
  else reasons.push('No US actor');
  if (cnList.length) reasons.push(`Chinese actors: ${cnList.slice(0, 5).join('; ')}`);
  else if (cnCountry) reasons.push(`China named as a country: ${listZones(cnCountry)}`);
  else reasons.push('No Chinese actor');
  const acts = [...actsSeen.entries()].map(([n, z]) => `${n} (${[...z].join(', ')})`);
  if (acts.length) reasons.push(`Diplomatic acts: ${acts.slice(0, 6).join('; ')}`);
  reasons.push(
    `${bilateral.length} of ${cnSentences.length} sentences about China put a US actor and a Chinese actor in a diplomatic act` +
      (bilateralTop.length ? ` (${bilateralTop.length} in headline or lead)` : ''),
  );
  if (!chinaFocus) reasons.push(`China is not a subject of the article (${cnTotal} mentions)`);
  if (taiwanCount >= 2) reasons.push(`Taiwan/PLA terms: ${taiwanCount} mentions`);
  if (otherDominates && topOther) {
    reasons.push(
      `Another counterpart dominates: ${topOther[0]} (${topOther[1]} mentions vs ${usTotal} US)`,
    );
  }
  if (chinaFocus && !isDiplomacy && bilateralGov.length === 0) {
    reasons.push('No US government actor in a diplomatic act with China');
  }
  return { label, score: Math.round((isDiplomacy ? score : 1 - score) * 100) / 100, reasons };
}

/**
 * What detection measures in an article (diplomacyFeatures): the actors of each side and where
 * they are named, the sentences that state a diplomatic act between the two sides, Taiwan and
 * PLA vocabulary, other counterparts. The decision on these is in detect.ts.
 */
import type { Entity, Lexicon, Side } from './lexicon.ts';
import type { ExtractedArticle } from './types.ts';
import { detectPatterns } from './detect-patterns.ts';
import { wordCount, zoneSentences, type Zone } from './detect-zones.ts';

/** Acts only a government takes: between the two countries, the governments act. */
const STATE_ACTS = new Set(['trade', 'sanctions and visas']);

function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
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
  /** The act is one only a government takes (a tariff, sanctions, export controls). */
  stateAct: boolean;
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
  /** The headline itself states an act with a US and a Chinese actor in it. */
  headlineAct: boolean;
  /**
   * Sentences after the headline in which one government states an act without the other
   * named nearby: in a story whose headline frames the exchange, the two sides' turns
   * ("Beijing said the flight was a provocation").
   */
  replies: number;
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

/** What detection measures in `article`, with the words and names of `lexicon`. */
export function diplomacyFeatures(article: ExtractedArticle, lexicon: Lexicon): DiplomacyFeatures {
  const {
    ACT_NAMES,
    ACT_RE,
    ENTITY_ALTS,
    ENTITY_RE,
    FIRST_PERSON,
    OTHER_NAMES,
    OTHER_RE,
    PAIR,
    PAIR_REF,
    PLA,
    TAIWAN,
    TRANSCRIPT,
    WORKING_LEVEL,
  } = detectPatterns(lexicon);
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
    stateAct: false,
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
    if (STATE_ACTS.has(name)) f.stateAct = true;
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
  let replies = 0;
  facts.forEach((f, i) => {
    const ref = bothNamed && f.pairRef;
    // The sentence itself states an act and names at least one side (or the pair).
    if (!f.act || !(f.us || f.cn || ref)) return;
    if (!(ref || near(i, (x) => x.us)) || !(ref || near(i, (x) => x.cn))) {
      if (i > 0 && (f.usGov || f.cnGov)) replies++;
      return;
    }
    bilateral++;
    // "An extra 10 per cent American levy": a tariff is the US government's even when the
    // sentence names only the country.
    if (ref || near(i, (x) => x.usGov) || f.stateAct) bilateralGov++;
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
  const headlineAct = headlineBoth && !!headline?.act;
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
    headlineAct,
    replies: headlineAct ? replies : 0,
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

/**
 * Quoted speech on a page: marked quotes (curly, straight, guillemet, CJK corner brackets,
 * unbalanced marks, quotes running across paragraphs) and remarks reported without quote
 * marks ("…, Campbell said"), each with the speaker where the text names one.
 */
import type { PageQuote } from './types.ts';

/** A quote found in one paragraph, with offsets; `PageQuote` plus what the index needs. */
export interface FoundQuote extends PageQuote {
  paragraph: number;
  /** Offsets of `text` in its paragraph. */
  start: number;
  end: number;
  /** True when the remark is reported without quote marks. */
  unmarked?: boolean;
}

const OPENERS = new Set(['\u201C', '\u201E', '\u00AB', '\u300C', '\u300E', '\uFF02', '"']);
const CLOSERS = new Set(['\u201D', '\u00BB', '\u300D', '\u300F', '\uFF02', '"']);
const CONTEXT = 32;

const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|remarked|stated|states|declared|declares|noted|notes|' +
  'wrote|writes|urged|urges|warned|warns|explained|insisted|stressed|argued|asked|replied|' +
  'described|describes|called|calls|termed|terms|highlighted|acknowledged|announced|continued';
const NAME = "(?:[A-Z][\\p{L}'\u2019.-]*)(?:\\s+(?:[A-Z][\\p{L}'\u2019.-]*))*";
const ROLE =
  '(?:[Aa]|[Aa]n|[Tt]he)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:official|officials|spokesperson|spokesman|spokeswoman|ambassador|minister|diplomat|statement|readout|reading|document|letter|embassy|ministry)';
const PRONOUN = '(?:he|she|He|She)';
const SUBJECT = `(${NAME}|${ROLE}|${PRONOUN})`;
const VERB = `(?:${SPEECH_VERBS})`;

const AFTER_SUBJ_VERB = new RegExp(
  `^[\\s,.;:!?]*(?:[^.!?]{0,60}?,\\s*)?${SUBJECT}\\s+${VERB}\\b`,
  'u',
);
const AFTER_VERB_SUBJ = new RegExp(`^[\\s,.;:]*${VERB}\\s+(${NAME}|${ROLE})`, 'u');
const BEFORE_SUBJ_VERB = new RegExp(`${SUBJECT}\\s+(?:also\\s+)?${VERB}\\b[^.!?]*$`, 'u');
const ACCORDING = new RegExp(
  `[Aa]ccording to\\s+(?:(?:a|an|the)\\s+[\\p{L}\\s]{0,30}?\\s+(?:by|from)\\s+)?(?:the\\s+)?(${NAME})`,
  'u',
);
// Scanned forward (no leading [\s\S]*: that backtracks on long sentences). Only plain
// reporting verbs: ", Xi calls for cooperation" is a headline, not a remark.
const UNMARKED = new RegExp(
  `,\\s+(${NAME}|${PRONOUN})\\s+(?:said|says|added|adds|told|stated|noted|remarked|wrote|explained|insisted)\\b`,
  'gu',
);
// "Biden criticized Xi …, saying he had made a 'great mistake'": the sentence's subject.
const SAYING = new RegExp(
  `(?:^|[.!?]\\s+)(?:[A-Z][a-z]+\\s+\\w+,\\s+)?(${NAME})\\s[^.!?]*?,\\s+saying\\b[^.!?]*$`,
  'u',
);
const INSTITUTION =
  /\b(?:statement|embassy|Embassy|ministry|Ministry|report|reports|readout|agency|Agency|media|newspaper|CNN|Reuters|Bloomberg)\b/;
const FIRST_PERSON = /\b(?:I|we|We|our|Our|us|my|My)\b/;
const TITLES = new Set(
  'President Vice Secretary Deputy Minister Foreign Ambassador Premier Chairman Senator Sen Rep General Gen Mr Mrs Ms Dr Chinese US U.S. American State Defense Prime Spokesperson Spokesman'.split(
    ' ',
  ),
);
const NON_SPEAKERS = new Set(
  'According The This That These Those It In On At As But And However Meanwhile When While After Before If'.split(
    ' ',
  ),
);

/** The speaker's name reduced to a comparable key ("President Xi Jinping" → "xi"). */
export function speakerKey(speaker: string | null | undefined): string | null {
  if (!speaker) return null;
  // A role ("a senior administration official") is keyed by its head noun.
  const role = /^(?:a|an|the)\s.*?(\p{L}+)$/iu.exec(speaker.trim());
  if (role?.[1]) return role[1].toLowerCase();
  const parts = speaker.split(/\s+/).filter((w) => /^[A-Z]/.test(w) && !TITLES.has(w));
  if (parts.length === 0) return null;
  // Chinese names put the family name first ("Xi Jinping", "Qin Gang").
  const first = parts[0] ?? '';
  if (parts.length === 2 && CHINESE_FAMILY.has(first)) return first.toLowerCase();
  return (parts[parts.length - 1] ?? '').toLowerCase().replace(/['\u2019]s$/, '');
}
const CHINESE_FAMILY = new Set(
  'Xi Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Liang Song Zheng Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Lu Su Jiang Cai Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian Ren Fan Fang Shi Yao Tan Liao Zou Xiong Jin Qin Qiu Hou Kong Bai Cui Kang Mao Qian Qi Gu Hao Shao Wan Qian Hong'.split(
    ' ',
  ),
);

function cleanSpeaker(s: string | undefined): string | null {
  if (!s) return null;
  let t = s.trim().replace(/['\u2019]s$/, '');
  const parts = t.split(/\s+/);
  while (parts.length > 1 && NON_SPEAKERS.has(parts[0] ?? '')) parts.shift();
  t = parts.join(' ');
  if (NON_SPEAKERS.has(t)) return null;
  return t || null;
}

function isPronoun(s: string | null): boolean {
  return s !== null && /^(?:he|she)$/i.test(s);
}

interface RawQuote {
  start: number;
  end: number;
  /** Opened without a close in this paragraph (runs to its end). */
  open: boolean;
  /** Starts at the paragraph start because a quote from the previous paragraph was still open. */
  continued: boolean;
}

/** Finds the marked quotes of one paragraph. `carry`: a quote from the previous one is open. */
function scanParagraph(p: string, carry: boolean): RawQuote[] {
  const out: RawQuote[] = [];
  let openAt = -1;
  let continued = false;
  if (carry) {
    // A split quote continues here unless the paragraph opens a new one first.
    const firstOpen = firstIndexOf(p, OPENERS, 0, true);
    const firstClose = firstIndexOf(p, CLOSERS, 0, false);
    if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) {
      openAt = 0;
      continued = true;
    }
  }
  for (let i = 0; i < p.length; i++) {
    const ch = p[i] ?? '';
    if (openAt >= 0) {
      const straight = ch === '"' || ch === '\uFF02';
      const closes = CLOSERS.has(ch) && (!straight || !isOpeningStraight(p, i));
      // Nesting uses single marks, so a second double opener inside a quote closes it
      // (seed-style "…hurt them both “According to…").
      const reopen = !closes && OPENERS.has(ch) && ch !== '\u00AB';
      if (closes || reopen || (straight && openAt >= 0)) {
        pushRaw(out, p, openAt, i, false, continued);
        openAt = -1;
        continued = false;
      }
      continue;
    }
    if (OPENERS.has(ch)) {
      if ((ch === '"' || ch === '\uFF02') && !isOpeningStraight(p, i)) continue;
      openAt = i + 1;
      continue;
    }
    if (ch === '\u2018' || ch === "'") {
      // Single marks: only a word-initial opener with a word-final closer (not an apostrophe).
      const prev = p[i - 1] ?? ' ';
      if (!/[\s(\[\u2014-]/.test(prev) || !/\p{L}/u.test(p[i + 1] ?? '')) continue;
      const close = findSingleClose(p, i + 1, ch);
      if (close > i + 1) {
        pushRaw(out, p, i + 1, close, false, false);
        i = close;
      }
    }
  }
  if (openAt >= 0) pushRaw(out, p, openAt, p.length, true, continued);
  return out;
}

function firstIndexOf(p: string, set: Set<string>, from: number, opening: boolean): number {
  for (let i = from; i < p.length; i++) {
    const ch = p[i] ?? '';
    if (!set.has(ch)) continue;
    if (ch === '"' || ch === '\uFF02') {
      if (isOpeningStraight(p, i) !== opening) continue;
    }
    return i;
  }
  return -1;
}

function isOpeningStraight(p: string, i: number): boolean {
  const prev = p[i - 1];
  const next = p[i + 1];
  if (next === undefined || /\s/.test(next)) return false;
  return prev === undefined || /[\s(\[\u2014:,-]/.test(prev);
}

function findSingleClose(p: string, from: number, opener: string): number {
  const closer = opener === '\u2018' ? '\u2019' : "'";
  for (let j = from; j < p.length && j < from + 300; j++) {
    const c = p[j];
    if (c === '\u201C' || c === '"' || c === '\u201D') return -1;
    if (
      c === closer &&
      !/\p{L}/u.test(p[j + 1] ?? '') &&
      /[\p{L}\p{N}.,!?]/u.test(p[j - 1] ?? '')
    ) {
      return j;
    }
  }
  return -1;
}

function pushRaw(
  out: RawQuote[],
  p: string,
  start: number,
  end: number,
  open: boolean,
  continued: boolean,
) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(p[s] ?? '')) s++;
  while (e > s && /\s/.test(p[e - 1] ?? '')) e--;
  if (e <= s) return;
  if (!/[\p{L}\p{N}]/u.test(p.slice(s, e))) return;
  out.push({ start: s, end: e, open, continued });
}

/** The text between the previous quote (or sentence start) and this quote. */
function leftClause(p: string, start: number, prevEnd: number): string {
  const from = Math.max(prevEnd, 0);
  let left = p.slice(from, Math.max(from, start - 1));
  const cut = Math.max(left.lastIndexOf('. '), left.lastIndexOf('? '), left.lastIndexOf('! '));
  if (cut >= 0) left = left.slice(cut + 2);
  return left;
}

function rightClause(p: string, end: number, nextStart: number): string {
  const to = nextStart >= 0 ? Math.max(end, nextStart - 1) : p.length;
  return p.slice(Math.min(p.length, end + 1), to).slice(0, 160);
}

function speakerFor(p: string, q: RawQuote, prevEnd: number, nextStart: number): string | null {
  const right = rightClause(p, q.end, nextStart);
  // Attribution after the quote, up to the end of the sentence.
  const rightSentence = right.split(/(?<=[.!?])\s+(?=[A-Z“"])/)[0] ?? right;
  let m = AFTER_VERB_SUBJ.exec(rightSentence);
  if (m?.[1]) return cleanSpeaker(m[1]);
  m = AFTER_SUBJ_VERB.exec(rightSentence);
  if (m?.[1]) return cleanSpeaker(m[1]);
  const left = leftClause(p, q.start, prevEnd);
  m = BEFORE_SUBJ_VERB.exec(left);
  if (m?.[1]) return cleanSpeaker(m[1]);
  m = SAYING.exec(leftClause(p, q.start, 0));
  if (m?.[1]) return cleanSpeaker(m[1]);
  // "According to X" names a person as speaker, but an embassy or a statement only as source.
  m = ACCORDING.exec(left) ?? ACCORDING.exec(rightSentence);
  if (m?.[1] && !INSTITUTION.test(m[0])) return cleanSpeaker(m[1]);
  return null;
}

function anchor(p: string, start: number, end: number) {
  return {
    prefix: p.slice(Math.max(0, start - CONTEXT), start),
    suffix: p.slice(end, end + CONTEXT),
  };
}

/**
 * Extracts the quotes of an article's paragraphs. Each quote's `text` is the exact substring
 * of its paragraph, so the page can find it again with `prefix`/`suffix`.
 */
export function extractQuotes(paragraphs: string[]): PageQuote[] {
  return extractQuotesDetailed(paragraphs).map(({ start: _s, end: _e, unmarked: _u, ...q }) => q);
}

/** `extractQuotes` with character offsets (for the index and for alignment). */
export function extractQuotesDetailed(paragraphs: readonly string[]): FoundQuote[] {
  const out: FoundQuote[] = [];
  let lastSpeaker: string | null = null;
  let carry = false;
  let carrySpeaker: string | null = null;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = typeof paragraphs[pi] === 'string' ? (paragraphs[pi] as string) : '';
    if (p.length === 0) {
      carry = false;
      continue;
    }
    const raws = scanParagraph(p, carry);
    const startsWithQuote = raws.length > 0 && (raws[0]?.start ?? 99) <= 1;
    const onlyQuote =
      raws.length === 1 &&
      startsWithQuote &&
      p.slice((raws[0]?.end ?? 0) + 1).replace(/[\s"”.,]/g, '').length === 0;
    let prevEnd = 0;
    const found: FoundQuote[] = [];
    for (let k = 0; k < raws.length; k++) {
      const q = raws[k] as RawQuote;
      const next = raws[k + 1];
      let speaker = speakerFor(p, q, prevEnd, next ? next.start : -1);
      if (!speaker && q.continued) speaker = carrySpeaker;
      if (!speaker && onlyQuote) speaker = lastSpeaker;
      if (isPronoun(speaker)) speaker = lastSpeaker;
      if (speaker && !isPronoun(speaker)) lastSpeaker = speaker;
      found.push({
        text: p.slice(q.start, q.end),
        speaker,
        paragraph: pi,
        ...anchor(p, q.start, q.end),
        matches: [],
        start: q.start,
        end: q.end,
      });
      prevEnd = q.end + 1;
    }
    // Quotes of one sentence share the speaker named once for them.
    for (let k = found.length - 1; k >= 0; k--) {
      const f = found[k] as FoundQuote;
      const after = found[k + 1];
      if (!f.speaker && after?.speaker && !/[.!?]/.test(p.slice(f.end, after.start - 1))) {
        f.speaker = after.speaker;
      }
    }
    for (let k = 0; k < found.length; k++) {
      const f = found[k] as FoundQuote;
      const before = found[k - 1];
      if (!f.speaker && before?.speaker && !/[.!?]\s/.test(p.slice(before.end + 1, f.start))) {
        f.speaker = before.speaker;
      }
    }
    for (const f of found) if (f.speaker) lastSpeaker = f.speaker;
    if (raws.length === 0) {
      const u = unmarkedRemark(p, lastSpeaker);
      if (u) {
        found.push({ ...u, paragraph: pi, ...anchor(p, u.start, u.end), matches: [] });
        if (u.speaker) lastSpeaker = u.speaker;
      }
    }
    // The first piece of a quote split across paragraphs takes the speaker named later.
    const cont = found[0];
    const prevPiece = out[out.length - 1];
    if (raws[0]?.continued && cont?.speaker && prevPiece && !prevPiece.speaker && carry) {
      prevPiece.speaker = cont.speaker;
    }
    out.push(...found);
    const last = raws[raws.length - 1];
    carry = last?.open === true;
    carrySpeaker = carry ? (found[found.length - 1]?.speaker ?? null) : null;
  }
  return out;
}

/** "…, Campbell said." — a remark reported without quote marks, at the end of a paragraph. */
function unmarkedRemark(
  p: string,
  lastSpeaker: string | null,
): { text: string; speaker: string | null; start: number; end: number; unmarked: true } | null {
  if (p.length > 4000) return null;
  // The attribution must be in the paragraph's last sentence.
  const sentences = p.split(/(?<=[.!?])\s+(?=[A-Z])/);
  const lastSentence = sentences[sentences.length - 1] ?? '';
  const lastStart = p.length - lastSentence.length;
  let hit: RegExpMatchArray | null = null;
  for (const m of lastSentence.matchAll(UNMARKED)) hit = m;
  if (!hit || !hit[1] || hit.index === undefined || hit.index === 0) return null;
  const m = [hit[0], lastSentence.slice(0, hit.index), hit[1]] as const;
  let speaker = cleanSpeaker(m[2]);
  if (speaker && NON_SPEAKERS.has(speaker.split(' ')[0] ?? '')) return null;
  if (isPronoun(speaker)) speaker = lastSpeaker;
  const clause = m[1];
  if (clause.split(/\s+/).length < 4) return null;
  // First-person speech opening the paragraph belongs to the same remark.
  const first = sentences[0] ?? '';
  const start = sentences.length > 1 && FIRST_PERSON.test(first) ? 0 : lastStart;
  if (start === lastStart && !FIRST_PERSON.test(clause) && !/^[A-Z]/.test(clause)) return null;
  const end = lastStart + clause.length;
  return { text: p.slice(start, end), speaker, start, end, unmarked: true };
}

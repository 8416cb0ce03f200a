/**
 * The one sentence rule. A sentence ends at . ! ? (with any closing quote or bracket after
 * them) followed by white space, unless the period ends an abbreviation ("Mr.", "U.S.", "Sept.",
 * an initial) or the next word starts in lower case ("the U.S. and China"); it ends at 。！？；
 * whatever follows, and at a blank line. A hand-written scan: detection runs it on every China
 * page, and a scan is far cheaper than a split on a lookbehind regex.
 */
import { MONTH_ABBREVIATIONS } from './dates.ts';

/** A sentence with its offsets in the source text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Words after which a period does not end a sentence, as written ("No. 1", not "said no."). */
const ABBREVIATIONS = new Set([
  ...'Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col St Jr Sr Inc Corp Co No vs U.S U.K D.C a.m p.m'.split(
    ' ',
  ),
  ...MONTH_ABBREVIATIONS.map((m) => m[0]?.toUpperCase() + m.slice(1)),
]);

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000;
/** 。！？； */
const isCjkEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b;
/** . ! ? */
const isEnd = (c: number) => c === 46 || c === 33 || c === 63;
/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSERS = new Set([...'"\'\u201D\u2019\u00BB\u300D\u300F)）']);

/** Whether the period at `dot` ends an abbreviation or an initial ("Mr.", "U.S.", "J."). */
function endsAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1] as string)) s--;
  const word = text.slice(s, dot);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

/**
 * Sentence ends in `text`: for each, where the sentence ends (after its punctuation and closing
 * marks) and where the next one starts (after the white space).
 */
function* boundaries(text: string): Generator<[end: number, next: number]> {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isCjkEnd(c)) {
      let j = i + 1;
      while (j < n && isCjkEnd(text.charCodeAt(j))) j++;
      while (j < n && CLOSERS.has(text[j] as string)) j++;
      let k = j;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      yield [j, k];
      i = k - 1;
    } else if (isEnd(c)) {
      let j = i + 1;
      while (j < n && isEnd(text.charCodeAt(j))) j++;
      while (j < n && CLOSERS.has(text[j] as string)) j++;
      if (j < n && !isSpace(text.charCodeAt(j))) continue;
      if (c === 46 && j === i + 1 && endsAbbreviation(text, i)) continue;
      let k = j;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      const next = text.charCodeAt(k);
      if (next >= 97 && next <= 122) continue;
      yield [j, k];
      i = k - 1;
    } else if (c === 10) {
      // A blank line ends a paragraph, and with it a sentence.
      let k = i + 1;
      while (k < n && isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 10) k++;
      if (k < n && text.charCodeAt(k) === 10) {
        while (k < n && isSpace(text.charCodeAt(k))) k++;
        yield [i, k];
        i = k - 1;
      }
    }
  }
}

/** Splits text into sentences, trimmed, with their offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (const [end, next] of boundaries(text)) {
    push(start, end);
    start = next;
  }
  push(start, text.length);
  return out;
}

/** The sentence `text` begins with, up to its end (all of `text` when it has no end). */
export function firstSentence(text: string): string {
  for (const [end] of boundaries(text)) return text.slice(0, end);
  return text;
}

/** Where the last sentence of `text` starts: after its last sentence end (0 when none). */
export function lastSentenceStart(text: string): number {
  let start = 0;
  for (const [, next] of boundaries(text)) start = next;
  return start;
}

/** Whether a sentence ends somewhere in `text`. */
export function hasSentenceEnd(text: string): boolean {
  for (const _ of boundaries(text)) return true;
  return false;
}

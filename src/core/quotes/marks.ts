/** Marked quotes in a paragraph: curly, straight, guillemet and CJK corner marks, and single marks. */

import { CLOSING_QUOTES, OPENING_QUOTES } from '../fold.ts';

const OPENERS = new Set([...OPENING_QUOTES]);
const CLOSERS = new Set([...CLOSING_QUOTES]);
/** Characters a single-marked quote may run before its close (longer: an apostrophe). */
const SINGLE_QUOTE_REACH = 300;

export interface RawQuote {
  start: number;
  end: number;
  /** Opened without a close in this paragraph (runs to its end). */
  open: boolean;
  /** Starts at the paragraph start because a quote from the previous paragraph was still open. */
  continued: boolean;
}

/** Finds the marked quotes of one paragraph. `carry`: a quote from the previous one is open. */
export function scanParagraph(p: string, carry: boolean): RawQuote[] {
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
  for (let j = from; j < p.length && j < from + SINGLE_QUOTE_REACH; j++) {
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

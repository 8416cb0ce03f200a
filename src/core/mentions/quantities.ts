/**
 * Quantities in a sentence: durations ("about 90 minutes", "三个半小时") and figures (money,
 * aircraft counts, "130架次"), read alike from sentences and from the timeline's own fields.
 */
import { zhNumber } from '../dates.ts';
import type { DurationCue, FigureCue } from './cue-types.ts';

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

// Built once (matchAll reads a copy: these keep lastIndex 0).
const HOURS = new RegExp(
  `\\b${NUM}(\\s+and\\s+a\\s+half)?[\\s-]+hours?\\b(?:,?\\s+(?:and\\s+)?(\\d+)\\s+minutes?)?`,
  'gi',
);
const MINUTES = new RegExp(`\\b${NUM}[\\s-]+minutes?\\b`, 'gi');

export function findDurations(text: string): DurationCue[] {
  const out: DurationCue[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const push = (m: RegExpMatchArray, minutes: number) => {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) return;
    taken.push([at, at + m[0].length]);
    out.push({ kind: 'duration', text: m[0], at, minutes });
  };
  // Each pattern needs its unit word: most sentences have none, and no pattern runs over them.
  if (/hour/i.test(text)) {
    for (const m of text.matchAll(/\ban?\s+hour\s+and\s+a\s+half\b/gi)) push(m, 90);
    for (const m of text.matchAll(/\bhalf\s+an\s+hour\b/gi)) push(m, 30);
    for (const m of text.matchAll(HOURS)) {
      const h = numberValue(m[1] ?? '');
      if (h === null) continue;
      push(m, Math.round(h * 60 + (m[2] ? 30 : 0) + (m[3] ? Number(m[3]) : 0)));
    }
  }
  if (/minute/i.test(text)) {
    for (const m of text.matchAll(MINUTES)) {
      const v = numberValue(m[1] ?? '');
      if (v !== null) push(m, v);
    }
  }
  // Chinese: "三个半小时", "两个多小时", "约90分钟".
  if (text.includes('小时')) {
    for (const m of text.matchAll(/(\d+|[一二三四五六七八九十两]{1,3})个(半)?多?小时/g)) {
      const h = zhNumber(m[1] ?? '');
      if (h !== null) push(m, h * 60 + (m[2] ? 30 : 0));
    }
  }
  if (text.includes('分钟')) {
    for (const m of text.matchAll(/(\d+|[一二三四五六七八九十两]{1,3})分钟/g)) {
      const v = zhNumber(m[1] ?? '');
      if (v !== null) push(m, v);
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Reported durations are rounded: ten minutes apart, or 15% of the longer, is the same. */
const DURATION_SLACK_MINUTES = 10;
const DURATION_SLACK = 0.15;

export function durationsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(DURATION_SLACK_MINUTES, DURATION_SLACK * Math.max(a, b));
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const MONEY = /(?:US)?\$\s?(\d+(?:[.,]\d+)*)\s*(thousand|million|billion)?\b/gi;
const COUNTS =
  /\b(\d{1,4})\s+(?:[A-Za-z-]+\s+){0,2}?(aircraft|warplanes|planes|jets|fighters|bombers|ships|vessels|sorties|drones)\b/gi;

export function findFigures(s: string): FigureCue[] {
  const out: FigureCue[] = [];
  // Every figure has a digit: most sentences have none and need no pattern run over them.
  if (!/\d/.test(s)) return out;
  for (const m of s.matchAll(MONEY)) {
    const v = Number((m[1] ?? '').replace(/,/g, ''));
    const scale = SCALE[(m[2] ?? '').toLowerCase()] ?? 1;
    if (Number.isFinite(v))
      out.push({ kind: 'figure', text: m[0], at: m.index ?? 0, value: v * scale });
  }
  for (const m of s.matchAll(COUNTS)) {
    out.push({ kind: 'figure', text: m[0], at: m.index ?? 0, value: Number(m[1]) });
  }
  // Chinese: "130架次", "56架军机".
  for (const m of s.matchAll(/(\d{1,4})\s*架/g)) {
    out.push({ kind: 'figure', text: m[0], at: m.index ?? 0, value: Number(m[1]) });
  }
  return out;
}

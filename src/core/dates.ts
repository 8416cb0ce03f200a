/**
 * The one date module: date words in English and Chinese, resolved against the article's date
 * to ranges of UTC day numbers ("last month", "on Sunday", "September 9, 2021", "九月",
 * "去年十一月", "2月4日", "14日"). Each cue says how precise it is (its weight); a cue about
 * the future ("next week", "明年") gets weight 0 and never points at a past event.
 */

/** Evidence weight of a date cue by precision. */
export const DATE_WEIGHT = { day: 3, week: 2.5, month: 2, year: 1 };

export interface DateCue {
  kind: 'date';
  text: string;
  /** Offset in the sentence. */
  at: number;
  /** First and last UTC day number the words can mean. */
  from: number;
  to: number;
  weight: number;
}
// Day arithmetic (UTC day numbers)

const DAY_MS = 86_400_000;

export function dayOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / DAY_MS);
}

/** The calendar parts of a UTC day number (month 0–11, weekday 0 = Sunday). */
export function dayParts(day: number): { y: number; m: number; d: number; wd: number } {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate(), wd: t.getUTCDay() };
}

export function dayFromParts(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m, d) / DAY_MS);
}

export function monthRange(y: number, m: number): [number, number] {
  return [dayFromParts(y, m, 1), dayFromParts(y, m + 1, 1) - 1];
}

const MONTHS = [
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august'],
  ...['september', 'october', 'november', 'december'],
];
const MONTH_ABBR: Record<string, number> = { sept: 8 };
for (const [i, m] of MONTHS.entries()) if (m !== 'may') MONTH_ABBR[m.slice(0, 3)] = i;
/** Abbreviated month names as written before a period ("Jan.", "Sept."). */
export const MONTH_ABBREVIATIONS: readonly string[] = Object.keys(MONTH_ABBR);

/** Month number (0–11) of an English month name or abbreviation ("sept", "November"), or -1. */
export function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  return full >= 0 ? full : (MONTH_ABBR[w] ?? -1);
}
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

// The date patterns, compiled once (`matchAll` iterates a copy, so sharing them is safe).
const MONTH_NAMES = `${MONTHS.join('|')}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.`;
const EN_ABSOLUTE = new RegExp(
  `\\b(?:(\\d{1,2})\\s+)?(${MONTH_NAMES})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+((?:19|20)\\d\\d)\\b)?`,
  'gi',
);
const EN_WEEKDAY = new RegExp(`\\b(?:(last|next|this|on)\\s+)?(${WEEKDAYS.join('|')})\\b`, 'gi');

function findEnglishDates(s: string, article: number | null): DateCue[] {
  const out: DateCue[] = [];
  const add = adder(out);
  const ref = article === null ? null : dayParts(article);

  // Absolute: "September 9, 2021", "9 September", "April 2024", "in February", "the October meeting".
  for (const m of s.matchAll(EN_ABSOLUTE)) {
    const name = (m[2] ?? '').toLowerCase().replace(/\.$/, '');
    const at = m.index ?? 0;
    const raw = m[0];
    // Month names must be capitalised; "May" only with a day, a year or a preposition before it.
    if (!/^\p{Lu}/u.test((m[2] ?? '').trim())) continue;
    const month = monthIndex(name);
    if (month < 0) continue;
    const dayNum = m[1] ? Number(m[1]) : m[3] ? Number(m[3]) : null;
    if (article !== null && /\b(?:next|coming|through|until)\s+$/i.test(s.slice(0, at)) && !m[4]) {
      add(at, raw, article + 1, article + 400, 0);
      continue;
    }
    const yearNum = m[4] ? Number(m[4]) : null;
    if (name === 'may' && dayNum === null && yearNum === null) {
      if (!/\b(?:in|early|late|mid-|since|last|by|until)\s*$/i.test(s.slice(0, at))) continue;
    }
    let year = yearNum;
    if (year === null) {
      if (ref === null) continue;
      year = month <= ref.m ? ref.y : ref.y - 1;
    }
    if (dayNum !== null && dayNum >= 1 && dayNum <= 31) {
      const d = dayFromParts(year, month, dayNum);
      add(at, raw, d, d, DATE_WEIGHT.day);
    } else {
      const [from, to] = monthRange(year, month);
      add(at, raw, from, to, DATE_WEIGHT.month);
    }
  }
  // Years: "in 2021", "during 2022".
  for (const m of s.matchAll(/\b(?:in|during|of|for|since)\s+((?:19|20)\d\d)\b/gi)) {
    const y = Number(m[1]);
    const at = (m.index ?? 0) + m[0].length - 4;
    add(at, m[1] ?? '', dayFromParts(y, 0, 1), dayFromParts(y, 11, 31), DATE_WEIGHT.year);
  }
  if (article === null || ref === null) return out;

  const rel: [RegExp, () => [number, number, number] | null][] = [
    [
      /\b(?:in\s+the\s+)?(?:coming|next)\s+(?:few\s+)?(?:days|weeks?|months?|year)\b/gi,
      () => [article + 1, article + 400, 0],
    ],
    [
      /\b(?:tomorrow|later this (?:week|month|year)|soon)\b/gi,
      () => [article + 1, article + 400, 0],
    ],
    [
      /\blast\s+month\b/gi,
      () => [...monthRange(ref.m === 0 ? ref.y - 1 : ref.y, (ref.m + 11) % 12), DATE_WEIGHT.month],
    ],
    [/\bthis\s+month\b/gi, () => [...monthRange(ref.y, ref.m), DATE_WEIGHT.month]],
    [
      /\blast\s+year\b/gi,
      () => [dayFromParts(ref.y - 1, 0, 1), dayFromParts(ref.y - 1, 11, 31), DATE_WEIGHT.year],
    ],
    [/\bearlier\s+this\s+year\b/gi, () => [dayFromParts(ref.y, 0, 1), article, DATE_WEIGHT.year]],
    [
      /\bthis\s+year\b/gi,
      () => [dayFromParts(ref.y, 0, 1), dayFromParts(ref.y, 11, 31), DATE_WEIGHT.year],
    ],
    [
      /\blast\s+week\b/gi,
      () => {
        const monday = article - ((ref.wd + 6) % 7);
        return [monday - 7, monday - 1, DATE_WEIGHT.week];
      },
    ],
    [
      /\bthis\s+week\b/gi,
      () => {
        const monday = article - ((ref.wd + 6) % 7);
        return [monday, monday + 6, DATE_WEIGHT.week];
      },
    ],
    [/\byesterday\b/gi, () => [article - 1, article - 1, DATE_WEIGHT.day]],
    [/\btoday\b/gi, () => [article, article, DATE_WEIGHT.day]],
  ];
  for (const [re, range] of rel) {
    for (const m of s.matchAll(re)) {
      const r = range();
      if (r) add(m.index ?? 0, m[0], r[0], r[1], r[2]);
    }
  }
  // Weekdays: "on Sunday", "last Friday", "Tuesday (9)"; "next Monday" is in the future.
  for (const m of s.matchAll(EN_WEEKDAY)) {
    const target = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
    const mod = (m[1] ?? '').toLowerCase();
    if (mod === 'next') {
      add(m.index ?? 0, m[0], article + 1, article + 14, 0);
      continue;
    }
    let back = (ref.wd - target + 7) % 7;
    if (mod === 'last' && back === 0) back = 7;
    const d = article - back;
    add(m.index ?? 0, m[0], d, d, DATE_WEIGHT.day);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Chinese

const ZH_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "9", "九", "十一", "二十九", "三十一" → the number; null for anything else. */
export function zhNumber(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  if (word === '') return null;
  const i = word.indexOf('十');
  if (i < 0) {
    if (word.length !== 1) return null;
    return ZH_DIGITS[word] ?? null;
  }
  const tens = i === 0 ? 1 : (ZH_DIGITS[word.slice(0, i)] ?? null);
  const unit = i === word.length - 1 ? 0 : (ZH_DIGITS[word.slice(i + 1)] ?? null);
  return tens === null || unit === null || word.length > 3 ? null : tens * 10 + unit;
}

const ZH_NUM = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const ZH_FULL = new RegExp(
  `(?:((?:19|20)\\d\\d)年|(去年|今年|前年|明年))?(?<!个)(${ZH_NUM})月(?:份)?(?:(${ZH_NUM})[日号](?:(?:至|到|-|—)(${ZH_NUM})[日号])?)?`,
  'g',
);
const ZH_BARE_DAY = new RegExp(`(?<![\\d月])(${ZH_NUM})[日号](?:(?:至|到)(${ZH_NUM})[日号])?`, 'g');

function findChineseDates(s: string, article: number | null, add: Add): void {
  const ref = article === null ? null : dayParts(article);
  // "2019年6月29日", "去年十一月", "今年3月", "九月", "6日至7日" (with a month before it).
  for (const m of s.matchAll(ZH_FULL)) {
    const at = m.index ?? 0;
    const month = zhNumber(m[3] ?? '');
    if (month === null || month < 1 || month > 12) continue;
    const rel = m[2] ?? '';
    if (rel === '明年') {
      if (article !== null) add(at, m[0], article + 1, article + 800, 0);
      continue;
    }
    let year: number | null = m[1] ? Number(m[1]) : null;
    if (year === null) {
      if (ref === null) continue;
      if (rel === '去年') year = ref.y - 1;
      else if (rel === '前年') year = ref.y - 2;
      else if (rel === '今年') year = ref.y;
      else year = month - 1 <= ref.m ? ref.y : ref.y - 1;
    }
    const day = m[4] ? zhNumber(m[4]) : null;
    const last = m[5] ? zhNumber(m[5]) : null;
    if (day !== null && day >= 1 && day <= 31) {
      const d = dayFromParts(year, month - 1, day);
      const e =
        last !== null && last >= day && last <= 31 ? dayFromParts(year, month - 1, last) : d;
      add(at, m[0], d, e, DATE_WEIGHT.day);
    } else {
      const [from, to] = monthRange(year, month - 1);
      add(at, m[0], from, to, DATE_WEIGHT.month);
    }
  }
  // "(1949)年" alone, as in "2019年": a year.
  for (const m of s.matchAll(/((?:19|20)\d\d)年/g)) {
    const y = Number(m[1]);
    add(m.index ?? 0, m[0], dayFromParts(y, 0, 1), dayFromParts(y, 11, 31), DATE_WEIGHT.year);
  }
  if (article === null || ref === null) return;
  // "16日", "14日上午", "6日至7日" without a month: this month, or last month when the day is
  // still to come. (A preceding month was taken above.)
  for (const m of s.matchAll(ZH_BARE_DAY)) {
    const day = zhNumber(m[1] ?? '');
    if (day === null || day < 1 || day > 31) continue;
    const last = m[2] ? zhNumber(m[2]) : null;
    const [y, mo] =
      day <= ref.d ? [ref.y, ref.m] : ref.m === 0 ? [ref.y - 1, 11] : [ref.y, ref.m - 1];
    const d = dayFromParts(y, mo, day);
    const e = last !== null && last >= day ? dayFromParts(y, mo, last) : d;
    add(m.index ?? 0, m[0], d, e, DATE_WEIGHT.day);
  }
  const rel: [RegExp, () => [number, number, number]][] = [
    [
      /去年/g,
      () => [dayFromParts(ref.y - 1, 0, 1), dayFromParts(ref.y - 1, 11, 31), DATE_WEIGHT.year],
    ],
    [/今年/g, () => [dayFromParts(ref.y, 0, 1), dayFromParts(ref.y, 11, 31), DATE_WEIGHT.year]],
    [
      /上个?月/g,
      () => [...monthRange(ref.m === 0 ? ref.y - 1 : ref.y, (ref.m + 11) % 12), DATE_WEIGHT.month],
    ],
    [/本月|这个月/g, () => [...monthRange(ref.y, ref.m), DATE_WEIGHT.month]],
    [/昨天|昨日/g, () => [article - 1, article - 1, DATE_WEIGHT.day]],
    [/今天|今日/g, () => [article, article, DATE_WEIGHT.day]],
    [
      /上周|上星期/g,
      () => {
        const monday = article - ((ref.wd + 6) % 7);
        return [monday - 7, monday - 1, DATE_WEIGHT.week];
      },
    ],
    [/明年|下个?月|下周|即将|将于/g, () => [article + 1, article + 400, 0]],
  ];
  for (const [re, range] of rel) {
    for (const m of s.matchAll(re)) {
      const r = range();
      add(m.index ?? 0, m[0], r[0], r[1], r[2]);
    }
  }
}

type Add = (at: number, text: string, from: number, to: number, weight: number) => void;

/** Adds date cues to `out`, skipping one that overlaps a cue already there (the first wins). */
function adder(out: DateCue[]): Add {
  const taken: [number, number][] = out.map((c) => [c.at, c.at + c.text.length]);
  return (at, text, from, to, weight) => {
    if (!taken.every(([x, y]) => at + text.length <= x || at >= y)) return;
    taken.push([at, at + text.length]);
    out.push({ kind: 'date', text, at, from, to, weight });
  };
}

/**
 * The date cues of one sentence, English and Chinese. `article` is the article's UTC day
 * number; without it only absolute dates count. Overlapping matches keep the first (the most
 * specific form is tried first).
 */
export function findDates(s: string, article: number | null): DateCue[] {
  const out = findEnglishDates(s, article);
  if (!/[\u4e00-\u9fff]/.test(s)) return out;
  findChineseDates(s, article, adder(out));
  return out;
}

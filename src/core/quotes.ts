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
  // "a senior official", "the foreign ministry", and a country's or leader's ("China's foreign ministry").
  "(?:(?:[Aa]|[Aa]n|[Tt]he)\\s+|[A-Z][\\p{L}.-]*['\u2019]s\\s+)(?:[\\p{L}-]+\\s+){0,3}?(?:official|officials|spokesperson|spokesman|spokeswoman|ambassador|minister|diplomat|statement|readout|reading|document|letter|embassy|ministry|department)";
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
// Chinese attribution: "王毅表示：“…”", "“…”，王毅说。", "外交部发言人汪文斌在例行记者会上指出，…".
const ZH_VERB = '(?:表示|指出|强调|回应|宣布|写道|坦言|警告|补充说|称|说)';
const ZH_NAME = '([\\p{Script=Han}·]{2,16}?)';
// Between the speaker and the verb: where and how ("在记者会上", "发表声明", "对记者").
const ZH_SETTING =
  '(?:在[^，。；：“”「」]{1,24}|发表(?:声明|讲话|演讲)|对[^，。；：“”「」]{1,12}){0,2}';
const ZH_BEFORE = new RegExp(`${ZH_NAME}${ZH_SETTING}${ZH_VERB}[：:，,]?\\s*$`, 'u');
// The sentence's subject said something that the quote ends: "毛宁说，美方的做法是“经济胁迫”".
const ZH_SUBJECT = new RegExp(
  `^${ZH_NAME}${ZH_SETTING}${ZH_VERB}[，,][^。！？；“”「」]{1,30}$`,
  'u',
);
const ZH_AFTER = new RegExp(`^[，,。]?\\s*${ZH_NAME}${ZH_SETTING}${ZH_VERB}`, 'u');
const ZH_TITLES =
  /^.*?(?:发言人|国务卿|副总统|总统|主席|总理|外长|部长|大使|国务委员|主任|顾问|司长|官员|总书记|议长|议员|代表|先生|女士)/u;
/** A Chinese attribution's subject reduced to the person (or the role when no name follows). */
function zhSpeaker(run: string | undefined): string | null {
  if (!run) return null;
  let t = run
    .replace(/^(?:据|但|而|并|他还|她还|此前|随后|当天|同时|对此)/u, '')
    .replace(/(?:随后|随即|当天|此前|同时|也|还|则|又|曾)+$/u, '');
  const named = t.replace(ZH_TITLES, '');
  if (named.length >= 2) t = named;
  if (/^(?:他|她|他们|她们)$/u.test(t)) return 'he';
  return t.length >= 2 ? t : null;
}

// Reported speech: a sentence that attributes a statement without quote marks.
const REPORT_VERB =
  '(?:said|says|stated|states|wrote|writes|noted|notes|added|warned|warns|stressed|insisted|argued|declared|maintained|told\\s+(?:[A-Z][\\p{L}.]*\\s+){1,3}|told\\s+(?:reporters|journalists|lawmakers|a\\s+[\\p{L}\\s]{0,30}?))';
const REPORTED_EN = new RegExp(
  `^(?:[^,]{0,80},\\s+)?(?:[^,.;]{0,60}?\\s)?(?<![A-Z][\\p{L}'.-]*\\s)(${NAME}|${ROLE})(?:,\\s+[^,]{3,100},)?\\s+(?:also\\s+|has\\s+|had\\s+|then\\s+)?${REPORT_VERB}\\s*(?:on\\s+\\p{L}+day\\s+|in\\s+a\\s+[\\p{L}\\s]{0,30}?\\s+)?(?:that\\s+)?(.+)$`,
  'u',
);
const REPORTED_ACCORDING = new RegExp(
  `^According to\\s+(${NAME}|${ROLE})[^,]{0,60},\\s+(.+)$`,
  'u',
);
const REPORTED_ZH = new RegExp(
  `^(?:[^，。]{0,30}[，,])?${ZH_NAME}${ZH_SETTING}${ZH_VERB}[，,：:]\\s*(.+)$`,
  'u',
);
const QUOTE_MARK = /[\u201C\u201D\u300C\u300D\u300E\u300F"\u00AB\u00BB]/;

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
  // Chinese names put the family name first ("Xi Jinping", "Qin Gang"), also after a title the
  // list does not know ("Foreign ministry spokeswoman Mao Ning").
  const family = parts[parts.length - 2] ?? '';
  if (parts.length >= 2 && CHINESE_FAMILY.has(family)) return family.toLowerCase();
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
  const zh = Math.max(left.lastIndexOf('。'), left.lastIndexOf('？'), left.lastIndexOf('！'));
  if (zh >= 0) left = left.slice(zh + 1);
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
  m = ZH_BEFORE.exec(left.slice(-40));
  if (m?.[1]) return zhSpeaker(m[1]);
  m = ZH_AFTER.exec(right.split(/[。！？]/)[0] ?? right);
  if (m?.[1]) return zhSpeaker(m[1]);
  m = ZH_SUBJECT.exec(
    left
      .split(/[。！？]/)
      .pop()
      ?.trim() ?? '',
  );
  if (m?.[1]) return zhSpeaker(m[1]);
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
        form: 'quoted',
        paragraph: pi,
        ...anchor(p, q.start, q.end),
        matches: [],
        start: q.start,
        end: q.end,
      });
      prevEnd = q.end + 1;
    }
    // Remarks reported without quote marks, in the sentences outside the marked quotes.
    const extra: FoundQuote[] = [];
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
    {
      const u = raws.length === 0 ? unmarkedRemark(p, lastSpeaker) : null;
      const reported = reportedRemarks(p, lastSpeaker).filter(
        (r) =>
          (!u || r.end <= u.start || r.start >= u.end) &&
          raws.every((q) => r.end <= q.start - 1 || r.start >= q.end + 1),
      );
      if (u) reported.push(u);
      reported.sort((a, b) => a.start - b.start);
      for (const r of reported) {
        extra.push({
          ...r,
          form: 'reported',
          paragraph: pi,
          ...anchor(p, r.start, r.end),
          matches: [],
        });
        if (r.speaker) lastSpeaker = r.speaker;
      }
    }
    // The first piece of a quote split across paragraphs takes the speaker named later.
    const cont = found[0];
    const prevPiece = out[out.length - 1];
    if (raws[0]?.continued && cont?.speaker && prevPiece && !prevPiece.speaker && carry) {
      prevPiece.speaker = cont.speaker;
    }
    out.push(...[...found, ...extra].sort((a, b) => a.start - b.start));
    const last = raws[raws.length - 1];
    carry = last?.open === true;
    carrySpeaker = carry ? (found[found.length - 1]?.speaker ?? null) : null;
  }
  return out;
}

interface Reported {
  text: string;
  speaker: string | null;
  start: number;
  end: number;
  unmarked: true;
}

/** Sentences of a paragraph with their offsets (English and Chinese sentence ends). */
function sentencesOf(p: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^.!?。！？]+(?:[.!?。！？]+|$)/gu;
  for (const m of p.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: (m.index ?? 0) + lead });
  }
  // "U.S." and "Mr." end no sentence: glue a piece that starts in lower case to the previous.
  const merged: { text: string; start: number }[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && /^[a-z0-9]/.test(s.text)) {
      prev.text = p.slice(prev.start, s.start + s.text.length);
    } else merged.push({ ...s });
  }
  return merged;
}

const MIN_REPORTED_WORDS = 5;
/** Sources that report news rather than make remarks. */
const MEDIA =
  /\b(?:CNN|Reuters|Bloomberg|AFP|AP|Xinhua|BBC|report|reports|media|newspaper|agency|Agency|sources?)\b/;
/** What follows a speech verb when no remark does: when, where, to whom. */
const ADVERBIAL =
  /^(?:on|in|at|ahead|during|after|before|while|when|last|this|late|earlier|online|to|from|according)\b/i;
const MIN_REPORTED_HAN = 8;

/**
 * Remarks reported without quote marks: "Blinken said (that) …", "According to Wang, …",
 * "王毅表示，…". The remark is the reported clause, without the attribution.
 */
function reportedRemarks(p: string, lastSpeaker: string | null): Reported[] {
  if (p.length > 4000) return [];
  const out: Reported[] = [];
  for (const s of sentencesOf(p)) {
    if (out.length >= 3) break;
    if (QUOTE_MARK.test(s.text)) continue;
    const m = REPORTED_ACCORDING.exec(s.text) ?? REPORTED_EN.exec(s.text);
    let speaker: string | null = null;
    let clause: string | undefined;
    if (m?.[1] && m[2]) {
      speaker = cleanSpeaker(m[1]);
      clause = m[2];
      if (!speaker || NON_SPEAKERS.has(speaker.split(' ')[0] ?? '')) continue;
      // "According to CNN, the talks might …": news of the story, not a remark.
      if (MEDIA.test(speaker)) continue;
      if (clause.split(/\s+/).length < MIN_REPORTED_WORDS) continue;
    } else {
      const z = REPORTED_ZH.exec(s.text);
      if (!z?.[1] || !z[2]) continue;
      speaker = zhSpeaker(z[1]);
      clause = z[2];
      if ((clause.match(/\p{Script=Han}/gu) ?? []).length < MIN_REPORTED_HAN) continue;
    }
    if (isPronoun(speaker)) speaker = lastSpeaker;
    // "said on Tuesday, ahead of the talks, that …": the remark is what follows "that".
    if (ADVERBIAL.test(clause)) {
      const that = /^[^.;]{0,80}?\bthat\s+(.+)$/su.exec(clause);
      // "…, Xi said on Tuesday, ahead of the talks." reports nothing after the verb.
      if (!that?.[1]) continue;
      clause = that[1];
    }
    const body = clause.replace(/[.!?。！？\s]+$/u, '');
    const at = s.start + s.text.lastIndexOf(body);
    out.push({ text: body, speaker, start: at, end: at + body.length, unmarked: true });
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

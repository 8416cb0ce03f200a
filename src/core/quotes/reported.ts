/** Remarks reported without quote marks: "Blinken said (that) …", "…, Campbell said.", "王毅表示，…". */
import {
  cleanSpeaker,
  FIRST_PERSON,
  isPronoun,
  NAME,
  NON_SPEAKERS,
  PRONOUN,
  ROLE,
  ZH_SETTING,
  ZH_VERB,
  zhSpeaker,
} from './speakers.ts';
import { QUOTE_MARK } from '../fold.ts';
import { splitSentences } from '../sentences.ts';

// Scanned forward (no leading [\s\S]*: that backtracks on long sentences). Only plain
// reporting verbs: ", Xi calls for cooperation" is a headline, not a remark.
const UNMARKED = new RegExp(
  `,\\s+(${NAME}|${PRONOUN})\\s+(?:said|says|added|adds|told|stated|noted|remarked|wrote|explained|insisted)\\b`,
  'gu',
);
// Reported speech: a sentence that attributes a statement without quote marks.
const REPORT_VERB =
  '(?:said|says|stated|states|wrote|writes|noted|notes|added|warned|warns|stressed|insisted|argued|declared|maintained|told\\s+(?:[A-Z][\\p{L}.]*\\s+){1,3}|told\\s+(?:reporters|journalists|lawmakers|a\\s+[\\p{L}\\s]{0,30}?)|' +
  // Verbs that report speech only with a "that" clause ("reiterated that…", not "claimed victory").
  '(?:reiterated|emphasi[sz]ed|underscored|asserted|claimed|cautioned|acknowledged|confirmed|complained|predicted)(?=\\s+that\\b))';
const REPORTED_EN = new RegExp(
  `^(?:[^,]{0,80},\\s+){0,2}(?:[^,.;]{0,60}?\\s)?(?<![A-Z][\\p{L}'.-]*\\s)(${NAME}|${ROLE})(?:,\\s+[^,]{3,100},)?\\s+(?:also\\s+|has\\s+|had\\s+|then\\s+)?${REPORT_VERB}\\s*(?:on\\s+\\p{L}+day\\s+|in\\s+a\\s+[\\p{L}\\s]{0,30}?\\s+)?(?:that\\s+)?(.+)$`,
  'u',
);
const REPORTED_ACCORDING = new RegExp(
  `^According to\\s+(${NAME}|${ROLE})[^,]{0,60},\\s+(.+)$`,
  'u',
);
/**
 * The speaker of a Chinese report (one group): a name as `ZH_NAME` reads it, or 他 / 她, who is
 * the speaker named last.
 */
const ZH_REPORTER = '([\\p{Script=Han}·]{2,16}?|他|她)';
const REPORTED_ZH = new RegExp(
  `^(?:[^，。]{0,30}[，,])?${ZH_REPORTER}${ZH_SETTING}${ZH_VERB}[，,：:]\\s*(.+)$`,
  'u',
);

interface Reported {
  text: string;
  speaker: string | null;
  start: number;
  end: number;
  unmarked: true;
}

/** A reported remark has at least this many words (fewer: a fragment, not a statement). */
const MIN_REPORTED_WORDS = 5;
/** An unmarked remark before "…, X said." has at least this many words. */
const MIN_UNMARKED_WORDS = 4;
/** Reported remarks taken from one paragraph (more: a summary, not remarks). */
const MAX_REPORTED = 3;
/** Paragraphs longer than this are not read for reported speech (a page dump, not a paragraph). */
const MAX_PARAGRAPH = 4000;
/** Sources that report news rather than make remarks. */
const MEDIA =
  /\b(?:CNN|Reuters|Bloomberg|AFP|AP|Xinhua|BBC|report|reports|media|newspaper|agency|Agency|sources?)\b/;
/** What follows a speech verb when no remark does: when, where, to whom. */
const ADVERBIAL =
  /^(?:on|in|at|ahead|during|after|before|while|when|last|this|late|earlier|online|to|from|according)\b/i;
/**
 * Where the writer's narration takes over from a reported remark: ", without saying…",
 * ", a day after…", ", as she wrapped up…". The remark ends before it.
 */
const NARRATION =
  /,\s+(?:without|as|while|when|after|before|during|ahead\s+of|(?:a|one|two|three|several)\s+(?:days?|weeks?|hours?)\s+(?:after|before)|(?:days?|weeks?|hours?)\s+(?:after|before))\s/u;
/** A Chinese reported remark has at least this many characters. */
const MIN_REPORTED_HAN = 8;

/**
 * A sentence's part before its first quote mark, up to the last clause break before it: "他表示，
 * A，B，「C」" reports A and B and then quotes C ("…, calling it “C”" is the writer's lead-in to
 * the marked quote, which is extracted on its own). Null when no clause precedes the mark.
 */
function beforeQuoteMark(s: {
  text: string;
  start: number;
}): { text: string; start: number } | null {
  const mark = s.text.search(QUOTE_MARK);
  if (mark < 0) return s;
  const head = s.text.slice(0, mark);
  const cut = Math.max(head.lastIndexOf('，'), head.lastIndexOf(', '));
  if (cut <= 0) return null;
  return { text: head.slice(0, cut), start: s.start };
}

/**
 * Remarks reported without quote marks: "Blinken said (that) …", "According to Wang, …",
 * "王毅表示，…". The remark is the reported clause, without the attribution.
 */
export function reportedRemarks(p: string, lastSpeaker: string | null): Reported[] {
  if (p.length > MAX_PARAGRAPH) return [];
  const out: Reported[] = [];
  for (const whole of splitSentences(p)) {
    if (out.length >= MAX_REPORTED) break;
    const s = beforeQuoteMark(whole);
    if (!s) continue;
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
    const cut = NARRATION.exec(clause);
    if (cut && cut.index > 0) clause = clause.slice(0, cut.index);
    const body = clause.replace(/[.!?。！？\s]+$/u, '');
    const at = s.start + s.text.lastIndexOf(body);
    out.push({ text: body, speaker, start: at, end: at + body.length, unmarked: true });
  }
  return out;
}

/** "…, Campbell said." — a remark reported without quote marks, at the end of a paragraph. */
export function unmarkedRemark(
  p: string,
  lastSpeaker: string | null,
): { text: string; speaker: string | null; start: number; end: number; unmarked: true } | null {
  if (p.length > MAX_PARAGRAPH) return null;
  // The attribution must be in the paragraph's last sentence.
  const sentences = splitSentences(p);
  const lastStart = sentences[sentences.length - 1]?.start ?? 0;
  const lastSentence = p.slice(lastStart);
  let hit: RegExpMatchArray | null = null;
  for (const m of lastSentence.matchAll(UNMARKED)) hit = m;
  if (!hit || !hit[1] || hit.index === undefined || hit.index === 0) return null;
  // "…, Lai said peace was priceless": a clause after the verb is the remark (reported speech),
  // the words before it the writer's setting. Only "…, X said." or "…, X said on Monday, …"
  // reports what precedes.
  const rest = lastSentence.slice(hit.index + hit[0].length);
  if (/^\s+\p{L}/u.test(rest) && !ADVERBIAL.test(rest.trim())) return null;
  const m = [hit[0], lastSentence.slice(0, hit.index), hit[1]] as const;
  let speaker = cleanSpeaker(m[2]);
  if (speaker && NON_SPEAKERS.has(speaker.split(' ')[0] ?? '')) return null;
  if (isPronoun(speaker)) speaker = lastSpeaker;
  const clause = m[1];
  if (clause.split(/\s+/).length < MIN_UNMARKED_WORDS) return null;
  // First-person speech opening the paragraph belongs to the same remark.
  const first = sentences[0]?.text ?? '';
  const start = sentences.length > 1 && FIRST_PERSON.test(first) ? 0 : lastStart;
  if (start === lastStart && !FIRST_PERSON.test(clause) && !/^[A-Z]/.test(clause)) return null;
  const end = lastStart + clause.length;
  return { text: p.slice(start, end), speaker, start, end, unmarked: true };
}

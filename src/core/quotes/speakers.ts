/**
 * Who said a quote: attribution before or after it ("…, Campbell said", "Blinken told
 * reporters", "王毅表示"), reduced to the person, and a comparable key for the name.
 */
import { isChineseFamilyName } from '../chinese-names.ts';
import type { Lexicon } from '../lexicon.ts';
import { firstSentence, lastSentenceStart } from '../sentences.ts';
import type { RawQuote } from './marks.ts';

const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|remarked|stated|states|declared|declares|noted|notes|' +
  'wrote|writes|urged|urges|warned|warns|explained|insisted|stressed|argued|asked|replied|' +
  'described|describes|called|calls|termed|terms|highlighted|acknowledged|announced|continued';
export const NAME = "(?:[A-Z][\\p{L}'\u2019.-]*)(?:\\s+(?:[A-Z][\\p{L}'\u2019.-]*))*";
export const ROLE =
  // "a senior official", "the foreign ministry", and a country's ("China's foreign ministry").
  "(?:(?:[Aa]|[Aa]n|[Tt]he)\\s+|[A-Z][\\p{L}.-]*['\u2019]s\\s+)(?:[\\p{L}-]+\\s+){0,3}?(?:official|officials|spokesperson|spokesman|spokeswoman|ambassador|minister|diplomat|statement|readout|reading|document|letter|embassy|ministry|department)";
export const PRONOUN = '(?:he|she|He|She)';
const SUBJECT = `(${NAME}|${ROLE}|${PRONOUN})`;
const VERB = `(?:${SPEECH_VERBS})`;

// "…,” defence ministry spokesman Zhang Xiaogang told reporters": a lower-case title may
// precede the name.
const AFTER_SUBJ_VERB = new RegExp(
  `^[\\s,.;:!?]*(?:[^.!?]{0,60}?,\\s*)?(?:\\p{Ll}[\\p{L}-]*\\s+){0,4}?${SUBJECT}\\s+${VERB}\\b`,
  'u',
);
const AFTER_VERB_SUBJ = new RegExp(`^[\\s,.;:]*${VERB}\\s+(${NAME}|${ROLE})`, 'u');
const BEFORE_SUBJ_VERB = new RegExp(`${SUBJECT}\\s+(?:also\\s+)?${VERB}\\b[^.!?]*$`, 'u');
/** "X said:" right before the quote: the colon hands the quote to X. */
const INTRODUCED = new RegExp(`${SUBJECT}\\s+(?:also\\s+)?${VERB}\\b[^.!?:]*:\\s*$`, 'u');
const ACCORDING = new RegExp(
  `[Aa]ccording to\\s+(?:(?:a|an|the)\\s+[\\p{L}\\s]{0,30}?\\s+(?:by|from)\\s+)?(?:the\\s+)?(${NAME})`,
  'u',
);
// "Biden criticized Xi …, saying he had made a 'great mistake'": the sentence's subject.
const SAYING = new RegExp(
  `(?:^|[.!?]\\s+)(?:[A-Z][a-z]+\\s+\\w+,\\s+)?(${NAME})\\s[^.!?]*?,\\s+saying\\b[^.!?]*$`,
  'u',
);
// Chinese attribution: "王毅表示：“…”", "“…”，王毅说。", "外交部发言人汪文斌在例行记者会上指出，…",
// in simplified or traditional characters ("王毅說", "發言人").
/** Simplified characters of attributions, each with its traditional form. */
const TRADITIONAL_OF: Readonly<Record<string, string>> = {
  说: '說',
  称: '稱',
  强: '強',
  调: '調',
  应: '應',
  写: '寫',
  补: '補',
  发: '發',
  讲: '講',
  对: '對',
  国: '國',
  务: '務',
  总: '總',
  统: '統',
  长: '長',
  员: '員',
  顾: '顧',
  问: '問',
  议: '議',
  书: '書',
  记: '記',
  据: '據',
  并: '並',
  还: '還',
  随: '隨',
  后: '後',
  当: '當',
  时: '時',
  声: '聲',
  则: '則',
  们: '們',
  间: '間',
};
/** A literal Chinese pattern that also matches its traditional spelling ("说" → "[说說]"). */
export function eitherScript(literal: string): string {
  return [...literal].map((c) => (TRADITIONAL_OF[c] ? `[${c}${TRADITIONAL_OF[c]}]` : c)).join('');
}
/** The same text with the attributions' traditional characters simplified. */
function simplifiedAttribution(text: string): string {
  let out = text;
  for (const [simp, trad] of Object.entries(TRADITIONAL_OF)) out = out.split(trad).join(simp);
  return out;
}
export const ZH_VERB = `(?:${[
  '表示',
  '指出',
  '强调',
  '重申',
  '回应',
  '宣布',
  '写道',
  '坦言',
  '坦承',
  '透露',
  '警告',
  '补充说',
  '声称',
  '称',
  '说',
]
  .map(eitherScript)
  .join('|')})`;
export const ZH_NAME = '([\\p{Script=Han}·]{2,16}?)';
/**
 * When, between the speaker and the verb, as news copy writes it: "林剑4日表示", "李成钢11日凌晨在伦敦
 * 表示", "当天说". Digits are not Han characters: without this the name stopped at the date.
 */
export const ZH_WHEN = `(?:(?:${eitherScript('当地时间')})?(?:\\d{1,2}月)?\\d{1,2}日|${eitherScript('当天')}|今天|昨天)?(?:${['上午', '下午', '晚间', '晚上', '晚', '凌晨', '早间', '中午', '早些时候'].map(eitherScript).join('|')})?`;
// Between the speaker and the verb: when, where and how ("在记者会上", "发表声明", "对记者").
export const ZH_SETTING = `${ZH_WHEN}(?:在[^，。；：“”「」]{1,24}|${eitherScript('发')}表(?:${eitherScript('声')}明|${eitherScript('讲')}话|演${eitherScript('讲')})|${eitherScript('对')}[^，。；：“”「」]{1,12}){0,2}`;
const ZH_BEFORE = new RegExp(`${ZH_NAME}${ZH_SETTING}${ZH_VERB}[：:，,]?\\s*$`, 'u');
// The sentence's subject said something that the quote ends: "毛宁说，美方的做法是“经济胁迫”".
const ZH_SUBJECT = new RegExp(
  `^${ZH_NAME}${ZH_SETTING}${ZH_VERB}[，,][^。！？；“”「」]{1,30}$`,
  'u',
);
const ZH_AFTER = new RegExp(`^[，,。]?\\s*${ZH_NAME}${ZH_SETTING}${ZH_VERB}`, 'u');
const ZH_TITLES =
  /^.*?(?:发言人|国务卿|副总统|总统|主席|总理|外长|财长|防长|部长|大使|国务委员|主任|顾问|司长|官员|总书记|议长|议员|代表|先生|女士)/u;
/** A Chinese attribution's subject reduced to the person (or the role when no name follows). */
export function zhSpeaker(run: string | undefined): string | null {
  if (!run) return null;
  let t = simplifiedAttribution(run)
    .replace(/^(?:据|但|而|并|他还|她还|此前|随后|当天|同时|对此)/u, '')
    .replace(/(?:随后|随即|当天|此前|同时|也|还|则|又|曾|并)+$/u, '');
  const named = t.replace(ZH_TITLES, '');
  if (named.length >= 2) t = named;
  if (/^(?:他|她|他们|她们)$/u.test(t)) return 'he';
  return t.length >= 2 ? t : null;
}

const INSTITUTION =
  /\b(?:statement|embassy|Embassy|ministry|Ministry|report|reports|readout|agency|Agency|media|newspaper|CNN|Reuters|Bloomberg)\b/;
export const FIRST_PERSON = /\b(?:I|we|We|our|Our|us|my|My)\b/;
const TITLES = new Set(
  'President Vice Secretary Deputy Minister Foreign Ambassador Premier Chairman Senator Sen Rep General Gen Mr Mrs Ms Dr Chinese US U.S. American State Defense Prime Spokesperson Spokesman'.split(
    ' ',
  ),
);
export const NON_SPEAKERS = new Set(
  'According The This That These Those It In On At As But And However Meanwhile When While After Before If'.split(
    ' ',
  ),
);

/**
 * The speaker's name reduced to a comparable key ("President Xi Jinping" → "xi"), Chinese
 * family names known from `lexicon`.
 */
export function speakerKey(lexicon: Lexicon, speaker: string | null | undefined): string | null {
  if (!speaker) return null;
  // A role ("a senior administration official") is keyed by its head noun.
  const role = /^(?:a|an|the)\s.*?(\p{L}+)$/iu.exec(speaker.trim());
  if (role?.[1]) return role[1].toLowerCase();
  const parts = speaker.split(/\s+/).filter((w) => /^[A-Z]/.test(w) && !TITLES.has(w));
  if (parts.length === 0) return null;
  // Chinese names put the family name first ("Xi Jinping", "Qin Gang"), also after a title the
  // list does not know ("Foreign ministry spokeswoman Mao Ning").
  const family = parts[parts.length - 2] ?? '';
  if (parts.length >= 2 && isChineseFamilyName(lexicon, family)) return family.toLowerCase();
  return (parts[parts.length - 1] ?? '').toLowerCase().replace(/['\u2019]s$/, '');
}

export function cleanSpeaker(s: string | undefined): string | null {
  if (!s) return null;
  // "…," said Mr. Biden. — the sentence's period is not part of the name.
  let t = s
    .trim()
    .replace(/(?<=\p{Ll}{2})\.$/u, '')
    .replace(/['\u2019]s$/, '');
  const parts = t.split(/\s+/);
  while (parts.length > 1 && NON_SPEAKERS.has(parts[0] ?? '')) parts.shift();
  t = parts.join(' ');
  if (NON_SPEAKERS.has(t)) return null;
  return t || null;
}

export function isPronoun(s: string | null): boolean {
  return s !== null && /^(?:he|she)$/i.test(s);
}

/** The text between the previous quote (or sentence start) and this quote. */
function leftClause(p: string, start: number, prevEnd: number): string {
  const from = Math.max(prevEnd, 0);
  const left = p.slice(from, Math.max(from, start - 1));
  return left.slice(lastSentenceStart(left));
}

/** Characters after a quote read for its attribution ("…," the minister told reporters on Tuesday). */
const RIGHT_CLAUSE_REACH = 160;

function rightClause(p: string, end: number, nextStart: number): string {
  const to = nextStart >= 0 ? Math.max(end, nextStart - 1) : p.length;
  return p.slice(Math.min(p.length, end + 1), to).slice(0, RIGHT_CLAUSE_REACH);
}

/** Characters before a quote read for a Chinese attribution ("外交部发言人汪文斌在例行记者会上指出："). */
const ZH_ATTRIBUTION_REACH = 40;

export function speakerFor(
  p: string,
  q: RawQuote,
  prevEnd: number,
  nextStart: number,
): string | null {
  const left = leftClause(p, q.start, prevEnd);
  // A quote introduced by its speaker ("Mr. Biden said: “We will talk.” Xi replied.") is theirs,
  // whatever the next sentence's subject does.
  let m = INTRODUCED.exec(left);
  if (m?.[1]) return cleanSpeaker(m[1]);
  const right = rightClause(p, q.end, nextStart);
  // Attribution after the quote, up to the end of the sentence.
  const rightSentence = firstSentence(right);
  m = AFTER_VERB_SUBJ.exec(rightSentence);
  if (m?.[1]) return cleanSpeaker(m[1]);
  m = AFTER_SUBJ_VERB.exec(rightSentence);
  if (m?.[1]) return cleanSpeaker(m[1]);
  m = BEFORE_SUBJ_VERB.exec(left);
  if (m?.[1]) return cleanSpeaker(m[1]);
  m = SAYING.exec(leftClause(p, q.start, 0));
  if (m?.[1]) return cleanSpeaker(m[1]);
  // "According to X" names a person as speaker, but an embassy or a statement only as source.
  m = ACCORDING.exec(left) ?? ACCORDING.exec(rightSentence);
  if (m?.[1] && !INSTITUTION.test(m[0])) return cleanSpeaker(m[1]);
  m = ZH_BEFORE.exec(left.slice(-ZH_ATTRIBUTION_REACH));
  if (m?.[1]) return zhSpeaker(m[1]);
  m = ZH_AFTER.exec(rightSentence);
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

/**
 * Words and names that detection looks for, as plain data. Patterns are regular-expression
 * sources matched case-sensitively (names are capitalised; "US" is not "us"); Latin patterns
 * get word boundaries, CJK ones none. The actors of each side and the diplomatic acts live in
 * their own modules (lexicon-us.ts, lexicon-cn.ts, lexicon-acts.ts) and are re-exported here.
 */

export type { Entity, EntityKind, Side } from './lexicon-entity.ts';
export { CN_ENTITIES } from './lexicon-cn.ts';
export { US_ENTITIES } from './lexicon-us.ts';
export { DIPLOMATIC_ACTS } from './lexicon-acts.ts';

/** Terms that name the US–China pair as one thing ("US-China talks", "中美关系"). */
export const PAIR_TERMS: readonly string[] = [
  'U\\.?S\\.?[-–—‑/]+(?:China|PRC|Chinese)',
  '(?:China|PRC)[-–—‑/]+(?:U\\.?S\\.?|United States|America)',
  'Sino-(?:U\\.?S\\.?|American)',
  'United States[-–—‑/]China',
  'Washington and Beijing',
  'Beijing and Washington',
  "(?:the )?United States and (?:the People[’']s Republic of )?China",
  'China and the United States',
  '中美',
  '美中',
];

/**
 * Phrases that refer back to both parties ("the two leaders", "双方"); they count as the pair
 * only in an article where both a US and a Chinese actor appear.
 */
export const PAIR_REFERENCES: readonly string[] = [
  'the two (?:sides|countries|nations|leaders|presidents|governments|delegations|powers|superpowers|militaries|economies)',
  'both (?:sides|countries|nations|leaders|presidents|governments|delegations)',
  'each side',
  'the two heads of state',
  '双方',
  '两国',
  '两国元首',
];

/** Taiwan and its leaders. */
export const TAIWAN_TERMS: readonly string[] = [
  'Taiwan(?:ese)?',
  'Taipei',
  'Tsai Ing-wen',
  'Lai Ching-te',
  '台湾',
  '台海',
  '台北',
];

/** Military pressure by the PLA: exercises, incursions, blockades around Taiwan. */
export const PLA_PRESSURE_TERMS: readonly string[] = [
  'Taiwan Strait',
  'incursions?',
  'air defen[cs]e identification zone',
  'ADIZ',
  'military (?:drills?|exercises?|pressure|activity|activities|coercion)',
  '(?:live-fire|large-scale|joint) (?:drills?|exercises?)',
  'drills',
  'warplanes',
  'warships',
  'fighter jets',
  'ballistic missiles?',
  'missile launches',
  'blockade',
  'encircl\\w+',
  'coercion',
  'provocative',
  'escalatory',
  '军演',
  '演习',
  '战机',
  '军机',
  '封锁',
];

/** Military pressure on Taiwan and its vocabulary (both lists together). */
export const TAIWAN_PLA_TERMS: readonly string[] = [...TAIWAN_TERMS, ...PLA_PRESSURE_TERMS];

/**
 * Headline words of a transcript or statement whose speaker the headline names ("Remarks by
 * President Biden…"); in such documents "I" and "we" are the speaker's side.
 */
export const TRANSCRIPT_HEADLINE_TERMS: readonly string[] = [
  'Remarks',
  'Press Conference',
  'Press Call',
  'Press Briefing',
  'Press Gaggle',
  'Briefing',
  'Gaggle',
  'Interview',
  'Q&A',
  'Speech',
  'Statement (?:by|from)',
  'Testimony',
];

/** First-person words that stand for the speaker's side in a transcript. */
export const FIRST_PERSON_TERMS: readonly string[] = [
  'I',
  "I[’']m",
  "I[’']ve",
  'we',
  'We',
  'my',
  'My',
  'our',
  'Our',
  'me',
  'us',
];

/** Markers of working-level exchanges (not leaders or senior officials). */
export const WORKING_LEVEL_TERMS: readonly string[] = [
  'working group',
  'working-level',
  'working level',
  'expert-level',
  'experts? (?:talks|dialogue|meeting|consultations)',
  'interagency (?:U\\.?S\\.? )?delegation',
  'technical (?:talks|consultations|exchanges)',
  '工作组',
  '工作层',
  '专家级',
];

/** Counterparts other than the US: when they dominate, China's diplomacy is with someone else. */
export const OTHER_COUNTERPARTS: readonly { name: string; patterns: string[] }[] = [
  {
    name: 'Russia',
    patterns: ['Russia(?:n|ns)?', 'Putin', 'Kremlin', 'Moscow', 'Lavrov', '俄罗斯', '普京'],
  },
  {
    name: 'Japan',
    patterns: ['Japan(?:ese)?', 'Kishida', 'Tokyo', 'Ishiba', 'Takaichi', 'Abe', '日本'],
  },
  { name: 'India', patterns: ['India(?:n|ns)?', 'Modi', 'New Delhi', '印度'] },
  { name: 'Pakistan', patterns: ['Pakistan(?:i|is)?', 'Imran Khan', 'Islamabad'] },
  {
    name: 'Europe',
    patterns: ['European Union', 'EU', 'Brussels', 'von der Leyen', 'Europe(?:an)?', '欧盟'],
  },
  {
    name: 'Korea',
    patterns: [
      'South Korea(?:n)?',
      'North Korea(?:n)?',
      'Seoul',
      'Pyongyang',
      'Kim Jong[ -]Un',
      'Yoon',
      '朝鲜',
      '韩国',
    ],
  },
  { name: 'United Kingdom', patterns: ['Britain', 'British', 'United Kingdom', 'UK'] },
  { name: 'France', patterns: ['France', 'French', 'Macron'] },
  { name: 'Germany', patterns: ['Germany', 'German', 'Scholz', 'Merz'] },
  { name: 'Australia', patterns: ['Australia(?:n)?', 'Albanese', 'Canberra'] },
  {
    name: 'Southeast Asia',
    patterns: [
      'Vietnam(?:ese)?',
      'Philippines',
      'Filipino',
      'Indonesia(?:n)?',
      'Malaysia(?:n)?',
      'ASEAN',
    ],
  },
  { name: 'Ukraine', patterns: ['Ukrain(?:e|ian)', 'Zelensky'] },
  { name: 'Canada', patterns: ['Canad(?:a|ian)', 'Ottawa', 'Trudeau', 'Carney'] },
  { name: 'Mexico', patterns: ['Mexic(?:o|an)', 'Sheinbaum'] },
];

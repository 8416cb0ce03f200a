/**
 * Words and names that detection looks for, as plain data so other modules (matching, context)
 * can reuse the entity lists. Patterns are regular-expression sources matched case-sensitively
 * (names are capitalised; "US" is not "us"); Latin patterns get word boundaries, CJK ones none.
 *
 * `short` forms (a bare surname) count only when one of the `full` forms also appears in the
 * article: "Sullivan said" means Jake Sullivan only in a story that named him.
 */

import { CN_ENTITIES, type Entity } from './lexicon-cn.ts';

export type { Entity, EntityKind, Side } from './lexicon-cn.ts';
export { CN_ENTITIES };

export const US_ENTITIES: readonly Entity[] = [
  {
    name: 'Joe Biden',
    side: 'us',
    kind: 'official',
    full: ['Joe Biden', 'Joseph R\\. Biden', 'Biden', '拜登'],
  },
  {
    name: 'Donald Trump',
    side: 'us',
    kind: 'official',
    full: ['Donald (?:J\\. )?Trump', 'Trump', '特朗普', '川普'],
  },
  { name: 'Barack Obama', side: 'us', kind: 'official', full: ['Barack Obama', 'Obama', '奥巴马'] },
  {
    name: 'Kamala Harris',
    side: 'us',
    kind: 'official',
    full: ['Kamala Harris', 'Vice President Harris', '哈里斯'],
    short: ['Harris'],
  },
  {
    name: 'Antony Blinken',
    side: 'us',
    kind: 'official',
    full: ['Antony Blinken', 'Blinken', '布林肯'],
  },
  {
    name: 'Jake Sullivan',
    side: 'us',
    kind: 'official',
    full: ['Jake Sullivan', 'National Security Advis[eo]r Sullivan', '沙利文'],
    short: ['Sullivan'],
  },
  { name: 'Janet Yellen', side: 'us', kind: 'official', full: ['Janet Yellen', 'Yellen', '耶伦'] },
  {
    name: 'Lloyd Austin',
    side: 'us',
    kind: 'official',
    full: ['Lloyd Austin', 'Secretary Austin', '奥斯汀'],
    short: ['Austin'],
  },
  {
    name: 'Gina Raimondo',
    side: 'us',
    kind: 'official',
    full: ['Gina Raimondo', 'Raimondo', '雷蒙多'],
  },
  {
    name: 'Katherine Tai',
    side: 'us',
    kind: 'official',
    full: ['Katherine Tai', 'Ambassador Tai', '戴琪'],
    short: ['Tai'],
  },
  {
    name: 'John Kerry',
    side: 'us',
    kind: 'official',
    full: ['John Kerry', '克里'],
    short: ['Kerry'],
  },
  {
    name: 'William Burns',
    side: 'us',
    kind: 'official',
    full: ['William Burns', 'Bill Burns', 'Nicholas Burns', 'Ambassador Burns', '伯恩斯'],
    short: ['Burns'],
  },
  {
    name: 'Kurt Campbell',
    side: 'us',
    kind: 'official',
    full: ['Kurt Campbell', '坎贝尔'],
    short: ['Campbell'],
  },
  {
    name: 'Wendy Sherman',
    side: 'us',
    kind: 'official',
    full: ['Wendy Sherman', '舍曼'],
    short: ['Sherman'],
  },
  { name: 'Mike Pompeo', side: 'us', kind: 'official', full: ['Mike Pompeo', 'Pompeo', '蓬佩奥'] },
  { name: 'Rex Tillerson', side: 'us', kind: 'official', full: ['Rex Tillerson', 'Tillerson'] },
  { name: 'Steven Mnuchin', side: 'us', kind: 'official', full: ['Steven Mnuchin', 'Mnuchin'] },
  {
    name: 'Robert Lighthizer',
    side: 'us',
    kind: 'official',
    full: ['Robert Lighthizer', 'Lighthizer'],
  },
  { name: 'Marco Rubio', side: 'us', kind: 'official', full: ['Marco Rubio', 'Rubio', '鲁比奥'] },
  {
    name: 'Scott Bessent',
    side: 'us',
    kind: 'official',
    full: ['Scott Bessent', 'Bessent', '贝森特'],
  },
  {
    name: 'Jamieson Greer',
    side: 'us',
    kind: 'official',
    full: ['Jamieson Greer', '格里尔'],
    short: ['Greer'],
  },
  { name: 'Howard Lutnick', side: 'us', kind: 'official', full: ['Howard Lutnick', 'Lutnick'] },
  {
    name: 'Pete Hegseth',
    side: 'us',
    kind: 'official',
    full: ['Pete Hegseth', 'Hegseth', '赫格塞思'],
  },
  { name: 'Mike Pence', side: 'us', kind: 'official', full: ['Mike Pence', 'Pence'] },
  {
    name: 'Nancy Pelosi',
    side: 'us',
    kind: 'official',
    full: ['Nancy Pelosi', 'Pelosi', '佩洛西'],
  },
  { name: 'Hillary Clinton', side: 'us', kind: 'official', full: ['Hillary (?:Rodham )?Clinton'] },
  { name: 'Jen Psaki', side: 'us', kind: 'official', full: ['Jen Psaki', 'Psaki'] },
  { name: 'John Kirby', side: 'us', kind: 'official', full: ['John Kirby'], short: ['Kirby'] },
  { name: 'White House', side: 'us', kind: 'gov', full: ['White House', '白宫'] },
  {
    name: 'State Department',
    side: 'us',
    kind: 'gov',
    full: ['State Department', 'Department of State', '美国国务院', '美国务院'],
  },
  {
    name: 'Pentagon',
    side: 'us',
    kind: 'gov',
    full: ['Pentagon', 'Department of Defense', 'Defense Department', '五角大楼', '美国国防部'],
  },
  {
    name: 'US Treasury',
    side: 'us',
    kind: 'gov',
    full: ['Treasury Department', 'Department of the Treasury', 'Treasury Secretary', '美国财政部'],
  },
  {
    name: 'US Trade Representative',
    side: 'us',
    kind: 'gov',
    full: ['U\\.S\\. Trade Representative', 'US Trade Representative', 'USTR', '美国贸易代表'],
  },
  {
    name: 'National Security Council',
    side: 'us',
    kind: 'gov',
    full: ['National Security Council', 'NSC'],
  },
  {
    name: 'US administration',
    side: 'us',
    kind: 'gov',
    full: [
      "(?:Biden|Trump|Obama)(?:[’']s)? administration",
      '(?:Biden|Trump|Obama)-Harris administration',
      'the Administration',
      'the administration',
    ],
  },
  {
    name: 'US president',
    side: 'us',
    kind: 'gov',
    full: [
      'U\\.?S\\.? [Pp]resident',
      'American [Pp]resident',
      'President of the United States',
      '美国总统',
    ],
  },
  {
    name: 'US secretary',
    side: 'us',
    kind: 'gov',
    full: [
      'Secretary of State',
      'U\\.?S\\.? [Ss]ecretary of \\w+',
      'Commerce Secretary',
      'Defense Secretary',
      '国务卿',
    ],
  },
  {
    name: 'US officials',
    side: 'us',
    kind: 'gov',
    full: [
      'U\\.?S\\.? officials?',
      'American officials?',
      'U\\.?S\\.? diplomats?',
      'U\\.?S\\.? government',
      'U\\.?S\\.? ambassador',
      'U\\.?S\\.? [Ee]mbassy',
      'senior administration officials?',
      '美方',
      '美国政府',
      '美国官员',
    ],
  },
  {
    name: 'Washington',
    side: 'us',
    kind: 'gov',
    full: [
      'Washington(?! (?:Post|state|State|Nationals|Wizards|Capitals|Commanders|Redskins|Huskies|University))',
      '华盛顿',
    ],
  },
  {
    name: 'Congress',
    side: 'us',
    kind: 'gov',
    full: [
      'Congress(?!ional Budget)',
      'U\\.?S\\.? [Ss]enate',
      'House of Representatives',
      '美国国会',
    ],
  },
  {
    name: 'United States',
    side: 'us',
    kind: 'country',
    full: [
      'United States',
      'U\\.S\\.A?\\.?',
      'US(?:A)?(?![a-zA-Z-])',
      '(?<!(?:Latin|South|Central|North) )America(?:ns?)?',
      'American',
      '美国',
    ],
  },
];

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

/** Acts of diplomacy: calls, meetings, talks, negotiations, agreements, protests, pressure. */
export const DIPLOMATIC_ACTS: readonly { name: string; patterns: string[] }[] = [
  {
    name: 'call',
    patterns: [
      '(?:phone|video|telephone) (?:call|conversation)',
      'call with',
      'spoke (?:by phone|with|today with)',
      'talked by phone',
      'held a call',
      'calls? between',
      '通电话',
      '通话',
      '视频会晤',
    ],
  },
  {
    name: 'meeting',
    patterns: ['met', 'meet(?:s|ing)?', 'meetings', 'sidelines', '会晤', '会见', '会面'],
  },
  { name: 'summit', patterns: ['summit', '峰会', '元首'] },
  {
    name: 'talks',
    patterns: [
      'talks',
      'dialogue',
      'consultations?',
      'negotiat(?:e|ed|es|ing|ion|ions|ors?)',
      '会谈',
      '对话',
      '磋商',
      '谈判',
    ],
  },
  {
    name: 'visit',
    patterns: [
      'visit(?:ed|ing|s)? (?:to )?(?:Beijing|China|Washington|the United States)',
      'trip to (?:Beijing|China|Washington)',
      'state visit',
      '访华',
      '访美',
      '访问',
    ],
  },
  {
    name: 'diplomacy',
    patterns: [
      'diplomac(?:y|ies)',
      'diplomatic',
      'diplomats?',
      'ambassadors?',
      'envoys?',
      'embass(?:y|ies)',
      'foreign minister',
      'counterpart',
      'bilateral',
      'relations(?:hip)?',
      'ties',
      '外交',
      '大使',
      '关系',
      '双边',
    ],
  },
  {
    name: 'agreement',
    patterns: [
      'agree(?:d|ment|ments)',
      'joint statement',
      'readout',
      'communiqu[ée]',
      'consensus',
      'deal',
      'truce',
      'framework',
      'commitments?',
      '协议',
      '共识',
      '联合声明',
      '一致同意',
    ],
  },
  {
    name: 'trade',
    patterns: [
      'tariffs?',
      'trade (?:war|talks|deal|tensions|dispute|agreement)',
      'export (?:controls?|curbs|restrictions|bans?)',
      '(?:chip|technology) (?:curbs|restrictions|controls)',
      'sanction(?:s|ed|ing)?',
      'entity list',
      'countermeasures?',
      'retaliat(?:e|ed|es|ion|ory)',
      '关税',
      '贸易战',
      '经贸',
      '出口管制',
      '实体清单',
      '制裁',
      '反制',
    ],
  },
  {
    name: 'security',
    patterns: [
      'military-to-military',
      'mil-mil',
      'communication channels?',
      'lines? of communication',
      'guardrails',
      'de-?escalat\\w*',
      'tensions?',
      'rivalry',
      'competition',
      'cooperat(?:e|ion)',
      'compete responsibly',
      '竞争',
      '合作',
      '紧张',
    ],
  },
  {
    name: 'reaction',
    patterns: [
      'condemn(?:ed|s)?',
      'urged',
      'urging',
      'warned',
      'called on',
      'protest(?:ed|s)?',
      'criticiz(?:ed|es)',
      'reaffirm(?:ed|s)?',
      'one[- ]China policy',
      'Taiwan Relations Act',
      'arms sales?',
      'freedom of navigation',
      'reject(?:s|ed|ing)?',
      '(?:firmly|resolutely|strongly) oppos(?:e|es|ed)',
      'export control measures',
      'dismiss(?:ed|es)?',
      'overreact(?:ed|s|ing)?',
      '(?:lodged|lodge|lodges) (?:a )?(?:stern |solemn |strong )?(?:protests?|representations|complaints?)',
      'stern representations',
      'summon(?:s|ed)?',
      'raised (?:the )?(?:cases?|concerns?)',
      'human rights',
      'interfer(?:e|ed|ence|ing) in (?:China|its|our)',
      'internal affairs',
      'freedom of navigation operations?',
      'unsafe (?:intercept|maneuver|manoeuvre)s?',
      'provocations?',
      '敦促',
      '警告',
      '抗议',
      '谴责',
      '一个中国',
      '交涉',
      '反对',
      '回应',
      '驳斥',
      '不满',
      '挑衅',
      '内政',
      '人权',
      '警告驱离',
    ],
  },
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

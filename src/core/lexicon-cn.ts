/**
 * The Chinese actors of the lexicon (lexicon.ts re-exports them), in a module of their own: the
 * look for a Chinese actor that runs on every page (china.ts) needs these names and nothing else
 * of the lexicon.
 */

export type Side = 'us' | 'cn';

/** official: a named person; gov: an office or institution; country: the country or its people. */
export type EntityKind = 'official' | 'gov' | 'country';

export interface Entity {
  /** Display name used in reasons. */
  name: string;
  side: Side;
  kind: EntityKind;
  full: string[];
  short?: string[];
}

export const CN_ENTITIES: readonly Entity[] = [
  {
    name: 'Xi Jinping',
    side: 'cn',
    kind: 'official',
    full: ['Xi Jinping', "Xi(?![’']an)(?![a-zA-Z])", '习近平', '习主席'],
  },
  { name: 'Li Qiang', side: 'cn', kind: 'official', full: ['Li Qiang', 'Premier Li', '李强'] },
  { name: 'Li Keqiang', side: 'cn', kind: 'official', full: ['Li Keqiang', '李克强'] },
  {
    name: 'Wang Yi',
    side: 'cn',
    kind: 'official',
    full: ['Wang Yi(?![a-z])', 'Foreign Minister Wang', 'Director Wang', '王毅'],
  },
  { name: 'Yang Jiechi', side: 'cn', kind: 'official', full: ['Yang Jiechi', '杨洁篪'] },
  { name: 'Qin Gang', side: 'cn', kind: 'official', full: ['Qin Gang', '秦刚'] },
  {
    name: 'He Lifeng',
    side: 'cn',
    kind: 'official',
    full: ['He Lifeng', 'Vice Premier He', '何立峰'],
  },
  { name: 'Liu He', side: 'cn', kind: 'official', full: ['Liu He', 'Vice Premier Liu', '刘鹤'] },
  { name: 'Wang Huning', side: 'cn', kind: 'official', full: ['Wang Huning', '王沪宁'] },
  {
    name: 'Han Zheng',
    side: 'cn',
    kind: 'official',
    full: ['Han Zheng', 'Vice President Han', '韩正'],
  },
  { name: 'Wei Fenghe', side: 'cn', kind: 'official', full: ['Wei Fenghe', '魏凤和'] },
  { name: 'Li Shangfu', side: 'cn', kind: 'official', full: ['Li Shangfu', '李尚福'] },
  { name: 'Dong Jun', side: 'cn', kind: 'official', full: ['Dong Jun', '董军'] },
  {
    name: 'Zhang Youxia',
    side: 'cn',
    kind: 'official',
    full: ['Zhang Youxia', 'Vice Chairman Zhang', '张又侠'],
  },
  { name: 'Xie Feng', side: 'cn', kind: 'official', full: ['Xie Feng', 'Ambassador Xie', '谢锋'] },
  { name: 'Cui Tiankai', side: 'cn', kind: 'official', full: ['Cui Tiankai', '崔天凯'] },
  { name: 'Wang Wentao', side: 'cn', kind: 'official', full: ['Wang Wentao', '王文涛'] },
  { name: 'Hu Jintao', side: 'cn', kind: 'official', full: ['Hu Jintao', '胡锦涛'] },
  {
    name: 'Chinese foreign ministry spokesperson',
    side: 'cn',
    kind: 'official',
    full: [
      'Wang Wenbin',
      'Mao Ning',
      'Lin Jian',
      'Zhao Lijian',
      'Hua Chunying',
      'Guo Jiakun',
      '汪文斌',
      '毛宁',
      '林剑',
      '赵立坚',
      '华春莹',
      '郭嘉昆',
    ],
  },
  {
    name: 'Chinese government',
    side: 'cn',
    kind: 'gov',
    full: [
      'Chinese (?:government|officials?|leaders?|leadership|diplomats?|ambassador|[Ee]mbassy|[Ff]oreign [Mm]inist(?:ry|er)|[Cc]ommerce [Mm]inistry|[Dd]efen[cs]e [Mm]inist(?:ry|er)|[Pp]resident|[Pp]remier|Vice Premier)',
      "China(?:[’']s)? (?:government|[Ff]oreign [Mm]inist(?:ry|er)|[Cc]ommerce [Mm]inistry|[Dd]efen[cs]e [Mm]inistry|top diplomat|leader)",
      'PRC (?:government|officials?|leaders?)',
      'State Council',
      'Politburo',
      'Zhongnanhai',
      'Communist Party',
      'CCP',
      'CPC',
      '中方',
      '中国政府',
      '外交部',
      '国务院',
      '中南海',
      '中共',
    ],
  },
  {
    name: 'PLA',
    side: 'cn',
    kind: 'gov',
    full: ["People[’']s Liberation Army", 'PLA(?![a-zA-Z])', 'Chinese military', '解放军'],
  },
  { name: 'Beijing', side: 'cn', kind: 'gov', full: ['Beijing', 'Peking', '北京'] },
  {
    name: 'China',
    side: 'cn',
    kind: 'country',
    full: [
      "China(?:[’']s)?",
      'Chinese',
      'PRC',
      "People[’']s Republic",
      'Sino-[A-Z][a-z]+',
      '中国',
      '中华人民共和国',
    ],
  },
];

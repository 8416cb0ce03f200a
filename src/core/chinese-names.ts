/**
 * The one list of Chinese family names: common family names in pinyin, and the family names of
 * every Chinese and Taiwanese person the lexicon knows ("Xi Jinping", "Tsai Ing-wen"), so a
 * person added to the lexicon is known here too. Chinese names put the family name first.
 * And how Chinese-language text writes a person: the lexicon's Chinese forms of the name.
 */
import { CN_ENTITIES, TAIWAN_TERMS, US_ENTITIES } from './lexicon.ts';

/** Common Chinese family names, as written in English. */
const COMMON =
  'Xi Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Liang Song Zheng Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Lu Su Jiang Cai Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian Ren Fan Fang Shi Yao Tan Liao Zou Xiong Jin Qin Qiu Hou Kong Bai Cui Kang Mao Qian Qi Gu Hao Shao Wan Hong Wen';

/** A person's name as the lexicon writes it: two capitalised words ("Wang Yi", "Lai Ching-te"). */
const PERSON = /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u;

const lexiconNames = [...CN_ENTITIES.flatMap((e) => [e.name, ...e.full]), ...TAIWAN_TERMS].filter(
  (n) => PERSON.test(n),
);

export const CHINESE_FAMILY_NAMES: ReadonlySet<string> = new Set([
  ...COMMON.split(' '),
  ...lexiconNames.map((n) => n.split(' ')[0] as string),
]);

/** Whether `word` ("Xi", "wang") is a Chinese family name. */
export function isChineseFamilyName(word: string): boolean {
  const w = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  return CHINESE_FAMILY_NAMES.has(w);
}

const HAN = /\p{Script=Han}/u;

/** Chinese forms of people the lexicon names only in English (it is detection's word list). */
// prettier-ignore
const MORE_CHINESE_FORMS: Record<string, string[]> = {
  'Tsai Ing-wen': ['蔡英文'], 'Lai Ching-te': ['赖清德'], 'Rex Tillerson': ['蒂勒森'],
  'Steven Mnuchin': ['姆努钦'], 'Robert Lighthizer': ['莱特希泽'],
};

const chineseForms = new Map<string, string[]>();
// People only ("China" and "PLA" are actors, not names), and plain forms, not patterns.
for (const e of [...CN_ENTITIES, ...US_ENTITIES]) {
  if (e.kind !== 'official' || !PERSON.test(e.name)) continue;
  const zh = [...e.full, ...(e.short ?? [])].filter((f) => HAN.test(f) && !/[()?|[\]\\]/.test(f));
  if (zh.length > 0) chineseForms.set(e.name, zh);
}
for (const [name, forms] of Object.entries(MORE_CHINESE_FORMS)) chineseForms.set(name, forms);

/** How Chinese-language text writes a person ("Joe Biden" → 拜登), or none. */
export function chineseFormsOf(name: string): readonly string[] {
  return chineseForms.get(name) ?? [];
}

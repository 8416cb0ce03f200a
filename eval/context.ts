/**
 * Prior-context evaluation (`npm run eval:context`) over `eval/context-set/articles.jsonl`:
 * for each labelled article, the pipeline's context (the reader-sized list) is compared with
 * the earlier events a reader would expect.
 *   recall    = expected events found in the context / expected events
 *   precision = context events the page is said to mention that are expected / such events
 * (the other context entries are offered as background — same actors, same topic — and are not
 * claims that the article refers to them; their share is printed as "background" for reference).
 * Prints every miss and every wrong mention, per half. Exits 1 when the test half is below 0.9.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectContext } from '../src/core/context.ts';
import { findRelated } from '../src/core/match/related.ts';
import type { ExtractedArticle } from '../src/core/types.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { readBundledTables } from '../src/corpus/node.ts';
import type { CorpusIndex } from '../src/corpus/types.ts';

interface Labelled {
  id: string;
  split: 'tune' | 'test';
  publishedAt: string;
  lang: string;
  outlet: string;
  title: string;
  paragraphs: string[];
  expected: string[];
}

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const set: Labelled[] = read('./context-set/articles.jsonl')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Labelled);
const corpus = loadCorpus(
  JSON.parse(read('../src/corpus/generated/corpus-index.json')) as CorpusIndex,
  readBundledTables(),
);

function page(a: Labelled): ExtractedArticle {
  const text = a.paragraphs.join(' ');
  return {
    meta: {
      url: `https://eval.example/${a.id}`,
      title: a.title,
      site: a.outlet,
      publishedAt: a.publishedAt,
      lang: a.lang,
      wordCount: text.split(/\s+/).length,
    },
    paragraphs: a.paragraphs,
  };
}

interface Tally {
  expected: number;
  found: number;
  mentioned: number;
  rightMentions: number;
  shown: number;
  lines: string[];
}

const tallies: Record<'tune' | 'test', Tally> = {
  tune: { expected: 0, found: 0, mentioned: 0, rightMentions: 0, shown: 0, lines: [] },
  test: { expected: 0, found: 0, mentioned: 0, rightMentions: 0, shown: 0, lines: [] },
};

for (const a of set) {
  const p = page(a);
  const { context } = collectContext(p, findRelated(p, corpus), corpus);
  const t = tallies[a.split];
  const shown = new Set(context.map((c) => c.id));
  const mentioned = context.filter((c) => c.mentioned).map((c) => c.id);
  t.expected += a.expected.length;
  t.shown += context.length;
  for (const e of a.expected) {
    if (shown.has(e)) t.found += 1;
    else t.lines.push(`  miss   ${a.id} [${a.lang}]: ${e} not in the context`);
  }
  t.mentioned += mentioned.length;
  for (const m of mentioned) {
    if (a.expected.includes(m)) t.rightMentions += 1;
    else t.lines.push(`  wrong  ${a.id} [${a.lang}]: says the page mentions ${m}`);
  }
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
let failed = false;
for (const split of ['tune', 'test'] as const) {
  const t = tallies[split];
  const n = set.filter((a) => a.split === split);
  const recall = ratio(t.found, t.expected);
  const precision = ratio(t.rightMentions, t.mentioned);
  console.log(
    `${split}: ${n.length} articles (${n.filter((a) => a.lang === 'zh').length} Chinese), ` +
      `recall ${recall.toFixed(3)} (${t.found}/${t.expected}), ` +
      `precision ${precision.toFixed(3)} (${t.rightMentions}/${t.mentioned} mentioned), ` +
      `background ${t.shown - t.found} of ${t.shown} shown`,
  );
  for (const l of t.lines) console.log(l);
  if (split === 'test' && (recall < 0.9 || precision < 0.9)) failed = true;
}
if (failed) {
  console.log('test half below 0.9 recall or precision');
  process.exitCode = 1;
}

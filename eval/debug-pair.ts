/**
 * One written quote pair looked at closely (`npx tsx eval/debug-pair.ts FILE ID…`): each side's
 * extracted quotes (speaker, form, content words) and every comparison, also below threshold.
 * Tune-half rows only: a test-half row is refused.
 */
import { compareQuote } from '../src/core/match/quote-compare.ts';
import { prepareQuote } from '../src/core/match/remark.ts';
import { extractQuotes } from '../src/core/quotes.ts';
import { readPairs, sideAsCorpus, sideAsPage } from './quote-pairs.ts';

const [file, ...ids] = process.argv.slice(2);
if (!file) throw new Error('usage: eval/debug-pair.ts FILE ID…');
const rows = readPairs(file, false);
for (const id of ids) {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  if (row.split !== 'tune') throw new Error(`${id} is a test-half row`);
  console.log(`\n== ${id} same=${row.same}`);
  for (const [from, to, dir] of [
    [row.a, row.b, 'a→b'],
    [row.b, row.a, 'b→a'],
  ] as const) {
    const small = sideAsCorpus('t', to);
    const page = sideAsPage('p', from);
    const qs = extractQuotes(page.paragraphs);
    const doc = small.match.docs[0];
    console.log(` ${dir}`);
    for (const cq of doc?.quotes ?? [])
      console.log(`   target [${cq.speaker}] “${cq.text}” stems=${cq.stems.join('|')}`);
    for (const q of qs) {
      const pq = prepareQuote(small.tables, q, page.paragraphs);
      console.log(`   page [${q.speaker}/${q.form}] “${q.text}” stems=${pq.stems.join('|')}`);
      for (const cq of doc?.quotes ?? []) {
        const c = compareQuote(small.match, small.tables, pq, cq, 0, 1);
        console.log(
          `     → ${c ? `${c.score.toFixed(3)} [${c.from}-${c.to}] ${c.why.map((w) => w.text).join('; ')}` : 'null'}`,
        );
      }
    }
  }
}

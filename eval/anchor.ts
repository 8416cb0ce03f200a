/**
 * `npx tsx eval/anchor.ts` — how well quotes land on real pages: every quote the pipeline
 * extracts from each article of ../shared/data (and the highlight fixtures) is anchored back into
 * the page's DOM the way the content script does it. Prints, per collection, how many were placed
 * exactly, approximately, or not at all, and how many landed outside their own paragraph (which
 * would be a highlight in the wrong place). `--list` prints every quote that was not placed;
 * `--only SUBSTRING` looks at the matching pages only.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { anchorQuote, buildTextMap, fold, paragraphHints } from '../content/anchor.ts';
import { extractArticle } from '../src/core/extract.ts';
import { extractQuotesDetailed } from '../src/core/quotes.ts';
import { pageHtml, ROOT, SHARED_DATA, sharedPages } from './labelled-pages.ts';

interface Source {
  id: string;
  collection: string;
  html: () => string;
  url: string;
}

interface Tally {
  pages: number;
  quotes: number;
  exact: number;
  approx: number;
  orphaned: number;
  /** Not placed although at least LONG folded characters long (short ones are often words). */
  orphanedLong: number;
  misplaced: number;
  ms: number;
}

const LONG = 20;

function sources(): Source[] {
  const out: Source[] = sharedPages().map((p) => ({
    id: p.id,
    collection: p.collection,
    html: () => pageHtml(p),
    url: p.url,
  }));
  const readability = join(SHARED_DATA, 'readability-pages');
  if (existsSync(readability)) {
    for (const dir of readdirSync(readability).sort()) {
      const path = join(readability, dir, 'source.html');
      if (!existsSync(path)) continue;
      out.push({
        id: `readability-pages/${dir}`,
        collection: 'readability-pages',
        html: () => pageHtml({ path } as Parameters<typeof pageHtml>[0]),
        url: `http://fakehost/${dir}/`,
      });
    }
  }
  const fixtures = join(ROOT, 'test/fixtures/highlights');
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.html'))) {
    out.push({
      id: `fixtures/${file}`,
      collection: 'highlight fixtures',
      html: () => pageHtml({ path: join(fixtures, file) } as Parameters<typeof pageHtml>[0]),
      url: `http://127.0.0.1/${file}`,
    });
  }
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.id) && seen.add(s.id));
}

const list = process.argv.includes('--list');
// `--only SUBSTRING` evaluates the matching pages only.
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? (process.argv[onlyArg + 1] ?? '') : '';
const tallies = new Map<string, Tally>();
const missed: string[] = [];
const misplaced: string[] = [];

for (const src of sources().filter((s) => s.id.includes(only))) {
  const dom = new JSDOM(src.html(), { url: src.url, virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    const extracted = extractArticle(doc, src.url);
    if (extracted.notArticleReason) continue;
    const quotes = extractQuotesDetailed(extracted.paragraphs);
    const t = tallies.get(src.collection) ?? {
      pages: 0,
      quotes: 0,
      exact: 0,
      approx: 0,
      orphaned: 0,
      orphanedLong: 0,
      misplaced: 0,
      ms: 0,
    };
    tallies.set(src.collection, t);
    t.pages++;
    const started = performance.now();
    const map = buildTextMap(doc.documentElement);
    const hints = paragraphHints(map, extracted.paragraphs);
    for (const q of quotes) {
      t.quotes++;
      const paragraph = extracted.paragraphs[q.paragraph] ?? '';
      const hint = hints[q.paragraph];
      const a = anchorQuote(map, { text: q.text, prefix: q.prefix, suffix: q.suffix, hint });
      if (!a) {
        t.orphaned++;
        if (fold(q.text).trim().length >= LONG) t.orphanedLong++;
        missed.push(`${src.id}: ${JSON.stringify(q.text.slice(0, 120))}`);
        continue;
      }
      if (a.exact) t.exact++;
      else t.approx++;
      // Placed inside its own paragraph (when the paragraph itself is found on the page).
      if (hint !== undefined && map.text.startsWith(fold(paragraph).trim().slice(0, 80), hint)) {
        const end = hint + fold(paragraph).length + 8;
        if (a.start < hint || a.start > end) {
          t.misplaced++;
          misplaced.push(`${src.id}: ${JSON.stringify(q.text.slice(0, 120))}`);
        }
      }
    }
    t.ms += performance.now() - started;
  } catch (error) {
    console.error(`${src.id}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    dom.window.close();
  }
}

const rows = [...tallies.entries()];
const total = rows.reduce<Tally>(
  (s, [, t]) => ({
    pages: s.pages + t.pages,
    quotes: s.quotes + t.quotes,
    exact: s.exact + t.exact,
    approx: s.approx + t.approx,
    orphaned: s.orphaned + t.orphaned,
    orphanedLong: s.orphanedLong + t.orphanedLong,
    misplaced: s.misplaced + t.misplaced,
    ms: s.ms + t.ms,
  }),
  { pages: 0, quotes: 0, exact: 0, approx: 0, orphaned: 0, orphanedLong: 0, misplaced: 0, ms: 0 },
);
const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
console.log(
  `\n| collection | articles | quotes | exact | approximate | not placed | not placed, ≥ ${LONG} chars | outside its paragraph | anchoring ms/article |`,
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, t] of [...rows, ['all', total] as const]) {
  console.log(
    `| ${name} | ${t.pages} | ${t.quotes} | ${t.exact} | ${t.approx} | ${t.orphaned} (${pct(t.orphaned, t.quotes)}) | ${t.orphanedLong} | ${t.misplaced} | ${(t.ms / Math.max(1, t.pages)).toFixed(1)} |`,
  );
}
if (list) {
  console.log('\nNot placed:');
  for (const m of missed) console.log(`  ${m}`);
}
if (misplaced.length > 0) {
  console.log('\nOutside their paragraph:');
  for (const m of misplaced) console.log(`  ${m}`);
}

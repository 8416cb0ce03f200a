/**
 * A markup-heavy page like the one that ran the CLI out of memory: a short Biden–Xi article
 * under a sidebar of `elements` tiny elements, padded to about `bytes`.
 * `npx tsx bench/huge-page.ts OUT.html [ELEMENTS] [BYTES]` writes one (default 480,000 elements,
 * 20 MB); measure with `/usr/bin/time -v npm run --silent analyze -- OUT.html`.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const ARTICLE = [
  'US President Joe Biden and Chinese President Xi Jinping spoke by video link on Friday, the White House said, in a call that covered trade, Taiwan and military communication.',
  'Secretary of State Antony Blinken and Foreign Minister Wang Yi had prepared the call at a meeting in Beijing last month, officials in Washington said.',
  'The two presidents agreed that their teams would keep meeting and that the defence ministries would restore regular contacts, according to readouts from both governments.',
];

export function hugePage(elements: number, bytes: number): string {
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<title>Biden and Xi hold video call on trade and Taiwan</title>' +
    '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-04-02">' +
    '</head><body><main><article><h1>Biden and Xi hold video call on trade and Taiwan</h1>' +
    ARTICLE.map((p) => `<p>${p}</p>`).join('') +
    '</article><aside><ul>';
  const tail = '</ul></aside></main></body></html>';
  // Each item is two elements: <li><a>…</a></li>. The 11 elements around them count too.
  const items = Math.max(0, Math.floor((elements - 11) / 2));
  const fixed = head.length + tail.length;
  const bare = (i: number) => `<li><a href="/t/${i}">Topic ${i}</a></li>`;
  const perItem = items ? Math.max(0, Math.floor((bytes - fixed) / items) - bare(items).length) : 0;
  const pad = 'x'.repeat(Math.max(0, perItem - ' class=""'.length));
  const parts: string[] = [head];
  for (let i = 0; i < items; i++)
    parts.push(pad ? `<li class="${pad}"><a href="/t/${i}">Topic ${i}</a></li>` : bare(i));
  parts.push(tail);
  return parts.join('');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, elements = '480000', bytes = String(20 * 1024 * 1024)] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('usage: npx tsx bench/huge-page.ts OUT.html [ELEMENTS] [BYTES]\n');
    process.exit(2);
  }
  const html = hugePage(Number(elements), Number(bytes));
  writeFileSync(out, html);
  process.stderr.write(`${out}: ${html.length} bytes\n`);
}

/**
 * The Chinese names an analysis carries for a Chinese interface: every actor, person, act and
 * country its reasons name that the lexicon writes in Chinese, and nothing else.
 */
import { describe, expect, it, vi } from 'vitest';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import { chineseDisplayName } from '../../../src/core/chinese-names.ts';
import { detectDiplomacy } from '../../../src/core/detect.ts';
import { reasonNames, type Reason } from '../../../src/core/reasons.ts';
import type { Analysis } from '../../../src/core/types.ts';
import { asPage, seed, seedCorpus } from '../helpers/seed-corpus.ts';

vi.mock('../../../src/browser.ts', async () => ({
  default: (await import('../browser-mock.ts')).browserMock,
}));
const { nameOfFor } = await import('../../../src/name-display.ts');

function allReasons(a: Analysis): Reason[] {
  return [
    ...a.detection.reasons,
    ...a.related.flatMap((r) => r.why),
    ...a.quotes.flatMap((q) => q.matches.flatMap((m) => m.why ?? [])),
    ...[...a.context, ...(a.moreContext ?? []), ...(a.since ?? [])].flatMap((c) => c.why ?? []),
  ];
}

describe('Chinese names of what the reasons name', () => {
  const corpus = seedCorpus();
  const page = asPage(seed('000'));
  const analysis = analyzeExtracted(page, detectDiplomacy(page, corpus.tables.lexicon), corpus, {
    exclude: new Set([seed('000').id]),
  });

  it('the lexicon writes actors, people, acts and countries in Chinese', () => {
    expect(chineseDisplayName(corpus.tables.lexicon, 'Xi Jinping')).toBe('习近平');
    expect(chineseDisplayName(corpus.tables.lexicon, 'State Department')).toBe('美国国务院');
    expect(chineseDisplayName(corpus.tables.lexicon, 'Lai Ching-te')).toBe('赖清德');
    expect(chineseDisplayName(corpus.tables.lexicon, 'call')).toBe('通话');
    expect(chineseDisplayName(corpus.tables.lexicon, 'Russia')).toBe('俄罗斯');
    expect(chineseDisplayName(corpus.tables.lexicon, 'Xi')).toBe('习近平');
    expect(chineseDisplayName(corpus.tables.lexicon, 'Nobody Known')).toBeNull();
  });

  it('an analysis carries the Chinese name of every name its reasons give, and only those', () => {
    const names = analysis.names ?? {};
    const given = new Set(allReasons(analysis).flatMap(reasonNames));
    expect(given.has('Xi Jinping')).toBe(true);
    expect(names['Xi Jinping']).toBe('习近平');
    const titles = new Map(corpus.events.map((e) => [e.title, e.zh?.title]));
    for (const name of given) {
      const zh = chineseDisplayName(corpus.tables.lexicon, name) ?? titles.get(name);
      if (zh) expect(names[name]).toBe(zh);
    }
    for (const key of Object.keys(names)) expect(given.has(key)).toBe(true);
  });

  it('the name function writes them in a Chinese interface only', () => {
    expect(nameOfFor(analysis, 'zh-CN')('Xi Jinping')).toBe('习近平');
    expect(nameOfFor(analysis, 'zh-CN')('Nobody Known')).toBe('Nobody Known');
    expect(nameOfFor(analysis, 'en')('Xi Jinping')).toBe('Xi Jinping');
    expect(nameOfFor({}, 'zh-CN')('Xi Jinping')).toBe('Xi Jinping');
  });
});

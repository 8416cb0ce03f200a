/**
 * Backstory's work on a page yields to the page between slices: a task the page queued while a
 * slice ran gets to run before the next slice does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractAndDetectSteps } from '../../../src/core/classify.ts';
import { runSliced, yieldToPage } from '../../../content/slices.ts';
import { MAX_READ_CHARS, MAX_READ_ELEMENTS } from '../../../src/core/reading-copy.ts';
import { fixture, parseHtml } from '../core/fixture-pages.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Steps that record, at each slice, how many of the page's own tasks have run so far. */
function* recording(seen: number[], pageTasks: () => number, slices: number) {
  for (let i = 0; i < slices; i++) {
    seen.push(pageTasks());
    // The page queues a task while the slice runs (a click handler, a timer, a frame).
    setTimeout(() => undefined, 0);
    yield;
  }
  return 'done';
}

describe('runSliced', () => {
  it('lets a task the page queued during a slice run before the next slice', async () => {
    let ran = 0;
    const seen: number[] = [];
    // The page's own task, queued as a message (a task source kept in order, like input).
    const page = new MessageChannel();
    page.port1.onmessage = () => ran++;
    const queuePageTask = (): void => page.port2.postMessage(null);
    function* steps(): Generator<void, string> {
      for (let i = 0; i < 4; i++) {
        seen.push(ran);
        queuePageTask();
        yield;
      }
      return 'done';
    }
    // No scheduler.yield here: the macrotask fallback is what runs.
    vi.stubGlobal('scheduler', undefined);
    expect(await runSliced(steps(), new AbortController().signal)).toBe('done');
    expect(seen).toEqual([0, 1, 2, 3]);
    page.port1.close();
  });

  it('uses scheduler.yield() where the browser has it', async () => {
    const yielded = vi.fn(() => new Promise<void>((r) => setTimeout(r, 0)));
    vi.stubGlobal('scheduler', { yield: yielded });
    const seen: number[] = [];
    await runSliced(
      recording(seen, () => 0, 3),
      new AbortController().signal,
    );
    // Before each of the 3 slices, and before the step that finishes.
    expect(yielded).toHaveBeenCalledTimes(4);
  });

  it('stops between slices once aborted', async () => {
    const stop = new AbortController();
    const seen: number[] = [];
    function* steps(): Generator<void, string> {
      seen.push(1);
      stop.abort();
      yield;
      seen.push(2);
      return 'done';
    }
    expect(await runSliced(steps(), stop.signal, yieldToPage)).toBeNull();
    expect(seen).toEqual([1]);
  });

  it("cuts the content script's extraction and detection into slices", async () => {
    const { doc, url } = fixture('biden-xi-call.html');
    let pauses = 0;
    const result = await runSliced(
      extractAndDetectSteps(doc, url, bundledLexicon()),
      new AbortController().signal,
      async () => {
        pauses++;
        await yieldToPage();
      },
    );
    expect(result?.detection.label).toBe('us-china-diplomacy');
    // | glance | metadata | pre-check | copy | Readability | paragraphs and words | detection
    expect(pauses).toBeGreaterThanOrEqual(7);
  });

  it('cuts the look for the article on a big page into slices, and reads only its first part', async () => {
    const count = 1600;
    const paragraph = (i: number): string =>
      `Paragraph ${i}: officials in Beijing and Washington said on Tuesday that the talks on ` +
      `trade and export controls would resume next month, according to a statement.`;
    const links = Array.from({ length: 1500 }, (_, i) => `<a href="/s/${i}">S${i}</a>`).join(' ');
    const doc = parseHtml(
      `<html lang="en"><head><title>Talks resume</title></head><body>` +
        `<footer><p>${links}</p></footer><main><article><h1>Talks resume</h1>` +
        Array.from({ length: count }, (_, i) => `<p>${paragraph(i)}</p>`).join('') +
        `</article></main></body></html>`,
    );
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(MAX_READ_ELEMENTS);
    let pauses = 0;
    const result = await runSliced(
      extractAndDetectSteps(doc, 'https://news.example/2024/talks-resume', bundledLexicon(), {
        full: true,
      }),
      new AbortController().signal,
      async () => {
        pauses++;
        await yieldToPage();
      },
    );
    const paragraphs = result?.extracted.paragraphs ?? [];
    expect(result?.extracted.notArticleReason).toBeUndefined();
    // The article's text from its start, cut in the text node that passes MAX_READ_CHARS; none
    // of the footer's links.
    expect(paragraphs[0]).toBe(paragraph(0));
    expect(paragraphs.join('').length).toBeLessThanOrEqual(
      MAX_READ_CHARS + paragraph(count).length,
    );
    expect(paragraphs.length).toBeLessThan(count);
    expect(paragraphs.join(' ')).not.toContain('S1499');
    // | metadata | pre-check | candidate: one pause per 400 paragraphs | cut | copy | prune |
    // Readability | paragraphs and words | detection
    expect(pauses).toBeGreaterThanOrEqual(9 + Math.floor(count / 400) - 1);
  });
});

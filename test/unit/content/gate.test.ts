/**
 * The every-page gate (content/gate.ts): a page that names no Chinese actor sends nothing until
 * the worker asks for its verdict, and keeps the worker's copy current from then on; a page
 * that names one loads the rest of the content script and hands it the page.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bare } from '../../../src/core/reasons.ts';

const sent = vi.hoisted(() => [] as Array<{ method: string; params: Record<string, unknown> }>);
vi.mock('../../../content/port.ts', () => ({
  send: async (method: string, params: Record<string, unknown>) => {
    sent.push({ method, params });
    return true;
  },
}));
const { PageGate } = await import('../../../content/gate.ts');

const RIVER = `<html lang="en"><head><title>River levels fall after a wet spring</title></head>
<body><article><h1>River levels fall after a wet spring</h1><p>The river fell by a metre.</p></article></body></html>`;
const CHINA = RIVER.replace('The river fell', 'Xi Jinping said the river fell');

function pageOf(html: string, url: string): Document {
  history.replaceState(null, '', url);
  document.documentElement.innerHTML = html.replace(/^<html[^>]*>|<\/html>$/g, '');
  return document;
}

function fullSession() {
  const runs: Array<{ force: boolean; glanced: boolean }> = [];
  const load = vi.fn(async () => ({
    run: async (_signal: AbortSignal, force = false, glanced = false) => {
      runs.push({ force, glanced });
    },
    reveal: () => true,
  }));
  return { load, runs };
}

beforeEach(() => {
  sent.length = 0;
});

describe('a page that names no Chinese actor', () => {
  it('sends nothing and loads nothing at start', async () => {
    const { load } = fullSession();
    const gate = new PageGate(pageOf(RIVER, '/2024/river'), load);
    await gate.run(new AbortController().signal);
    expect(sent).toEqual([]);
    expect(load).not.toHaveBeenCalled();
    expect(gate.loaded).toBe(false);
  });

  it('gives its verdict when asked, then sends it on every later run', async () => {
    const { load } = fullSession();
    const doc = pageOf(RIVER, '/2024/river');
    const gate = new PageGate(doc, load);
    await gate.run(new AbortController().signal);
    const verdict = gate.verdict();
    expect(verdict?.pageUrl).toBe(location.href);
    expect(verdict?.detection).toEqual({
      label: 'unrelated',
      score: 0,
      reasons: [bare('china-not-named')],
    });
    expect(verdict?.extracted.meta.title).toBe('River levels fall after a wet spring');
    expect(sent).toEqual([]);

    // Single-page navigation to another page that names none: the worker hears of it.
    history.pushState(null, '', '/2024/weather');
    document.title = 'Weather';
    await gate.run(new AbortController().signal);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('analyzePage');
    expect(sent[0]?.params).toMatchObject({ pageUrl: location.href, force: false });
    expect(load).not.toHaveBeenCalled();
  });

  it('sends its verdict on a run the worker asked for', async () => {
    const gate = new PageGate(pageOf(RIVER, '/2024/river'), fullSession().load);
    await gate.run(new AbortController().signal, false, true);
    expect(sent.map((s) => s.method)).toEqual(['analyzePage']);
  });

  it('loads the rest when the reader asks to analyse it anyway', async () => {
    const { load, runs } = fullSession();
    const gate = new PageGate(pageOf(RIVER, '/2024/river'), load);
    await gate.run(new AbortController().signal, true, true);
    expect(load).toHaveBeenCalledTimes(1);
    expect(runs).toEqual([{ force: true, glanced: false }]);
    expect(sent).toEqual([]);
  });
});

describe('a page that names a Chinese actor', () => {
  it('loads the rest once and hands it the page; it has no verdict to give at a glance', async () => {
    const { load, runs } = fullSession();
    const gate = new PageGate(pageOf(CHINA, '/2024/xi'), load);
    await gate.run(new AbortController().signal);
    await gate.run(new AbortController().signal);
    expect(load).toHaveBeenCalledTimes(1);
    expect(runs).toEqual([
      { force: false, glanced: true },
      { force: false, glanced: false },
    ]);
    expect(gate.verdict()).toBeNull();
    expect(sent).toEqual([]);
  });

  it('has no verdict when the page came to name one after the glance (a run is due)', async () => {
    const { load } = fullSession();
    const doc = pageOf(RIVER, '/2024/river');
    const gate = new PageGate(doc, load);
    await gate.run(new AbortController().signal);
    doc.body.insertAdjacentHTML('beforeend', '<p>Wang Yi arrived.</p>');
    expect(gate.verdict()).toBeNull();
  });
});

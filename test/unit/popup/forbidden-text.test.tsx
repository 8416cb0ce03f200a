/**
 * Every text a reader sees reads like a news product: this walks every popup state and the
 * in-page card, made from real analyses of the seed corpus and the page fixtures by the real
 * pipeline, and fails on any shown text (or tooltip, or accessible name) matching a form a news
 * product would never print. The list lives here and grows. It does so in English and in
 * Chinese, where it also fails on any of the interface's English sentences left untranslated.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserMock } from '../browser-mock.ts';
import { settle, useRenderRoot } from './render-root.ts';
import { seedArticles, seedCorpus, asPage } from '../helpers/seed-corpus.ts';
import { FIXTURE_LABELS, fixture } from '../core/fixture-pages.ts';
import { analyzeDocument } from '../../../src/core/pipeline.ts';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import { detectDiplomacy } from '../../../src/core/detect.ts';
import { incursionSeries, summarizeCorpus } from '../../../src/background/corpus-summary.ts';
import type { StoredAnalysis } from '../../../src/analysis-store.ts';
import { CARD_HOST_TAG, QuoteCard } from '../../../content/card.ts';
import en from '../../../_locales/en/messages.json' with { type: 'json' };
import zhCN from '../../../_locales/zh_CN/messages.json' with { type: 'json' };

vi.mock('../../../src/browser.ts', () => ({
  default: Object.assign(browserMock, {
    runtime: Object.assign(browserMock.runtime, { openOptionsPage: vi.fn() }),
  }),
}));
const { App } = await import('../../../popup/App.tsx');
const { writeAnalysis } = await import('../../../src/analysis-store.ts');

/** Forms a reader must never see. Add to it whenever one slips through. */
const FORBIDDEN: RegExp[] = [
  /tf·idf/i,
  /cosine/i,
  /score \d*\.\d/i,
  /\b0 of 0\b/,
  /\b1 (times|mentions|sentences|quotes|events|articles|outlets)\b/,
  /President Joe\b(?! Biden)/,
  / 1 times/,
  /\bUs[ -][A-Z]/,
  /People Republic/,
  /\b\d{3}_[0-9a-f]{16}\b/,
  /\.(md|jsonl|csv|json|html|ts)\b/,
  /\bundefined\b|\bnull\b|NaN|\[object /,
  /\d+% match/,
];

/** Forms a Chinese reader must never see. */
const FORBIDDEN_ZH: RegExp[] = [
  // A space before full-width punctuation, or two marks in a row.
  /[\p{Script=Han}\w] +[，。；：！？、）]/u,
  /[，。；：、][，。；：、]/,
];

type Locale = 'en' | 'zh_CN';
const MESSAGES: Record<Locale, Record<string, { message: string; placeholders?: object }>> = {
  en,
  zh_CN: zhCN,
};
const message = (locale: Locale, key: keyof typeof en): string =>
  (MESSAGES[locale][key] ?? en[key]).message;

/**
 * The interface's own English sentences that a Chinese reader must not see (long enough not to be
 * a name or a phrase the page's own English text also uses).
 */
const ENGLISH_ONLY = Object.entries(en)
  .filter(([key, m]) => MESSAGES.zh_CN[key]?.message !== m.message && key !== 'locale')
  .flatMap(([, m]) =>
    // A message with placeholders: its own words between them ("the page mentions it: “").
    ('placeholders' in m ? m.message.split(/\$[A-Z_]+\$/) : [m.message])
      .map((part) => part.trim())
      .filter((part) => part.length >= 20),
  );

const TAB = 7;
const corpus = seedCorpus();
const titles = new Map(corpus.match.docs.map((d) => [d.id, d.title]));

/** Real analyses: every page fixture as loaded, and analysed anyway; every seed as a page. */
function realAnalyses(): { name: string; analysis: StoredAnalysis }[] {
  const out: { name: string; analysis: StoredAnalysis }[] = [];
  for (const f of FIXTURE_LABELS) {
    for (const force of [false, true]) {
      const { doc, url } = fixture(f.name);
      const a = analyzeDocument(doc, url, corpus, { force });
      out.push({
        name: `${f.name}${force ? ' (analysed anyway)' : ''}`,
        analysis: { ...a, pageUrl: url },
      });
    }
  }
  for (const s of seedArticles()) {
    const page = asPage(s);
    const a = analyzeExtracted(page, detectDiplomacy(page, corpus.tables.lexicon), corpus);
    out.push({ name: `seed ${s.title}`, analysis: { ...a, pageUrl: page.meta.url } });
  }
  return out;
}
const ANALYSES = realAnalyses();

/** Everything a reader can see or hear: text (without style sheets), tooltips, accessible names. */
function shownText(root: ParentNode): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    if (n.nodeType === 1) {
      const e = n as Element;
      if (e.tagName === 'STYLE' || e.tagName === 'SCRIPT') return;
      for (const attr of ['title', 'aria-label', 'alt', 'placeholder']) {
        const v = e.getAttribute(attr);
        if (v) parts.push(` ${v} `);
      }
    }
    n.childNodes.forEach(walk);
  };
  walk(root as Node);
  return parts.join('');
}

function offences(text: string, locale: Locale = 'en'): string[] {
  const forms = locale === 'en' ? FORBIDDEN : [...FORBIDDEN, ...FORBIDDEN_ZH];
  const found = forms.flatMap((re) => {
    const m = re.exec(text);
    return m ? [`${re} in “…${text.slice(Math.max(0, m.index - 60), m.index + 60)}…”`] : [];
  });
  if (locale !== 'en') {
    found.push(...ENGLISH_ONLY.filter((m) => text.includes(m)).map((m) => `untranslated: ${m}`));
  }
  return found;
}

describe('text a reader sees', () => {
  it('the analyses cover every popup state', () => {
    const labels = new Set(ANALYSES.map((a) => a.analysis.detection.label));
    for (const l of ['us-china-diplomacy', 'china-other', 'unrelated', 'not-article']) {
      expect(labels, l).toContain(l);
    }
    expect(ANALYSES.some((a) => a.analysis.quotes.some((q) => q.matches.length > 0))).toBe(true);
  });

  describe.each<Locale>(['en', 'zh_CN'])('in %s', (locale) => {
    beforeEach(() => browserMock.i18n.useLocale(locale));
    afterEach(() => browserMock.i18n.useLocale('en'));

    describe('in the popup', () => {
      const root = useRenderRoot();
      let answers: Record<string, unknown>;
      beforeEach(() => {
        browserMock.storage.session.reset();
        browserMock.storage.local.reset();
        history.replaceState(null, '', `?tabId=${TAB}`);
        answers = {
          incursionSeries: { ok: true, value: incursionSeries(corpus, null) },
          corpusSummary: { ok: true, value: summarizeCorpus(corpus) },
        };
        vi.spyOn(browserMock.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
          const { method } = m as { method: string };
          return method in answers ? answers[method] : { ok: true, value: true };
        });
      });
      afterEach(() => {
        vi.restoreAllMocks();
      });

      async function shownPopup(): Promise<string> {
        act(() => render(<App />, root()));
        await settle();
        return shownText(root());
      }

      it('while analysing', async () => {
        const text = await shownPopup();
        expect(text).toContain(message(locale, 'analysingPage'));
        expect(offences(text, locale)).toEqual([]);
      });

      it('for every real analysis', { timeout: 60_000 }, async () => {
        const found: string[] = [];
        let strengths = 0;
        // Reasons shown: why each other wording of a quote matched, why each event is listed.
        let quoteWhy = 0;
        let contextWhy = 0;
        const words = (['strengthSame', 'strengthClose', 'strengthLoose'] as const).map((k) =>
          message(locale, k),
        );
        for (const { name, analysis } of ANALYSES) {
          await writeAnalysis(TAB, analysis);
          const text = await shownPopup();
          expect(text.length, name).toBeGreaterThan(0);
          found.push(...offences(text, locale).map((o) => `${name}: ${o}`));
          // Match strength is shown as words, with a tooltip saying what it measures.
          for (const s of root().querySelectorAll('.strength')) {
            expect(words).toContain(s.textContent);
            expect(s.getAttribute('title')).toBe(message(locale, 'strengthTip'));
            strengths++;
          }
          quoteWhy += root().querySelectorAll('.wordings .why li').length;
          contextWhy += root().querySelectorAll('.events .why li').length;
          act(() => render(null, root()));
        }
        expect(strengths).toBeGreaterThan(0);
        expect(quoteWhy).toBeGreaterThan(0);
        expect(contextWhy).toBeGreaterThan(0);
        expect(found).toEqual([]);
      });

      it('on a silent site, and when the background fails', { timeout: 60_000 }, async () => {
        const found: string[] = [];
        for (const { name, analysis } of ANALYSES) {
          const host = new URL(analysis.pageUrl).hostname;
          await browserMock.storage.local.set({
            settings: { version: 1, highlights: true, highlightsOffSites: [], silentSites: [host] },
          });
          await writeAnalysis(TAB, analysis);
          answers = {
            incursionSeries: { ok: false, error: 'The corpus could not be read' },
            corpusSummary: { ok: false, error: 'The corpus could not be read' },
          };
          const text = await shownPopup();
          found.push(...offences(text, locale).map((o) => `${name}: ${o}`));
          act(() => render(null, root()));
        }
        expect(found).toEqual([]);
      });
    });

    describe('in the card on the page', () => {
      afterEach(() => {
        vi.restoreAllMocks();
        document.documentElement.querySelectorAll(CARD_HOST_TAG).forEach((e) => e.remove());
      });

      it('for every matched quote of every real analysis', () => {
        let shadow: ShadowRoot | null = null;
        const attach = HTMLElement.prototype.attachShadow;
        vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
          this: HTMLElement,
          init: ShadowRootInit,
        ) {
          shadow = attach.call(this, init);
          return shadow;
        });
        const card = new QuoteCard(document, { onClose: () => {}, onNavigate: () => {} });
        const rect = {
          top: 100,
          bottom: 120,
          left: 50,
          right: 200,
          width: 150,
          height: 20,
        } as DOMRect;
        const found: string[] = [];
        let cards = 0;
        let reasons = 0;
        for (const { name, analysis } of ANALYSES) {
          const quotes = analysis.quotes.filter((q) => q.matches.length > 0);
          quotes.forEach((quote, i) => {
            card.show({
              quote,
              position: i + 1,
              total: quotes.length,
              rect,
              focus: false,
              sourceName: (id) => titles.get(id) ?? null,
            });
            cards++;
            const root = shadow as ShadowRoot | null;
            if (!root) throw new Error('the card was not shown');
            found.push(...offences(shownText(root), locale).map((o) => `${name}: ${o}`));
            reasons += root.querySelectorAll('.why').length;
            card.hide();
          });
        }
        expect(cards).toBeGreaterThan(0);
        expect(reasons).toBeGreaterThan(0);
        expect(found).toEqual([]);
      });
    });
  });
});

/** Analyses written for the popup's tests, in each state the popup shows. */
import type { StoredAnalysis } from '../../../src/analysis-store.ts';
import { bare, reason } from '../../../src/core/reasons.ts';

export const diplomacy: StoredAnalysis = {
  pageUrl: 'https://ledger.example/world/xi-biden-call',
  article: {
    url: 'https://ledger.example/world/xi-biden-call',
    title: 'Leaders speak by video as trade frictions linger',
    site: 'The Example Ledger',
    publishedAt: '2021-11-16',
    lang: 'en',
    wordCount: 640,
  },
  detection: {
    label: 'us-china-diplomacy',
    score: 0.93,
    reasons: [reason('overall', { level: 'strong' })],
  },
  related: [
    {
      id: 'a1',
      title: 'Two presidents hold a long virtual meeting',
      publishedAt: '2021-11-16',
      outlet: 'Harbour Post',
      relation: 'same-story',
      score: 0.8,
      why: [
        reason('shared-quotes', { count: 2, example: 'a vital historical juncture' }),
        reason('same-event', { event: 'virtual meeting' }),
      ],
    },
    {
      id: 'a2',
      title: 'Letter from Beijing ahead of the summit',
      publishedAt: '2021-11-10',
      outlet: null,
      relation: 'related',
      score: 0.4,
      why: [reason('shared-names', { names: ['Xi Jinping', 'Joe Biden'] })],
    },
  ],
  quotes: [
    { text: 'An unmatched remark', speaker: null, matches: [] },
    {
      text: 'We are at a vital historical juncture',
      speaker: 'Xi Jinping',
      matches: [
        {
          articleId: 'a1',
          text: 'We stand at a vital historical juncture',
          score: 0.9,
          outlet: 'Harbour Post',
          publishedAt: '2021-11-16',
        },
      ],
    },
  ],
  context: [
    {
      id: 'e2',
      date: '2021-10-04',
      kind: 'taiwan-incursion',
      title: '56 PLA aircraft enter the ADIZ',
      sources: [{ publisher: 'Defence ministry', url: 'https://mnd.example/56' }],
      figures: { aircraft: 56, counted: 'ADIZ entries in one day' },
    },
    {
      id: 'e1',
      date: '2021-09-09',
      kind: 'leader-call',
      title: 'Biden and Xi speak by phone',
      sources: [{ publisher: 'The White House', url: 'https://wh.example/readout' }],
      readouts: {
        us: { publisher: 'The White House', url: 'https://wh.example/readout' },
        prc: null,
      },
      duration: 'about 90 minutes',
      mentioned: true,
    },
  ],
  moreContext: [
    {
      id: 'e0',
      date: '2021-03-18',
      end: '2021-03-19',
      kind: 'senior-talks',
      title: 'Talks in Anchorage',
      sources: [{ publisher: 'News list', url: null, title: 'Exchanges under Biden' }],
    },
  ],
};

export const unrelated: StoredAnalysis = {
  pageUrl: 'https://garden.example/tomatoes',
  article: {
    url: 'https://garden.example/tomatoes',
    title: 'Growing tomatoes on a balcony',
    site: 'Garden Notes',
    publishedAt: '2024-05-02',
    lang: 'en',
    wordCount: 800,
  },
  detection: {
    label: 'unrelated',
    score: 0.05,
    reasons: [bare('no-us-actor'), reason('act-sentences', { acts: 0, about: 4, top: 0 })],
  },
  related: [],
  quotes: [],
  context: [],
};

export const notArticle: StoredAnalysis = {
  pageUrl: 'https://ledger.example/',
  article: null,
  detection: {
    label: 'not-article',
    score: 0.9,
    reasons: [reason('not-article', { why: 'many short teasers, no body text' })],
  },
  related: [],
  quotes: [],
  context: [],
};

import type { IndexedDoc } from '../../../src/core/match-index.ts';
import { profilePage } from '../../../src/core/match/rank.ts';
import { eventSentence } from '../../../src/core/match/shared-event.ts';
import { asPage, seedArticles, seedCorpus } from '../helpers/seed-corpus.ts';

const corpus = seedCorpus();

describe('the event sentence of a same-story article', () => {
  it('is the same read again, and read anew when the text is another', () => {
    const index = corpus.match;
    let found = 0;
    for (const a of seedArticles().slice(0, 8)) {
      const profile = profilePage(index, corpus.tables, asPage(a));
      for (const d of index.docs.slice(0, 12)) {
        // A copy is an article never read before: nothing of it is remembered.
        const fresh = eventSentence(index, profile, { ...d });
        expect(eventSentence(index, profile, d)).toBe(fresh);
        expect(eventSentence(index, profile, d)).toBe(fresh);
        if (fresh) found++;
      }
    }
    expect(found).toBeGreaterThan(0);
    // The same article object with another text (a restored article's text attached later).
    const d = index.docs.find((x) => x.sentences.length > 3) as IndexedDoc;
    const profile = profilePage(index, corpus.tables, asPage(seedArticles()[0]!));
    eventSentence(index, profile, d);
    let text = 'x'.repeat(d.text.length);
    const changing = {
      ...d,
      get text() {
        return text;
      },
    } as IndexedDoc;
    expect(eventSentence(index, profile, changing)).toBeNull();
    text = d.text;
    expect(eventSentence(index, profile, changing)).toBe(eventSentence(index, profile, { ...d }));
  });
});

/**
 * The rest of the content script, loaded by gate.ts only on pages that may be about China:
 * the page session (Readability, detection, anchoring, the card) and the settings it follows.
 */
import { fetchLexicon } from '../src/core/lexicon.ts';
import { watchSettings } from '../src/settings.ts';
import { PageSession } from './app.ts';

/** The session, once the lexicon (a data file of the package) is loaded: it reads the page with it. */
export async function startSession(doc: Document): Promise<PageSession> {
  const session = new PageSession(doc, await fetchLexicon());
  watchSettings((settings) => session.applySettings(settings));
  return session;
}

/**
 * The rest of the content script, loaded by gate.ts only on pages that may be about China:
 * the page session (Readability, detection, anchoring, the card) and the settings it follows.
 */
import { loadLexicon } from '../src/core/lexicon.ts';
import { watchSettings } from '../src/settings.ts';
import { PageSession } from './app.ts';

/** The session, once the lexicon (a data file of the package) is loaded. */
export async function startSession(doc: Document): Promise<PageSession> {
  await loadLexicon();
  const session = new PageSession(doc);
  watchSettings((settings) => session.applySettings(settings));
  return session;
}

/**
 * The rest of the content script, loaded by gate.ts only on pages that may be about China:
 * the page session (Readability, detection, anchoring, the card) and the settings it follows.
 */
import { watchSettings } from '../src/settings.ts';
import { PageSession } from './app.ts';

export function startSession(doc: Document): PageSession {
  const session = new PageSession(doc);
  watchSettings((settings) => session.applySettings(settings));
  return session;
}

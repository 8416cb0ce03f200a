/**
 * How the popup and the card write the actors and people reasons name: in a Chinese interface,
 * the Chinese names the analysis carries (`analysis.names`: 习近平 for "Xi Jinping"); otherwise,
 * and for a name without one, as the reasons give it.
 */
import type { Analysis } from './core/types.ts';
import { chineseUi, uiLang } from './i18n.ts';

export type NameOf = (name: string) => string;

export const asGiven: NameOf = (name) => name;

/** The name function for `analysis` in the interface's language. */
export function nameOfFor(analysis: Pick<Analysis, 'names'>, lang: string = uiLang()): NameOf {
  const names = analysis.names;
  if (!names || !chineseUi(lang)) return asGiven;
  return (name) => names[name] ?? name;
}

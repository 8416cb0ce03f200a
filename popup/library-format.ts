/** How the popup says where a related item or readout came from. */
import type { ItemSource } from '../src/core/types.ts';
import { formatDate } from './format.ts';

const GOVERNMENT_NAMES: Record<string, string> = {
  US: 'US government',
  PRC: 'Chinese government',
  other: 'government',
};

/**
 * "you read this on example.com, 3 Dec 2026"; "you saved this from example.com, …";
 * "imported: White House readout"; nothing for the bundled corpus.
 */
export function originLine(source: ItemSource | undefined, outlet?: string | null): string | null {
  if (!source || source.origin === 'bundled') return null;
  const day = source.addedAt ? formatDate(source.addedAt.slice(0, 10)) : null;
  const where = source.site ?? 'a page';
  if (source.origin === 'remembered') return `you read this on ${where}${day ? `, ${day}` : ''}`;
  if (source.origin === 'saved') return `you saved this from ${where}${day ? `, ${day}` : ''}`;
  if (source.kind === 'official-readout') {
    const who =
      outlet === 'The White House'
        ? 'White House'
        : (outlet ?? GOVERNMENT_NAMES[source.government ?? 'other'] ?? 'government');
    return `imported: ${who} readout`;
  }
  return `imported${source.importedFrom ? ` from ${source.importedFrom}` : ''}`;
}

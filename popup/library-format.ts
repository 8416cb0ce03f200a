/** How the popup says where a related item or readout came from. */
import type { ItemSource } from '../src/core/types.ts';
import { formatDate, t, type MessageKey } from '../src/i18n.ts';

const GOVERNMENT_KEYS: Record<NonNullable<ItemSource['government']>, MessageKey> = {
  US: 'readoutOfUS',
  PRC: 'readoutOfPRC',
  other: 'readoutOfOther',
};

/**
 * "you read this on example.com, 3 Dec 2026"; "you saved this from example.com, …";
 * "imported: White House readout"; nothing for the bundled corpus.
 */
export function originLine(source: ItemSource | undefined, outlet?: string | null): string | null {
  if (!source || source.origin === 'bundled') return null;
  const day = source.addedAt ? formatDate(source.addedAt.slice(0, 10)) : null;
  const where = source.site ?? t('aPage');
  if (source.origin === 'remembered') {
    return day ? t('originReadOn', where, day) : t('originReadOnUndated', where);
  }
  if (source.origin === 'saved') {
    return day ? t('originSavedFrom', where, day) : t('originSavedFromUndated', where);
  }
  if (source.kind === 'official-readout') {
    if (outlet === 'The White House') return t('importedReadout', t('whiteHouse'));
    if (outlet) return t('importedReadout', outlet);
    return t(GOVERNMENT_KEYS[source.government ?? 'other']);
  }
  return source.importedFrom ? t('importedFrom', source.importedFrom) : t('imported');
}

/** Display helpers shared by the popup and the options page: kinds, hostnames. */
import type { EventKind } from '../src/core/types.ts';
import { t, type MessageKey } from '../src/i18n.ts';

const KIND_KEYS: Record<EventKind, MessageKey> = {
  'leader-call': 'kindLeaderCall',
  'leader-meeting': 'kindLeaderMeeting',
  'senior-talks': 'kindSeniorTalks',
  'taiwan-incursion': 'kindTaiwanIncursion',
  'arms-sale': 'kindArmsSale',
  other: 'kindOther',
};

/** A timeline event's kind in the reader's language ("Leader call", "元首通话"). */
export const kindLabel = (kind: EventKind): string => t(KIND_KEYS[kind]);

export function hostnameOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname : null;
  } catch {
    return null;
  }
}

/** What a reader typed for a site (a host or an address) as the hostname settings compare. */
export function siteFromInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  const host = hostnameOf(/^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
  return host && /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : null;
}

export { formatDate, formatSpan } from '../src/i18n.ts';

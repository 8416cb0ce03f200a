/** Display helpers shared by the popup and the options page: dates, kinds, hostnames. */
import type { EventKind } from '../src/core/types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2021-11-12` → `12 Nov 2021`; anything else is returned as given (or "undated"). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** A date span: `1 Oct 2021`, or `1–4 Oct 2021`-like `1 Oct 2021 – 4 Oct 2021`. */
export function formatSpan(start: string, end: string | null | undefined): string {
  return end && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start);
}

export const KIND_LABELS: Record<EventKind, string> = {
  'leader-call': 'Leader call',
  'leader-meeting': 'Leader meeting',
  'senior-talks': 'Senior talks',
  'taiwan-incursion': 'Taiwan incursion',
  'arms-sale': 'Arms sale',
  other: 'Other',
};

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

export { plural } from '../src/core/plural.ts';

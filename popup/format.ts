/** Display helpers shared by the popup and the options page: kinds, hostnames. */
import type { ContextItem, EventKind } from '../src/core/types.ts';
import { formatNumber, t, uiLang, type MessageKey } from '../src/i18n.ts';

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

/** A timeline event's reader text: title, summary (if any), duration (null when unknown), figures. */
export interface EventText {
  title: string;
  summary: string | null;
  duration: string | null;
  /** Each number worth a glance as a reader reads it ("56 aircraft", "56架飞机"), at most three. */
  numbers: string[];
  /** What the numbers measure, or null. */
  counted: string | null;
}

const FIGURES_SHOWN = 3;

/**
 * A timeline event's title, summary, duration and figures in the interface's language: the
 * event's Chinese text when the interface is Chinese, else (and for an event without one, or a
 * part it lacks) the English.
 */
export function eventText(item: ContextItem): EventText {
  const zh = item.zh && /^zh\b/i.test(uiLang()) ? item.zh : null;
  const figures = item.figures ?? {};
  const numbers = Object.entries(figures)
    .filter(([k, v]) => k !== 'counted' && typeof v === 'number')
    .slice(0, FIGURES_SHOWN)
    .map(([k, v]) => zh?.figures?.[k] ?? `${formatNumber(v as number)} ${k}`);
  const counted = typeof figures['counted'] === 'string' ? figures['counted'] : null;
  const duration = item.duration ?? null;
  return {
    title: zh?.title ?? item.title,
    summary: zh?.summary ?? item.summary ?? null,
    duration: duration === null ? null : (zh?.duration ?? duration),
    numbers,
    counted: counted === null ? null : (zh?.figures?.['counted'] ?? counted),
  };
}

/** A source's publisher, or "Unknown outlet" in the reader's language when none is known. */
export const publisherText = (publisher: string | null): string => publisher ?? t('unknownOutlet');

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

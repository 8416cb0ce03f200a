import type { EventKind } from '../src/core/types.ts';

/** Small line icons, one per kind of timeline event; decorative (the kind is also written). */
const PATHS: Record<EventKind, string> = {
  // A telephone handset.
  'leader-call':
    'M5 3h3l1.5 4-2 1.2a9 9 0 0 0 4.3 4.3L13 10.5l4 1.5v3a2 2 0 0 1-2 2A12 12 0 0 1 3 5a2 2 0 0 1 2-2z',
  // Two people side by side.
  'leader-meeting':
    'M7 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zm6 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM2 17v-2a4 4 0 0 1 8 0v2m0-2a4 4 0 0 1 8 0v2',
  // Two speech bubbles.
  'senior-talks': 'M3 4h9v6H7l-3 3v-3H3zm6 8v1h5l3 3v-3h1V7h-4',
  // An aircraft seen from above.
  'taiwan-incursion': 'M10 2v5l7 4v2l-7-2v4l2 2v1l-2-.7-2 .7v-1l2-2v-4l-7 2v-2l7-4V2',
  // A crate.
  'arms-sale': 'M3 6l7-3 7 3v8l-7 3-7-3zm0 0l7 3 7-3M10 9v8',
  // A dot in a circle.
  other: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm0 5a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
};

export function KindIcon({ kind }: { kind: EventKind }) {
  return (
    <svg class="kind-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d={PATHS[kind]} />
    </svg>
  );
}

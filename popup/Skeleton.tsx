import { t } from '../src/i18n.ts';

/** The shape of a result while it is being computed, so nothing jumps when data arrives. */
export function Skeleton({ note }: { note: string }) {
  return (
    <div class="skeleton">
      <h1 class="page-title">{t('analysingPage')}</h1>
      <p class="muted" role="status">
        {note}
      </p>
      <div aria-hidden="true">
        <div class="bone wide" />
        <div class="bone" />
        <div class="bone short" />
        <div class="bone block" />
        <div class="bone" />
        <div class="bone block" />
        <div class="bone short" />
        <div class="bone block" />
      </div>
    </div>
  );
}

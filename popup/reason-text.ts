/** How a detection reason is shown under the label it explains. */
import type { Label } from '../src/core/types.ts';

/** The labels as the pipeline's English reasons spell them. */
const ENGLISH_LABELS: Record<Label, string> = {
  'us-china-diplomacy': 'US–China diplomacy',
  'china-other': 'About China, not US–China diplomacy',
  unrelated: 'Not about US–China relations',
  'not-article': 'Not an article',
};

/** A reason without repeating its label ("Not an article: no text" → "No text"). */
export function reasonText(reason: string, label: Label): string {
  const prefix = `${ENGLISH_LABELS[label]}: `;
  if (!reason.toLowerCase().startsWith(prefix.toLowerCase())) return reason;
  const rest = reason.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

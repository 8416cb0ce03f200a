import type { ComponentChildren } from 'preact';

/**
 * A labelled checkbox for one setting: the popup's footer switches and the options page use the
 * same control, so a switch looks and behaves the same wherever the reader meets it.
 */
export function Toggle({
  checked,
  onToggle,
  children,
  class: className,
  title,
  disabled = false,
  describedBy,
}: {
  checked: boolean;
  onToggle: (on: boolean) => void;
  children: ComponentChildren;
  class?: string;
  title?: string | undefined;
  disabled?: boolean;
  describedBy?: string | undefined;
}) {
  return (
    <label class={className} title={title}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onToggle(e.currentTarget.checked)}
      />
      {children}
    </label>
  );
}

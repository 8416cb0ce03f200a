/**
 * The one rule for text a reader sees (popup, CLI output, event fields shown to readers): it must
 * not name a project file, a folder or an internal id — "seed 004", "leader_engagements.csv",
 * "wh-briefings statements-releases/…", "004_869f1232419da740".
 */
const INTERNAL_NAME =
  /\b[\w-]+\.(?:csv|jsonl?|md|tsx?|html?)\b|\bseeds?\s+\d{3}\b|\b\d{3}_[0-9a-f]{16}\b|\bwh-briefings\b|\b(?:sources|articles|generated|fixtures|statements-releases|press-briefings|fact-sheets)\/|\bcorpus-index\b/i;

/** The first internal name `text` contains, or null when it reads clean. */
export function internalNameIn(text: string): string | null {
  const m = INTERNAL_NAME.exec(text);
  return m ? m[0] : null;
}

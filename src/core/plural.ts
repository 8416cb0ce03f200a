/** Counted nouns for text a reader sees, through the language's own plural rules (English UI). */
const rules = new Intl.PluralRules('en');

/** `1 quote`, `3 quotes`, `0 quotes`: the number with its noun in the right form. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${rules.select(n) === 'one' ? one : many}`;

/** How often something comes up: `once`, `twice`, `3 times`. */
export const times = (n: number): string =>
  n === 1 ? 'once' : n === 2 ? 'twice' : plural(n, 'time');

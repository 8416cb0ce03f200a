/** Readability's readerable check on its own, without the parser (see precheck.ts). */
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const check: typeof isProbablyReaderable;
  export default check;
}

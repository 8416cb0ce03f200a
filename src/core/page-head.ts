/**
 * What a page's head says in the simplest terms: its title without the site's name, its declared
 * language. Shared by metadata.ts and the look for a Chinese actor (china.ts), which runs on
 * every page and so cannot load all of metadata.ts.
 */

/** The primary language subtag of a declared language ("en-GB" → "en"), or null. */
export function primaryLang(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_]|\s|$)/.exec(raw);
  return m ? m[1]!.toLowerCase() : null;
}

/** Drops a " - Site Name" / " | Site" suffix from a document title. */
export function cleanTitle(title: string, site: string | null): string {
  let t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(/\s+[|\-–—_:]{1,2}\s+|\s*[|｜_]\s*/);
  if (parts.length > 1) {
    const last = parts[parts.length - 1]!.toLowerCase();
    const siteL = (site ?? '').toLowerCase();
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (siteL && (last.includes(siteL) || siteL.includes(last))) {
      t = parts.slice(0, -1).join(' - ');
    } else if (longest.length >= t.length * 0.5 && parts[0] === longest) {
      t = longest;
    }
  }
  return t;
}

/**
 * A page file's bytes as text: UTF-8 when they are valid UTF-8 (saved pages are often re-encoded
 * and keep their old `<meta charset>`), else the encoding from a byte-order mark or (HTML) a
 * `<meta charset>` in the first 1024 bytes. Bytes that do not decode are replaced, and said so.
 */
import { isUtf8 } from 'node:buffer';

export interface Decoded {
  text: string;
  encoding: string;
  /** Set when some bytes did not decode: how many characters were replaced, from which line. */
  warning: string | null;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

function declaredEncoding(bytes: Uint8Array, html: boolean): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (!html) return 'utf-8';
  const label = META_CHARSET.exec(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))?.[1];
  if (!label) return 'utf-8';
  try {
    const encoding = new TextDecoder(label).encoding;
    // A page that says UTF-16 in ASCII bytes is not UTF-16 (the HTML standard reads it as UTF-8).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return 'utf-8';
  }
}

export function decodePage(bytes: Uint8Array, html: boolean): Decoded {
  const declared = declaredEncoding(bytes, html);
  const encoding = declared.startsWith('utf-16') || !isUtf8(bytes) ? declared : 'utf-8';
  try {
    return {
      text: new TextDecoder(encoding, { fatal: true }).decode(bytes),
      encoding,
      warning: null,
    };
  } catch {
    const text = new TextDecoder(encoding).decode(bytes);
    const first = text.indexOf('\uFFFD');
    const line = text.slice(0, Math.max(first, 0)).split('\n').length;
    let replaced = 0;
    for (const c of text) if (c === '\uFFFD') replaced++;
    return {
      text,
      encoding,
      warning:
        `${replaced} ${replaced === 1 ? 'character' : 'characters'} could not be decoded as ` +
        `${encoding} (first on line ${line}) and ${replaced === 1 ? 'was' : 'were'} replaced with U+FFFD`,
    };
  }
}

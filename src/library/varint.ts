/**
 * Integers as variable-length bytes (7 bits a byte, low first): the snapshot's postings, forward
 * index and sentence offsets, most of them small deltas, take a byte or two each instead of four.
 * Signed deltas are zigzag-coded (0, -1, 1, -2 … → 0, 1, 2, 3 …).
 */

/** Appends unsigned integers (< 2³²) to a growing byte array. */
export class ByteWriter {
  #buf: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.#buf = new Uint8Array(Math.max(16, capacity));
  }
  #room(n: number): void {
    if (this.length + n <= this.#buf.length) return;
    const next = new Uint8Array(Math.max(this.#buf.length * 2, this.length + n));
    next.set(this.#buf.subarray(0, this.length));
    this.#buf = next;
  }
  uint(x: number): void {
    if (!(x >= 0 && x <= 0xffffffff && Number.isInteger(x)))
      throw new RangeError(`not an unsigned 32-bit integer: ${x}`);
    this.#room(5);
    while (x >= 0x80) {
      this.#buf[this.length++] = (x & 0x7f) | 0x80;
      x = Math.floor(x / 128);
    }
    this.#buf[this.length++] = x;
  }
  /** A signed integer (|x| < 2³¹), zigzag-coded. */
  int(x: number): void {
    this.uint(x >= 0 ? 2 * x : -2 * x - 1);
  }
  bytes(b: Uint8Array): void {
    this.#room(b.length);
    this.#buf.set(b, this.length);
    this.length += b.length;
  }
  done(): Uint8Array {
    return this.#buf.slice(0, this.length);
  }
}

/** Reads unsigned integers back from `bytes[from, to)`. */
class ByteReader {
  #at: number;
  constructor(
    private readonly bytes: Uint8Array,
    from: number,
    private readonly to: number,
  ) {
    this.#at = from;
  }
  get more(): boolean {
    return this.#at < this.to;
  }
  uint(): number {
    let x = 0;
    let scale = 1;
    let b: number;
    do {
      if (this.#at >= this.to)
        throw new RangeError('a variable-length integer runs past its bounds');
      b = this.bytes[this.#at++] as number;
      x += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return x;
  }
  int(): number {
    const x = this.uint();
    return x % 2 === 0 ? x / 2 : -(x + 1) / 2;
  }
}

/**
 * Reads `bytes[from, to)` written by `writeDeltaPairs` (the delta of a value from the previous
 * one, then an unsigned integer): the pairs back as [value, n, value, n, …].
 */
export function readDeltaPairs(bytes: Uint8Array, from: number, to: number): number[] {
  const r = new ByteReader(bytes, from, to);
  const out: number[] = [];
  let prev = 0;
  while (r.more) {
    prev += r.int();
    out.push(prev);
    if (!r.more) throw new RangeError('an odd number of integers where pairs were written');
    out.push(r.uint());
  }
  return out;
}

/** Writes [value, n, value, n, …] as `readDeltaPairs` reads them. */
export function writeDeltaPairs(w: ByteWriter, pairs: ArrayLike<number>): void {
  let prev = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const v = pairs[i] as number;
    w.int(v - prev);
    prev = v;
    w.uint(pairs[i + 1] as number);
  }
}

/** Reads `bytes[from, to)` written by `writeDeltas`: the values back. */
export function readDeltas(bytes: Uint8Array, from: number, to: number): number[] {
  const r = new ByteReader(bytes, from, to);
  const out: number[] = [];
  let prev = 0;
  while (r.more) out.push((prev += r.int()));
  return out;
}

/** Writes values as zigzag deltas, each from the one before. */
export function writeDeltas(w: ByteWriter, values: ArrayLike<number>): void {
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    w.int(v - prev);
    prev = v;
  }
}

/** Reads `bytes[from, to)` written with `ByteWriter.uint`: the values back. */
export function readUints(bytes: Uint8Array, from: number, to: number): number[] {
  const r = new ByteReader(bytes, from, to);
  const out: number[] = [];
  while (r.more) out.push(r.uint());
  return out;
}

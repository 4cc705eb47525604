// A fixed set of words looked up where they stand in a text: `get(text, start, end)` is
// `map.get(text.slice(start, end))` without the slice. The tokenizer asks about every word
// of a corpus and almost all are in no lexicon, so making a string and hashing it for each
// cost more than the scan itself; here a miss costs a hash of the char codes and, nearly
// always, one empty slot.
//
// Open addressing with linear probing over an FNV-1a hash of the UTF-16 units; the table is
// kept at most a quarter full, so probes are short.
export class WordTable<V> {
  private readonly words: string[] = [];
  private readonly values: V[] = [];
  /** The full hash of each word, so a probe compares characters only when the hash matches. */
  private readonly hashes: Int32Array;
  /** Index of a word plus one; 0 is an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** No longer word is in the table: longer ones are turned away unhashed. */
  private readonly maxLength: number = 0;
  /**
   * A cheaper test first: bit `last & 31` of entry `(length & 31) * 32 + (first & 31)` is set
   * when some word has that length, first and last unit (modulo 32). Most words that are in
   * no table fail it and are never hashed.
   */
  private readonly ends = new Uint32Array(32 * 32);

  constructor(entries: ReadonlyMap<string, V>) {
    for (const [word, value] of entries) {
      this.words.push(word);
      this.values.push(value);
      if (word.length > this.maxLength) this.maxLength = word.length;
    }
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(this.words.length);
    for (let k = 0; k < this.words.length; k++) {
      const word = this.words[k];
      const h = hash(word, 0, word.length);
      this.hashes[k] = h;
      let s = h & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = k + 1;
      if (word.length > 0) this.ends[endsEntry(word, 0, word.length)] |= endsBit(word, word.length);
    }
  }

  /** The value of the word `text.slice(start, end)`, if it is in the table. */
  get(text: string, start: number, end: number): V | undefined {
    if (end - start > this.maxLength) return undefined;
    if (end > start && (this.ends[endsEntry(text, start, end)] & endsBit(text, end)) === 0) return undefined;
    const h = hash(text, start, end);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.slots[s] - 1;
      if (k < 0) return undefined;
      if (this.hashes[k] === h && sameChars(this.words[k], text, start, end)) return this.values[k];
    }
  }
}

const endsEntry = (text: string, start: number, end: number) =>
  ((end - start) & 31) * 32 + (text.charCodeAt(start) & 31);
const endsBit = (text: string, end: number) => 1 << (text.charCodeAt(end - 1) & 31);

function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameChars(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

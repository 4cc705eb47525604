// A fixed set of words looked up where they stand in a text: `get(text, start, end, hash)`
// is `map.get(text.slice(start, end))` without the slice. The tokenizer asks about every
// word of a corpus and almost all are in no lexicon, so making a string and hashing it for
// each cost more than the scan itself. Here the word's hash is worked out by the scanner as
// it reads the word, and a miss costs, nearly always, one look at an empty slot.
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

  constructor(entries: ReadonlyMap<string, V>) {
    for (const [word, value] of entries) {
      this.words.push(word);
      this.values.push(value);
    }
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(this.words.length);
    for (let k = 0; k < this.words.length; k++) {
      const word = this.words[k];
      const h = wordHash(word, 0, word.length);
      this.hashes[k] = h;
      let s = h & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = k + 1;
    }
  }

  /** The value of the word `text.slice(start, end)`, if it is in the table; `h` is its `wordHash`. */
  get(text: string, start: number, end: number, h: number): V | undefined {
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.slots[s] - 1;
      if (k < 0) return undefined;
      if (this.hashes[k] === h && sameChars(this.words[k], text, start, end)) return this.values[k];
    }
  }
}

/**
 * The hash a WordTable files a word under: FNV-1a over its UTF-16 units. Start from
 * WORD_HASH_SEED and fold in each unit with wordHashStep, so that a scanner can hash a word
 * as it reads it.
 */
export const WORD_HASH_SEED = 0x811c9dc5 | 0;
export const wordHashStep = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);

export function wordHash(text: string, start: number, end: number): number {
  let h = WORD_HASH_SEED;
  for (let i = start; i < end; i++) h = wordHashStep(h, text.charCodeAt(i));
  return h;
}

function sameChars(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * Counts 32-bit integer keys (IPv4 addresses) in an open-addressing table: several times
 * cheaper than a Map on the hot path of a 250,000-line paste.
 */
export class IntCounter {
  private keys = new Int32Array(1024);
  private counts = new Int32Array(1024);
  private used = new Uint8Array(1024);
  size = 0;

  add(key: number): void {
    const mask = this.keys.length - 1;
    let i = hash(key) & mask;
    while (this.used[i]) {
      if (this.keys[i] === key) {
        this.counts[i]! += 1;
        return;
      }
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.keys[i] = key;
    this.counts[i] = 1;
    this.size += 1;
    if (this.size * 2 > this.keys.length) this.grow();
  }

  /** Every key with its count. */
  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++)
      if (this.used[i]) yield [this.keys[i]!, this.counts[i]!];
  }

  private grow(): void {
    const { keys, counts, used } = this;
    const n = keys.length * 2;
    this.keys = new Int32Array(n);
    this.counts = new Int32Array(n);
    this.used = new Uint8Array(n);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      if (!used[i]) continue;
      let j = hash(keys[i]!) & (n - 1);
      while (this.used[j]) j = (j + 1) & (n - 1);
      this.used[j] = 1;
      this.keys[j] = keys[i]!;
      this.counts[j] = counts[i]!;
      this.size += 1;
    }
  }
}

function hash(key: number): number {
  return Math.imul(key ^ (key >>> 16), 0x45d9f3b) ^ (key >>> 13);
}

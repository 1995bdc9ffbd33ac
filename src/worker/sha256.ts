/** Incremental SHA-256 (FIPS 180-4): hashes a file chunk by chunk while it streams. */

// crypto.subtle.digest takes one whole buffer; a multi-hundred-MB trace must not be one buffer.

/** First 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2). */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

/** Initial hash value (§5.3.3). */
const H0 = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
];

export class Sha256 {
  readonly #h = new Int32Array(H0);
  readonly #w = new Int32Array(64);
  /** A partial 64-byte block carried to the next update. */
  readonly #block = new Uint8Array(64);
  #blockLength = 0;
  /** Total bytes hashed; a double is exact up to 2^53 bytes. */
  #bytes = 0;
  #done = false;

  /** Adds `data` to the message. */
  update(data: Uint8Array): this {
    if (this.#done) throw new Error('Sha256.update after digest: start a new Sha256');
    this.#bytes += data.length;
    let i = 0;
    if (this.#blockLength > 0) {
      const take = Math.min(64 - this.#blockLength, data.length);
      this.#block.set(data.subarray(0, take), this.#blockLength);
      this.#blockLength += take;
      i = take;
      if (this.#blockLength < 64) return this;
      this.#compress(this.#block, 0);
      this.#blockLength = 0;
    }
    // Whole blocks straight from the input, without copying.
    for (; i + 64 <= data.length; i += 64) this.#compress(data, i);
    if (i < data.length) {
      this.#block.set(data.subarray(i));
      this.#blockLength = data.length - i;
    }
    return this;
  }

  /** The digest as 64 lower-case hex digits; the hash cannot be updated afterwards. */
  hex(): string {
    if (!this.#done) this.#finish();
    let out = '';
    for (const word of this.#h) out += (word >>> 0).toString(16).padStart(8, '0');
    return out;
  }

  #finish(): void {
    const bitsHigh = Math.floor(this.#bytes / 0x20000000);
    const bitsLow = (this.#bytes * 8) >>> 0;
    // Padding (§5.1.1): a 1 bit, zeros, then the message length in bits as 64-bit big-endian.
    const pad = new Uint8Array(
      this.#blockLength < 56 ? 64 - this.#blockLength : 128 - this.#blockLength
    );
    pad[0] = 0x80;
    const n = pad.length;
    pad[n - 8] = bitsHigh >>> 24;
    pad[n - 7] = bitsHigh >>> 16;
    pad[n - 6] = bitsHigh >>> 8;
    pad[n - 5] = bitsHigh;
    pad[n - 4] = bitsLow >>> 24;
    pad[n - 3] = bitsLow >>> 16;
    pad[n - 2] = bitsLow >>> 8;
    pad[n - 1] = bitsLow;
    const bytes = this.#bytes;
    this.update(pad);
    this.#bytes = bytes;
    this.#done = true;
  }

  /** One 64-byte block at `offset` (§6.2.2), in 32-bit integer arithmetic. */
  #compress(data: Uint8Array, offset: number): void {
    const w = this.#w;
    for (let t = 0; t < 16; t++) {
      const j = offset + 4 * t;
      w[t] = (data[j] << 24) | (data[j + 1] << 16) | (data[j + 2] << 8) | data[j + 3];
    }
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15];
      const b = w[t - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    const h = this.#h;
    let a = h[0],
      b = h[1],
      c = h[2],
      d = h[3],
      e = h[4],
      f = h[5],
      g = h[6],
      k = h[7];
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (k + S1 + ch + K[t] + w[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += k;
  }
}

// A QR code (ISO/IEC 18004) for the Wi-Fi join string, drawn as SVG: byte mode,
// error correction level M, versions 1 to 10 (213 bytes: a 32-byte SSID and a
// 63-character key fit with every character escaped). The construction follows
// Project Nayuki's reference encoder, cut down to what one level needs.

// Versions 1..10 (tables, being shorter than the formulas): all codewords, and
// level M's error-correction codewords per block and blocks; the version
// information of versions 7..10 (BCH(18,6)); level M's format information per mask (BCH(15,5), masked).
const RAW = [26, 44, 70, 100, 134, 172, 196, 242, 292, 346];
const ECC = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
const VERSION_INFO = [0x07c94, 0x085bc, 0x09a99, 0x0a4d3];
const FORMAT_M = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0];

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
function mul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function reedSolomon(data: number[], degree: number): number[] {
  const div = Array<number>(degree).fill(0);
  div[degree - 1] = 1;
  for (let i = 0, root = 1; i < degree; i++, root = mul(root, 2)) {
    for (let j = 0; j < degree; j++) div[j] = mul(div[j]!, root) ^ (div[j + 1] ?? 0);
  }
  const rem = Array<number>(degree).fill(0);
  for (const b of data) {
    const f = b ^ rem.shift()!;
    rem.push(0);
    div.forEach((c, i) => (rem[i]! ^= mul(c, f)));
  }
  return rem;
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 < 1,
  (_, y) => y % 2 < 1,
  (x) => x % 3 < 1,
  (x, y) => (x + y) % 3 < 1,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 < 1,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) < 1,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 < 1,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 < 1,
];

/** The modules of the QR code of `text` (UTF-8), dark = true, indexed [y][x]. */
export function qrMatrix(text: string): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  let ver = 1;
  const dataCodewords = (v: number) => RAW[v - 1]! - ECC[v - 1]! * BLOCKS[v - 1]!;
  while (4 + (ver < 10 ? 8 : 16) + 8 * bytes.length > 8 * dataCodewords(ver)) {
    if (++ver > 10) throw new RangeError('too long for QR version 10');
  }
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  const capacity = 8 * dataCodewords(ver);
  put(4, 4);
  put(bytes.length, ver < 10 ? 8 : 16);
  bytes.forEach((b) => put(b, 8));
  put(0, Math.min(4, capacity - bits.length));
  put(0, -bits.length & 7);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(''), 2));

  // Blocks, each with its error correction, then interleaved.
  const nBlocks = BLOCKS[ver - 1]!;
  const ecc = ECC[ver - 1]!;
  const raw = RAW[ver - 1]!;
  const nShort = nBlocks - (raw % nBlocks);
  const shortLen = Math.floor(raw / nBlocks);
  const blocks: number[][] = [];
  for (let i = 0, k = 0; i < nBlocks; i++) {
    const part = data.slice(k, (k += shortLen - ecc + (i < nShort ? 0 : 1)));
    const check = reedSolomon(part, ecc);
    if (i < nShort) part.push(0);
    blocks.push([...part, ...check]);
  }
  const codewords: number[] = [];
  for (let i = 0; i < blocks[0]!.length; i++) {
    blocks.forEach((b, j) => {
      if (i !== shortLen - ecc || j >= nShort) codewords.push(b[i]!);
    });
  }

  const size = ver * 4 + 17;
  const m = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const fixed = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const set = (x: number, y: number, dark: boolean) => {
    m[y]![x] = dark;
    fixed[y]![x] = true;
  };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const square = (cx: number, cy: number, r: number, dark: (d: number) => boolean) => {
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, dark(Math.max(Math.abs(dx), Math.abs(dy))));
      }
    }
  };
  // Alignment pattern centres, as the standard's table has them for versions 1..10.
  const align = ver < 2 ? [] : ver < 7 ? [6, size - 7] : [6, 2 * ver + 8, size - 7];
  align.forEach((a, i) =>
    align.forEach((b, j) => {
      const corner = (i === 0 && j === 0) || (i === 0 && j === align.length - 1) || (i === align.length - 1 && j === 0);
      if (!corner) square(a, b, 2, (d) => d !== 1);
    }),
  );
  for (const [x, y] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) square(x, y, 4, (d) => d !== 2 && d !== 4);
  if (ver >= 7) {
    const v = VERSION_INFO[ver - 7]!;
    for (let i = 0; i < 18; i++) {
      const dark = ((v >>> i) & 1) === 1;
      set(size - 11 + (i % 3), Math.floor(i / 3), dark);
      set(Math.floor(i / 3), size - 11 + (i % 3), dark);
    }
  }
  const format = (mask: number) => {
    const f = FORMAT_M[mask]!;
    const bit = (i: number) => ((f >>> i) & 1) === 1;
    for (let i = 0; i < 15; i++) {
      set(8, i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, bit(i));
      set(i < 8 ? size - 1 - i : i < 9 ? 7 : 14 - i, 8, bit(i));
    }
    set(8, size - 8, true);
  };
  format(0);

  // Data in two-column zigzags from the bottom right, skipping the timing column.
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (!fixed[y]![x] && i < codewords.length * 8) {
          m[y]![x] = ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }

  const applyMask = (k: number) => {
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (!fixed[y]![x] && MASKS[k]!(x, y)) m[y]![x] = !m[y]![x];
  };
  let best = 0;
  let bestScore = Infinity;
  for (let k = 0; k < 8; k++) {
    applyMask(k);
    format(k);
    const score = penalty(m);
    if (score < bestScore) [best, bestScore] = [k, score];
    applyMask(k);
  }
  applyMask(best);
  format(best);
  return m;
}

// The standard's penalty: runs of 5+, 2x2 blocks, finder-like patterns, dark/light balance.
function penalty(m: boolean[][]): number {
  const size = m.length;
  let score = 0;
  const finders = (h: number[]) => {
    const n = h[1]!;
    const core = n > 0 && h[2] === n && h[3] === n * 3 && h[4] === n && h[5] === n;
    return (core && h[0]! >= n * 4 && h[6]! >= n ? 1 : 0) + (core && h[6]! >= n * 4 && h[0]! >= n ? 1 : 0);
  };
  const line = (at: (i: number) => boolean) => {
    const h = [0, 0, 0, 0, 0, 0, 0];
    const push = (run: number) => {
      if (h[0] === 0) run += size;
      h.pop();
      h.unshift(run);
    };
    let color = false;
    let run = 0;
    for (let i = 0; i < size; i++) {
      if (at(i) === color) {
        run++;
        if (run === 5) score += 3;
        else if (run > 5) score++;
      } else {
        push(run);
        if (!color) score += finders(h) * 40;
        color = at(i);
        run = 1;
      }
    }
    if (color) {
      push(run);
      run = 0;
    }
    push(run + size);
    score += finders(h) * 40;
  };
  let dark = 0;
  for (let a = 0; a < size; a++) {
    line((i) => m[a]![i]!);
    line((i) => m[i]![a]!);
    for (let b = 0; b < size; b++) {
      if (m[a]![b]) dark++;
      const c = m[a]![b];
      if (a < size - 1 && b < size - 1 && c === m[a]![b + 1] && c === m[a + 1]![b] && c === m[a + 1]![b + 1]) score += 3;
    }
  }
  const total = size * size;
  return score + (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
}

/** The QR code of `text` as an SVG image: one path, a 4-module quiet zone. */
export function qrSvg(text: string): string {
  const m = qrMatrix(text);
  const s = m.length + 8;
  let d = '';
  m.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x + 4} ${y + 4}h1v1h-1z`)));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" shape-rendering="crispEdges"><path fill="#fff" d="M0 0h${s}v${s}H0z"/><path d="${d}"/></svg>`;
}

/** The Wi-Fi join string phones read from a QR code; \ ; , : " are escaped. */
export function wifiUri(ssid: string, key: string, security = 'psk2'): string {
  const esc = (s: string) => s.replace(/[\\;,:"]/g, '\\$&');
  // An open or OWE network has no password to give. WPA covers WPA2 and WPA3 alike for the phones that read it.
  if (security === 'none' || security === 'owe') return `WIFI:T:nopass;S:${esc(ssid)};;`;
  return `WIFI:T:WPA;S:${esc(ssid)};P:${esc(key)};;`;
}

// The QR encoder, checked by decoding: each SVG is rendered to PNG with
// rsvg-convert (librsvg2-bin) and read back with zbarimg (zbar-tools), and the
// text must come back byte for byte. Covers every version the encoder makes
// (1 to 10) and the longest Wi-Fi string the schema allows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { qrMatrix, qrSvg, wifiUri } from '../../device-daemon/src/core/qr.ts';
import { missing } from '../helpers/requires.ts';

const qr = suite('QR code');
const reason = missing({ commands: ['zbarimg', 'rsvg-convert'] });
if (reason) console.log(`  skipping QR decoding tests: ${reason} (apt-get install zbar-tools librsvg2-bin)`);
const decodeTest = reason ? qr.skip : qr;

function decode(svg: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qr-'));
  try {
    writeFileSync(join(dir, 'q.svg'), svg);
    execFileSync('rsvg-convert', ['-w', '600', '-b', 'white', '-o', join(dir, 'q.png'), join(dir, 'q.svg')]);
    // --raw: the text alone; binary: no charset guessing, the bytes as encoded.
    // stderr ignored: zbar complains there about the missing D-Bus of a container.
    const out = execFileSync('zbarimg', ['-q', '--raw', '-Sbinary', join(dir, 'q.png')], { stdio: ['ignore', 'pipe', 'ignore'] });
    return out.toString('utf8').replace(/\n$/, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

qr('the Wi-Fi string escapes \\ ; , : " in name and key, and nothing else', () => {
  assert.is(wifiUri('Home', 'password1'), 'WIFI:T:WPA;S:Home;P:password1;;');
  assert.is(wifiUri('a;b,c:d"e\\f', `x'$\`|&# y`), `WIFI:T:WPA;S:a\\;b\\,c\\:d\\"e\\\\f;P:x'$\`|&# y;;`);
});

qr('sizes grow by version: 21 modules for 14 bytes, 25 for 15, 57 (version 10) for the longest Wi-Fi string', () => {
  assert.is(qrMatrix('x'.repeat(14)).length, 21);
  assert.is(qrMatrix('x'.repeat(15)).length, 25);
  const longest = wifiUri(';'.repeat(32), ';'.repeat(63));
  assert.is(new TextEncoder().encode(longest).length, 208);
  assert.is(qrMatrix(longest).length, 17 + 4 * 10);
  assert.throws(() => qrMatrix('x'.repeat(214)), /version 10/);
});

qr('the SVG is one path on a white square with a quiet zone', () => {
  const svg = qrSvg('hello');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 29 29"/);
  assert.is((svg.match(/<path/g) ?? []).length, 2);
});

decodeTest('decodes back to the same text at every version from 1 to 10', () => {
  // Byte-mode capacities at level M: 14, 26, 42, 62, 84, 106, 122, 152, 180, 213.
  for (const length of [1, 14, 15, 26, 42, 62, 84, 106, 122, 152, 180, 213]) {
    const text = Array.from({ length }, (_, i) => String.fromCharCode(33 + ((i * 7) % 90))).join('');
    assert.is(decode(qrSvg(text)), text, `length ${length}`);
  }
});

decodeTest('decodes Wi-Fi strings with hostile characters, UTF-8 and the longest allowed', () => {
  for (const [ssid, key] of [
    ['Home', 'password1'],
    [`It's "mine"; \\ok\\, yes: no`, `'"\\\`$;#&| and spaces`],
    ['😀'.repeat(8), 'a1B2'.repeat(16)],
    [';'.repeat(32), ':'.repeat(63)],
    ['Łódź café', '$(touch /tmp/marker)'],
  ]) {
    const text = wifiUri(ssid!, key!);
    assert.is(decode(qrSvg(text)), text);
  }
});

qr.run();

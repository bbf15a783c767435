import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, readConfig } from '../../device-daemon/src/core/config.ts';
import { parseSize, formatSize } from '../../device-daemon/src/core/size.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';

const config = suite('config');
const DEFAULT = readFileSync(new URL('../../openwrt/files/etc/config/modem-admin', import.meta.url), 'utf8');
const read = (text: string) => readConfig(parseUciText('modem-admin', text));

config('the shipped default config reads with typed values', () => {
  const c = read(DEFAULT);
  assert.equal(c.daemon.listen, ['192.168.1.1:80']);
  assert.is(c.daemon.wan_device, 'wwan0');
  assert.is(c.daemon.poll_ms, 1000);
  assert.is(c.plan.cap, 20 * 1024 ** 3);
  assert.is(c.plan.cycle_day, 1);
  assert.equal(c.plan.alert_percent, [50, 80, 90, 100]);
  assert.equal(c.plan.topup_size, [512 * 1024 ** 2, 1024 ** 3]);
  assert.is(c.plan.timezone, 'Europe/Warsaw');
});

config('an empty config gets the documented defaults', () => {
  const c = read('');
  assert.is(c.plan.policy, 'throttle');
  assert.is(c.plan.throttle_down_kbit, 64);
  assert.is(c.plan.cap, undefined);
  assert.is(c.daemon.allow_any_address, false);
});

config('every bad value is reported at once, with where and what', () => {
  try {
    read(`config plan 'plan'\n\toption cap '20X'\n\toption cycle_day '32'\n\toption timezone 'Mars/Olympus'\n\toption policy 'free'\n`);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ConfigError);
    const message = (error as Error).message;
    assert.match(message, /plan\.cap: must be a size such as 20G, or none \(got "20X"\)/);
    assert.match(message, /plan\.cycle_day/);
    assert.match(message, /plan\.timezone: must be an IANA time zone/);
    assert.match(message, /plan\.policy/);
  }
});

config('cycle_day accepts "last"', () => {
  assert.is(read(`config plan 'plan'\n\toption cycle_day 'last'\n`).plan.cycle_day, 'last');
});

config('sizes: plain bytes and binary suffixes', () => {
  assert.is(parseSize('1048576'), 1048576);
  assert.is(parseSize('512M'), 512 * 1024 ** 2);
  assert.is(parseSize('20G'), 20 * 1024 ** 3);
  assert.is(parseSize('1.5g'), 1.5 * 1024 ** 3);
  assert.is(parseSize('800GiB'), 800 * 1024 ** 3);
  assert.is(parseSize('-1G'), null);
  assert.is(parseSize('G'), null);
  assert.is(formatSize(20 * 1024 ** 3), '20G');
  assert.is(formatSize(1000), '1000');
});

// [written, bytes]: GB/MB are powers of ten, GiB/MiB and the bare G/M powers of two.
const SIZES: [string, number][] = [
  ['20GB', 20 * 1000 ** 3],
  ['20 GB', 20 * 1000 ** 3],
  ['800GB', 800 * 1000 ** 3], // ISP 003's acceptable-use limit
  ['512MB', 512 * 1000 ** 2],
  ['1kB', 1000],
  ['1TB', 1000 ** 4],
  ['20GiB', 20 * 1024 ** 3],
  ['1024MiB', 1024 ** 3],
  ['20G', 20 * 1024 ** 3], // bare suffixes keep their old meaning
  ['512M', 512 * 1024 ** 2],
  ['1024M', 1024 ** 3], // Unwired's "1024 MB" top-up, written as the shipped config writes it
];
for (const [text, bytes] of SIZES) {
  config(`the size "${text}" is ${bytes} bytes`, () => {
    assert.is(parseSize(text), bytes);
  });
}

config('a plan takes the unit family its cap is written in, else its top-ups\', else binary', () => {
  assert.is(read(`config plan 'plan'\n\toption cap '20GB'\n`).plan.units, 'GB');
  assert.is(read(`config plan 'plan'\n\toption cap '20GiB'\n`).plan.units, 'GiB');
  assert.is(read(`config plan 'plan'\n\toption cap '20G'\n`).plan.units, 'GiB');
  assert.is(read(`config plan 'plan'\n\toption cap 'none'\n\tlist topup_size '500MB'\n`).plan.units, 'GB');
  assert.is(read(`config plan 'plan'\n\toption cap '21474836480'\n`).plan.units, 'GiB');
});

config('sizes are written back in their family and read back exactly', () => {
  for (const [bytes, units, text] of [
    [20 * 1000 ** 3, 'GB', '20GB'],
    [1.5 * 1000 ** 3, 'GB', '1500MB'],
    [20 * 1024 ** 3, 'GiB', '20GiB'],
    [20 * 1024 ** 3, 'GB', '21.47483648GB'],
    [20 * 1000 ** 3, 'GiB', '19531250KiB'],
    [1234567, 'GiB', '1.1773748397827148MiB'],
  ] as const) {
    assert.is(formatSize(bytes, units), text);
    assert.is(parseSize(text), bytes);
  }
});

config.run();

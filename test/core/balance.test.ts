import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readBalance } from '../../device-daemon/src/core/balance.ts';
import { readModemConfig } from '../../device-daemon/src/core/modem-config.ts';
import { band, meterReading, pushSample } from '../../device-daemon/src/core/signal-meter.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';

const text = (name: string) => readFileSync(new URL(`../fixtures/modem/operator-texts/${name}`, import.meta.url), 'utf8');
const GiB = 1024 ** 3;

const balance = suite('operator balance replies read with templates');

balance('DIGI ES: data left in GB', () => {
  const r = readBalance(text('es-digi-ussd-data-remaining.txt'), 'digi')!;
  assert.is(r.by, 'template');
  assert.is(r.dataBytes, Math.round(7.44 * GiB));
});

balance('Play PL: money in zl with its expiry date', () => {
  const r = readBalance(text('pl-play-ussd-101-at-cusd.txt'), 'play')!;
  assert.equal(r.money, { amount: 50.04, currency: 'zl' });
  assert.is(r.expiry, '2018-09-04');
  assert.is(r.dataBytes, null);
});

balance('Plus PL: money in PLN and a day-first date', () => {
  const r = readBalance(text('pl-plus-ussd-stan-konta.txt'), 'plus')!;
  assert.equal(r.money, { amount: 1.23, currency: 'PLN' });
  assert.is(r.expiry, '2022-01-01');
});

balance('a template written in the config, with validity days and any text skipped', () => {
  const r = readBalance('Masz 2,5 GB na 30 dni. Stan konta 12,00 zł.', 'Masz {data} na {days} dni...konta {money}')!;
  assert.equal(r, { dataBytes: Math.round(2.5 * GiB), money: { amount: 12, currency: 'zł' }, expiry: null, days: 30, by: 'template' });
});

balance('the generic fallback finds "<number> GB/MB" and says it guessed', () => {
  const r = readBalance(text('bg-ussd-data-remaining.txt'), 'digi')!;
  assert.is(r.by, 'fallback');
  assert.is(r.dataBytes, Math.round(11.17 * GiB));
  assert.is(readBalance(text('de-o2-ussd-data-used.txt'), 'digi')!.by, 'fallback', 'data used is only a guess, never a template match');
});

balance('an unparsable reply reads as nothing', () => {
  assert.is(readBalance(text('de-vodafone-ussd-maintenance-error.txt'), 'digi'), null);
  assert.is(readBalance(text('pl-nju-ussd-stan-konta.txt'), 'digi'), null);
});

balance.run();

const config = suite('modem settings from UCI');

config('the shipped config: a USSD balance check, quick actions and two top-ups', () => {
  const pkg = parseUciText('modem-admin', readFileSync(new URL('../../openwrt/files/etc/config/modem-admin', import.meta.url), 'utf8'));
  const c = readModemConfig(pkg);
  assert.equal(c.balance, { ussd: '*108#', smsNumber: null, smsText: null, template: 'digi', minIntervalS: 30 });
  assert.equal(c.actions, { validity: '*109#', number: '*101#', data_on: '*107*1#', data_off: '*107*2#' });
  assert.equal(c.topups.map((t) => [t.bytes, t.ussd]), [[512 * 1024 ** 2, '*111*512#'], [1024 ** 3, '*111*1024#']]);
});

config('an SMS balance check; bad codes are left out', () => {
  const c = readModemConfig(
    parseUciText('x', "config balance 'balance'\n\toption method 'sms'\n\toption sms_number '7202020'\n\nconfig ussd 'ussd'\n\toption evil '-rf'\n\toption ok '*1#'\n"),
  );
  assert.equal(c.balance, { ussd: null, smsNumber: '7202020', smsText: null, template: 'digi', minIntervalS: 30 });
  assert.equal(c.actions, { ok: '*1#' });
  assert.is(readModemConfig(parseUciText('x', "config balance 'balance'\n\toption method 'sms'\n")).balance, null);
});

config.run();

const meter = suite('signal meter bands and trend');

meter('bands follow the usual LTE figures', () => {
  assert.equal([-75, -85, -95, -110].map((x) => band('rsrp', x)), ['excellent', 'good', 'fair', 'poor']);
  assert.is(band('sinr', null), null);
});

meter('the trend compares with 10 s ago; the window keeps two minutes', () => {
  let history = [] as ReturnType<typeof pushSample>;
  for (let t = 0; t <= 200_000; t += 1000) history = pushSample(history, { t, rsrp: -100 + t / 10_000, rsrq: -12, sinr: 10 }, 120_000);
  assert.is(history.length, 120);
  const r = meterReading(history);
  assert.is(r.rsrp.trend, 'same', 'one dB in 10 s is within the noise');
  history = pushSample(history, { t: 201_000, rsrp: -70, rsrq: -12, sinr: null }, 120_000);
  const r2 = meterReading(history);
  assert.is(r2.rsrp.trend, 'better');
  assert.is(r2.rsrp.band, 'excellent');
  assert.is(r2.sinr.trend, null);
});

meter.run();

import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readBalance as readIn } from '../../device-daemon/src/core/balance.ts';
import { replyText } from '../../device-daemon/src/core/reply-text.ts';
import { ucs2AsGsm7Packed, ucs2AsGsm7Unpacked } from '../../device-daemon/src/ports/sim/gsm7.ts';
import { readModemConfig } from '../../device-daemon/src/core/modem-config.ts';
import { band, meterReading, pushSample } from '../../device-daemon/src/core/signal-meter.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';

const text = (name: string) => readFileSync(new URL(`../fixtures/modem/operator-texts/${name}`, import.meta.url), 'utf8');
const GiB = 1024 ** 3;
/** Replies read for a plan written as "20G", whose family (powers of two) every config had before GB meant 10^9. */
const readBalance = (reply: string, template: string) => readIn(reply, template, 'GiB');

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

balance("the operator's GB and MB are read in the plan's family; GiB and MiB are always powers of two", () => {
  // DIGI ES: "Te quedan 7.44 GB"; the se-halebop reply: "0,99 GB surf kvar".
  assert.is(readIn(text('es-digi-ussd-data-remaining.txt'), 'digi', 'GB')!.dataBytes, 7_440_000_000, 'a plan written "20GB" meters in powers of ten');
  assert.is(readIn(text('es-digi-ussd-data-remaining.txt'), 'digi', 'GiB')!.dataBytes, Math.round(7.44 * GiB), 'a plan written "20GiB" or "20G" meters in powers of two');
  assert.is(readIn('Masz 1,5 GB na 30 dni', 'Masz {data}', 'GB')!.dataBytes, 1_500_000_000);
  assert.is(readIn('You have 1024 MB left', 'have {data}', 'GB')!.dataBytes, 1_024_000_000);
  assert.is(readIn('You have 1024 MB left', 'have {data}', 'GiB')!.dataBytes, GiB, 'a "1024 MB" top-up of an operator metering in powers of two is 1 GiB');
  assert.is(readIn('You have 1.5 GiB left', 'have {data}', 'GB')!.dataBytes, Math.round(1.5 * GiB), 'an explicit GiB is binary in any plan');
  assert.is(readIn('You have 512 MiB left', 'have {data}', 'GB')!.dataBytes, 512 * 1024 ** 2);
  assert.is(readIn('Zostało 1,5 GB', 'nothing like this {data}', 'GB')!.dataBytes, 1_500_000_000, 'the guess reads in the same family');
});

balance('an unparsable reply reads as nothing', () => {
  assert.is(readBalance(text('de-vodafone-ussd-maintenance-error.txt'), 'digi'), null);
  assert.is(readBalance(text('pl-nju-ussd-stan-konta.txt'), 'digi'), null);
});

balance('a balance masked by the reporter, then a menu: no amount, and no menu number taken for one', () => {
  assert.is(readBalance(text('de-vodafone-ussd-balance-menu.txt'), 'Aktuelles Guthaben: {money}'), null, 'XX,XX is no amount');
  assert.is(readBalance(text('de-vodafone-ussd-balance-menu.txt'), 'digi'), null);
});

balance('nju mobile PL: the main account in zl, valid without end (no date)', () => {
  assert.equal(readBalance(text('pl-nju-ussd-stan-konta.txt'), 'Stan konta glownego: {money}'), { dataBytes: null, money: { amount: 11, currency: 'zl' }, expiry: null, days: null, by: 'template' });
});

balance('a currency written before the amount: $, £, CHF, Rp, R and euro', () => {
  const money = (file: string, template: string) => readBalance(text(file), template)?.money;
  assert.equal(money('ca-speakout-ussd-balance-expiry.txt', 'balance is {money}'), { amount: 20, currency: '$' });
  assert.equal(money('uk-o2-ussd-balance.txt', 'balance is {money}'), { amount: 9.58, currency: '£' });
  assert.equal(money('ch-sunrise-ussd-balance.txt', 'Guthaben beträgt {money}'), { amount: 24.5, currency: 'CHF' });
  assert.equal(money('id-ussd-pulsa-menu-prepaidbalance.txt', 'Pulsa {money}'), { amount: 1234, currency: 'Rp' });
  assert.equal(money('nl-vodafone-ussd-balance-validity.txt', 'tegoed is {money}'), { amount: 63.27, currency: 'euro' });
  assert.equal(readBalance('Your airtime balance is R49.96.', 'balance is {money}')?.money, { amount: 49.96, currency: 'R' });
});

balance('a currency written after the amount, with or without a space', () => {
  assert.equal(readBalance('Masz 50,04 zł na koncie', 'Masz {money}')?.money, { amount: 50.04, currency: 'zł' });
  assert.equal(readBalance('Saldo: 12 PLN.', 'Saldo: {money}')?.money, { amount: 12, currency: 'PLN' });
  assert.equal(readBalance(text('ua-python-gammu-ussd-event.txt'), 'Balans {money}')?.money, { amount: 0, currency: 'hrn' });
  assert.equal(readBalance(text('ir-ussd-credit-menu.txt'), 'Credit {money}')?.money, { amount: 43240, currency: 'IRR' });
  assert.equal(readBalance(text('ru-ussd-balans-translit-gammu.txt'), 'balans {money}')?.money, { amount: 968.98, currency: 'r.' });
});

balance('{money} takes no word as a currency: "20202 to" in the British reply is not money', () => {
  assert.is(readBalance(text('uk-o2-ussd-balance.txt'), 'balance is ...{money}')!.money!.amount, 9.58, 'the amount with its £ comes first');
  assert.is(readBalance(text('uk-o2-ussd-balance.txt'), 'free to {money}'), null);
  assert.is(readBalance('Send 5 to 7202020', 'Send {money}'), null);
  assert.is(readBalance('You have 3 ALL', 'have {money}')?.money?.currency, 'ALL', 'an ISO code in capitals is a currency');
  assert.is(readBalance('You have 3 all', 'have {money}'), null, 'the same letters in lower case are a word');
});

balance('decimal commas and thousands separators', () => {
  const amount = (reply: string) => readBalance(reply, 'Saldo {money}')?.money?.amount;
  assert.is(amount('Saldo 1.234,56 EUR'), 1234.56);
  assert.is(amount('Saldo 1,234.56 USD'), 1234.56);
  assert.is(amount('Saldo 1 234,56 zł'), 1234.56);
  assert.is(amount('Saldo CHF 1\'234.50'), 1234.5);
  assert.is(amount('Saldo 1202,42 EUR'), 1202.42);
  assert.is(amount('Saldo Rp 30.000'), 30000);
  assert.is(amount('Saldo 0,99 kr'), 0.99);
});

balance('several amounts: the template picks the balance after the allowance', () => {
  const r = readBalance(text('us-tmobile-ussd-plan-balance.txt'), 'Account Balance {money}')!;
  assert.equal(r.money, { amount: 56.78, currency: '$' });
  assert.equal(readBalance(text('us-tmobile-ussd-plan-balance.txt'), 'renew for {money}')!.money, { amount: 12.34, currency: '$' });
});

balance('sub-balances named one by one in the template add up', () => {
  const r = readBalance(text('de-kaufland-ussd-subbalances.txt'), 'betraegt: {money} Startguthaben, {money} Kaufguthaben und {money} Geschenkguthaben')!;
  assert.equal(r.money, { amount: 10.01, currency: 'EUR' });
});

balance('dates in the order the template names, never guessed across orders', () => {
  const us = readBalance(text('us-tmobile-ussd-plan-balance.txt'), 'active until {date:mdy}...Balance {money}')!;
  assert.is(us.expiry, '2022-08-10', 'T-Mobile US writes the month first');
  assert.is(readBalance(text('us-tmobile-ussd-plan-balance.txt'), 'active until {date}')!.expiry, '2022-10-08', 'the same figures read day-first by default');
  assert.is(readBalance(text('nl-vodafone-ussd-balance-validity.txt'), 'Geldig tot {date}')!.expiry, '2021-11-23');
  assert.is(readBalance(text('nl-vodafone-ussd-balance-validity.txt'), 'Geldig tot {date:mdy}')!.expiry, null, 'month 23 does not exist: no date rather than a guess');
  assert.is(readBalance(text('bg-ussd-data-remaining.txt'), '{data} DATA do {date}')!.expiry, '2023-06-13');
  assert.is(readBalance(text('pl-play-ussd-101-at-cusd.txt'), 'play')!.expiry, '2018-09-04', 'ISO reads the same in any order');
  assert.is(readBalance(text('pl-play-ussd-101-at-cusd.txt'), 'Pozostalo Ci {money} do wykorzystania do {date:mdy}')!.expiry, '2018-09-04');
  assert.is(readBalance(text('id-ussd-pulsa-menu-prepaidbalance.txt'), 'Pulsa {money} s.d. {date}')!.expiry, '2022-01-01');
});

balance('dates with month names', () => {
  const r = readBalance(text('ca-speakout-ussd-balance-expiry.txt'), 'balance is {money} and expires on {date}')!;
  assert.is(r.expiry, '2021-08-28');
  assert.is(readBalance('Valid until 3 March 2025.', 'Valid until {date}')!.expiry, '2025-03-03');
  assert.is(readBalance('Valid until Feb 30, 2025.', 'Valid until {date:mdy}')!.expiry, null);
});

balance('the fallback never takes a figure from a menu of offers', () => {
  assert.is(readBalance(text('ir-ussd-credit-menu.txt'), 'digi'), null, '42GB, 5GB and 10GB are offers to buy');
  assert.is(readBalance(text('id-ussd-pulsa-menu-prepaidbalance.txt'), 'digi'), null, '8GB and 25GB are offers');
  const bg = readBalance(text('bg-ussd-data-remaining.txt'), 'digi')!;
  assert.is(bg.by, 'fallback', 'a lone line starting with 11.17 is no menu, and the reading says it guessed');
});

balance('a reply that came as the hex of UCS-2 is decoded and read', () => {
  const se = replyText(text('se-halebop-ussd-ucs2-hex-sms-tool.txt'))!;
  assert.ok(se.startsWith(' Du har 0,00 kr och 0,99 GB surf kvar.'));
  const r = readBalance(se, 'Du har {money} och {data} surf kvar')!;
  assert.equal([r.money, r.dataBytes], [{ amount: 0, currency: 'kr' }, Math.round(0.99 * GiB)]);
  const ru = replyText(text('ru-mts-ussd-ucs2-hex-sms-tool.txt'))!;
  assert.is(ru, 'Баланс:2220,76р');
  assert.equal(readBalance(ru, 'Баланс:{money}')!.money, { amount: 2220.76, currency: 'р' });
});

balance('mojibake (UCS-2 taken as GSM 7-bit) is unreadable, never a number', () => {
  for (const file of ['uk-o2-ussd-balance.txt', 'es-digi-ussd-data-remaining.txt', 'pl-play-ussd-101-at-cusd.txt', 'ru-mts-ussd-ucs2-hex-sms-tool.txt']) {
    const reply = replyText(text(file)) ?? text(file);
    assert.is(replyText(ucs2AsGsm7Unpacked(reply)), null, `${file}, octet by octet`);
    assert.is(replyText(ucs2AsGsm7Packed(reply)), null, `${file}, as packed septets`);
  }
  for (const file of readdirSync(new URL('../fixtures/modem/operator-texts/', import.meta.url))) {
    assert.is.not(replyText(text(file)), null, `${file} is readable`);
  }
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

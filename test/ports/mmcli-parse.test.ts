import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mmcliModem } from '../../device-daemon/src/ports/modem/mmcli.ts';
import { ModemError } from '../../device-daemon/src/ports/modem/modem-error.ts';
import * as mm from '../../device-daemon/src/ports/modem/mmcli-parse.ts';
import * as msg from '../../device-daemon/src/ports/modem/mmcli-parse-messages.ts';
import { readable, Unreadable } from '../../device-daemon/src/core/unreadable.ts';
import { keyValueToJson } from '../helpers/mmcli-keyvalue.ts';
import { CommandError } from '../../device-daemon/src/ports/runner.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';
import { fakeMmcli } from '../helpers/fake-mmcli.ts';

// The readings, where these captures must give one (the parsers return Unreadable, never throw).
const parseModemList = (j: unknown) => readable(mm.parseModemList(j));
const parseModem = (j: unknown) => readable(mm.parseModem(j));
const parseSignal = (j: unknown) => readable(mm.parseSignal(j));
const parseSim = (j: unknown, own: string | null) => readable(msg.parseSim(j, own));
const parseSmsList = (j: unknown) => readable(msg.parseSmsList(j));
const parseSms = (j: unknown, path: string) => readable(msg.parseSms(j, path));
const parseUssdStatus = (j: unknown) => readable(msg.parseUssdStatus(j));
const { parseUssdReply } = msg;
const { parsePinRetries } = mm;

const fixture = (name: string) => readFileSync(new URL(`../fixtures/modem/${name}`, import.meta.url), 'utf8');
const json = (name: string) => JSON.parse(fixture(name)) as unknown;

const parse = suite('mmcli --output-json parsers on captured outputs');

parse('the modem list gives D-Bus paths', () => {
  assert.equal(parseModemList(json('mmcli-list-modems-rpi4alarm.json')), ['/org/freedesktop/ModemManager1/Modem/0']);
  assert.equal(parseModemList({}), [], 'no modem: the key is missing');
});

parse('a connected 3G Quectel: state, technology, operator, home registration, no own number', () => {
  const m = parseModem(json('mmcli-modem-quectel-em12g-openwisp.json'));
  assert.is(m.state, 'connected');
  assert.is(m.technology, 'hsdpa');
  assert.is(m.operator, 'OperatorName');
  assert.is(m.registration, 'home');
  assert.is(m.roaming, false);
  assert.is(m.simPath, '/org/freedesktop/ModemManager1/SIM/0');
  assert.is(m.ownNumber, null);
});

parse('a roaming Telit on LTE', () => {
  const m = parseModem(json('mmcli-modem-telit-le910c4-orb.json'));
  assert.is(m.state, 'connected');
  assert.is(m.technology, 'lte');
  assert.is(m.operator, 'vodafone.de');
  assert.ok(m.roaming);
});

parse('a failed modem without SIM (values of the Sierra -K capture), with "--" and missing keys', () => {
  const m = parseModem({ modem: { generic: { state: 'failed', 'state-failed-reason': 'sim-missing', 'access-technologies': [], sim: '--' }, '3gpp': { 'operator-name': '--', 'registration-state': '--' } } });
  assert.equal(m, { state: 'sim-missing', operator: null, technology: null, roaming: false, registration: null, simPath: null, ownNumber: null });
  assert.is(parseModem({ modem: {} }).state, 'initializing', 'a modem with no generic section at all is not yet known');
  assert.is(parseModem({ modem: { generic: { state: 'locked', sim: '/' } } }).simPath, null);
  const odd = mm.parseModem({ nothing: 1 });
  assert.instance(odd, Unreadable, 'not a modem output at all');
  assert.match((odd as Unreadable).message, /^mmcli -J -m: unreadable output \(modem: /);
  assert.is((mm.parseModem('{"modem":{"generic":') as Unreadable).why, 'not JSON', 'a cut-off output');
});

parse('states as ModemManager names them: disabled is not searching, locked and failed are kept', () => {
  const state = (s: string, reason = '--') => parseModem({ modem: { generic: { state: s, 'state-failed-reason': reason } } }).state;
  assert.is(state('disabled'), 'disabled');
  assert.is(state('disabling'), 'disabled');
  assert.is(state('enabling'), 'enabling');
  assert.is(state('enabled'), 'enabled');
  assert.is(state('locked'), 'locked');
  assert.is(state('failed', 'unknown-capabilities'), 'failed');
  assert.is(state('failed', 'sim-missing'), 'sim-missing');
  assert.is(state('initializing'), 'initializing');
  assert.is(state('searching'), 'searching');
  assert.is(state('disconnecting'), 'registered');
});

parse('signal figures under a comma-decimal locale', () => {
  assert.equal(parseSignal({ modem: { signal: { lte: { rsrp: '-101,50', rsrq: '-11,00', snr: '3,20', rssi: '-75,00' } } } }), { rsrp: -101.5, rsrq: -11, sinr: 3.2, rssi: -75 });
});

parse('-K captures (read through the -J shape): a searching Quectel with a rejection, a Sierra without SIM, USSD menus', () => {
  const quectel = parseModem(keyValueToJson(fixture('mmcli-K-m-quectel-rm530n-gl-searching-rejected-ceraui.txt')));
  assert.equal(quectel, { state: 'searching', operator: 'TIGO', technology: null, roaming: false, registration: 'searching', simPath: '/org/freedesktop/ModemManager1/SIM/0', ownNumber: '+570000000000' });
  const sierra = parseModem(keyValueToJson(fixture('mmcli-K-m-sierra-em7595-sim-missing-ceraui.txt')));
  assert.equal([sierra.state, sierra.simPath, sierra.registration], ['sim-missing', null, null]);
  const menu = parseUssdStatus(keyValueToJson(fixture('mmcli-K-3gpp-ussd-status-menu-ceraui.txt')))!;
  assert.equal(menu, { text: 'Mi Prepago\n3000000000\n1:Habla y Mensajea\n2:Combos\n3:Paquetes Ilimidatos\n4:Saldo y consumo\n5:Registra la sim a tu nombre\n6:Roaming\n', final: false });
  const sub = parseUssdStatus(keyValueToJson(fixture('mmcli-K-3gpp-ussd-status-submenu-ceraui.txt')))!;
  assert.equal(sub.text.split('\n'), ['1: Consulta Saldo', '2: Consulta tu oferta Prepago', '3: Apagar/Prender Datos', '- - -', '00:inicio', '0:atras']);
  assert.is(sub.final, false, 'a menu waits for the answer');
});

parse('LTE signal: RSRP, RSRQ, SINR (snr) and RSSI as numbers', () => {
  assert.equal(parseSignal(json('mmcli-signal-get-lte-openwisp.json')), { rsrp: -92, rsrq: -9, sinr: 19.2, rssi: -64 });
});

parse('3G signal falls back to UMTS RSCP and leaves LTE-only figures empty', () => {
  assert.equal(parseSignal(json('mmcli-signal-get-umts-openwisp.json')), { rsrp: -96, rsrq: null, sinr: null, rssi: null });
});

parse('a newer signal output with 5g, error-rate and threshold keys, and "--" values', () => {
  assert.equal(parseSignal(json('mmcli-signal-get-telit-orb.json')), { rsrp: -104, rsrq: null, sinr: 2, rssi: -69 });
  assert.equal(parseSignal({ modem: { signal: {} } }), { rsrp: null, rsrq: null, sinr: null, rssi: null });
});

parse('the SIM: ICCID and IMSI; newer keys are ignored', () => {
  assert.equal(parseSim(json('mmcli-sim-orb.json'), null), { iccid: '89883030000000000000', imsi: '295050000000000', ownNumber: null });
});

parse('SMS list and one received SMS', () => {
  const paths = parseSmsList(json('mmcli-messaging-list-sms-rpi4alarm.json'));
  assert.equal(paths, ['/org/freedesktop/ModemManager1/SMS/7']);
  assert.equal(parseSms(json('mmcli-sms-received-rpi4alarm.json'), paths[0]!), {
    id: '7',
    from: '+000000000000',
    text: 'Prova',
    time: '2022-11-07T17:12:36+01:00',
    incoming: true,
  });
});

parse('a USSD reply is the text between the framing quotes, newlines and all; an empty one is empty', () => {
  assert.is(parseUssdReply(fixture('mmcli-3gpp-ussd-initiate-movistar-co-ceraui.txt')), 'Mi Prepago\n3000000000\n1:Habla y Mensajea\n2:Combos\n3:Paquetes Ilimidatos\n4:Saldo y consumo\n5:Registra la sim a tu nombre\n6:Roaming\n');
  assert.is(parseUssdReply(fixture('mmcli-3gpp-ussd-respond-empty-ceraui.txt')), '');
  assert.is(parseUssdReply('error: something else'), null);
  assert.is(parseUssdReply("USSD session initiated; new reply from network: 'It's 5 zl'\n"), "It's 5 zl");
});

parse('the USSD status: a menu waits for an answer; a notification is final', () => {
  assert.equal(parseUssdStatus({ modem: { '3gpp': { ussd: { status: 'user-response', 'network-request': '1: Saldo', 'network-notification': '--' } } } }), { text: '1: Saldo', final: false });
  assert.equal(parseUssdStatus({ modem: { '3gpp': { ussd: { status: 'idle', 'network-request': '--', 'network-notification': 'Saldo 5 zl' } } } }), { text: 'Saldo 5 zl', final: true });
  assert.is(parseUssdStatus({ modem: { '3gpp': { ussd: { status: 'idle' } } } }), null);
});

parse('the PIN tries left come from unlock-retries, and only the SIM PIN counts', () => {
  assert.is(parsePinRetries(json('mmcli-modem-telit-le910c4-orb.json')), 3);
  assert.is(parsePinRetries(json('mmcli-modem-quectel-em12g-openwisp.json')), null, 'only sim-pin2 listed: the modem does not say');
  assert.is(parsePinRetries({ modem: { generic: {} } }), null);
});

parse.run();

// The port against a scripted mmcli that re-enumerates: Modem/0 goes away, Modem/1 appears.
const port = suite('mmcli modem port');

port('finds the modem, sets up signal once, and reads status with LTE figures', async () => {
  const calls: string[][] = [];
  const modem = mmcliModem(
    fakeMmcli({ '-L': fixture('mmcli-list-modems-rpi4alarm.json'), '-m': fixture('mmcli-modem-telit-le910c4-orb.json'), '-m --signal-setup=5': '', '-m --signal-get': fixture('mmcli-signal-get-lte-openwisp.json') }, calls),
  );
  const first = await modem.status();
  await modem.status();
  assert.is(first.state, 'connected');
  assert.is(first.signal.rsrp, -92);
  assert.is(calls.filter((c) => c.includes('--signal-setup=5')).length, 1);
  assert.is(calls.filter((c) => c.includes('-L')).length, 1, 'the modem is looked up once');
});

port('looks the modem up again when its path went stale, once', async () => {
  const calls: string[][] = [];
  const gone = new Set<string>();
  const list = (n: number) => JSON.stringify({ 'modem-list': [`/org/freedesktop/ModemManager1/Modem/${n}`] });
  const handlers: Record<string, string> = { '-L': list(0), '-m': fixture('mmcli-modem-quectel-em12g-openwisp.json'), '-m --signal-setup=5': '', '-m --signal-get': '{"modem":{"signal":{}}}' };
  const modem = mmcliModem(fakeMmcli(handlers, calls, gone));
  await modem.status();
  gone.add('/org/freedesktop/ModemManager1/Modem/0');
  handlers['-L'] = list(1);
  assert.is((await modem.status()).state, 'connected');
  assert.ok(calls.some((c) => c.includes('/org/freedesktop/ModemManager1/Modem/1')));
  gone.add('/org/freedesktop/ModemManager1/Modem/1');
  handlers['-L'] = '{"modem-list":[]}';
  assert.is((await modem.status()).state, 'absent', 'no modem at all: absent, no throw');
});

port('USSD, SMS and PIN commands: argv arrays, values after =, faults named', async () => {
  const calls: string[][] = [];
  const handlers: Record<string, string> = {
    '-L': fixture('mmcli-list-modems-rpi4alarm.json'),
    '-m --3gpp-ussd-initiate=*108#': "USSD session initiated; new reply from network: 'Saldo 5 zl'\n",
    '-m --3gpp-ussd-status': '{"modem":{"3gpp":{"ussd":{"status":"idle","network-request":"--","network-notification":"--"}}}}',
    '-m --messaging-create-sms=number="7202020",text="it\'s me"': 'Successfully created new SMS: /org/freedesktop/ModemManager1/SMS/21\n',
    '-s --send': 'successfully sent the SMS\n',
    '-m': fixture('mmcli-modem-quectel-em12g-openwisp.json'),
  };
  const modem = mmcliModem(fakeMmcli(handlers, calls));
  assert.equal(await modem.ussd('*108#'), { text: 'Saldo 5 zl', final: true });
  await modem.sendSms('7202020', "it's me");
  assert.equal(calls.at(-1), ['mmcli', '-s', '/org/freedesktop/ModemManager1/SMS/21', '--send']);
  assert.ok(calls.every((c) => c[0] === 'mmcli' && c.slice(1).every((a) => !a.startsWith('-') || /^-[-a-zA-Z]/.test(a))));
  try {
    await modem.unlockPin('-1234');
    assert.unreachable();
  } catch (error) {
    assert.instance(error, RangeError, 'a value starting with - never reaches mmcli');
  }
  const locked = mmcliModem({
    async run(argv) {
      throw new CommandError(argv, { kind: 'exit', code: 1 }, '', "error: couldn't initiate USSD session: 'GDBus.Error:org.freedesktop.ModemManager1.Error.MobileEquipment.SimPin: SIM PIN required'\n");
    },
  });
  const fault = await locked.ussdCancel().then(
    () => null,
    (error: ModemError) => error.fault,
  );
  assert.is(fault, 'pin');
});

port('a wrong PIN says how many tries the SIM has left, and when none, that it wants its PUK', async () => {
  let left = 2;
  const modem = mmcliModem({
    async run(argv) {
      if (argv.includes('-L')) return { stdout: fixture('mmcli-list-modems-rpi4alarm.json'), stderr: '', code: 0 };
      if (argv.some((a) => a.startsWith('--pin='))) {
        throw new CommandError(argv, { kind: 'exit', code: 1 }, '', "error: couldn't send PIN code to the SIM: 'GDBus.Error:org.freedesktop.ModemManager1.Error.MobileEquipment.IncorrectPassword: Incorrect password'\n");
      }
      // The modem's own JSON (a captured one), with the tries left after this failure.
      const modemJson = JSON.parse(fixture('mmcli-modem-telit-le910c4-orb.json'));
      modemJson.modem.generic['unlock-retries'] = [`sim-pin (${left})`, 'sim-puk (10)'];
      return { stdout: JSON.stringify(modemJson), stderr: '', code: 0 };
    },
  });
  const failure = (pin: string) => modem.unlockPin(pin).then(() => null, (error: ModemError) => error);
  const wrong = await failure('1111');
  assert.equal([wrong?.fault, wrong?.code, wrong?.params], ['pin', 'wrong-pin', { retries: 2 }]);
  left = 0;
  const last = await failure('2222');
  assert.equal([last?.fault, last?.code], ['pin', 'puk']);
});

port.run();

import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mmcliModem } from '../../device-daemon/src/ports/modem/mmcli.ts';
import { fakeMmcli } from '../helpers/fake-mmcli.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/modem/${name}`, import.meta.url), 'utf8');
const port = suite('mmcli port: the mobile network tools’ argv and answers');

function setup(extra: Record<string, string> = {}) {
  const calls: string[][] = [];
  const handlers: Record<string, string> = {
    '-L': fixture('mmcli-list-modems-rpi4alarm.json'),
    '-m': fixture('mmcli-modem-uz801-1und1-tedge.json'),
    '-i': fixture('mmcli-sim-uz801-1und1-tedge.json'),
    ...extra,
  };
  return { calls, modem: mmcliModem(fakeMmcli(handlers, calls)), handlers };
}
const argvOf = (calls: string[][], flag: string) => calls.find((c) => c.some((a) => a.startsWith(flag)));

port('details: IMEI, tries left, bands, and the SIM’s operator from the SIM', async () => {
  const { modem } = setup();
  const d = await modem.details();
  assert.is(d.imei, '860018040000000');
  assert.is(d.simOperatorCode, '26223');
  assert.equal(d.unlock, { required: null, pinRetries: 3, pukRetries: 10 });
});

port('PUK: mmcli -i SIM --puk=PUK --pin=NEWPIN', async () => {
  const { modem, calls } = setup({ '-i --puk=12345678 --pin=4321': 'successfully sent PUK code to the SIM\n' });
  await modem.unlockPuk('12345678', '4321');
  assert.equal(calls.at(-1), ['mmcli', '-i', '/org/freedesktop/ModemManager1/SIM/0', '--puk=12345678', '--pin=4321']);
});

port('scan, register, bands: ModemManager’s own options, with long timeouts', async () => {
  const scan = JSON.stringify({ modem: { '3gpp': { 'scan-networks': [{ 'operator-code': '26202', 'operator-name': 'Vodafone.de', 'access-technologies': 'lte', availability: 'current' }] } } });
  const { modem, calls } = setup({
    '-m --3gpp-scan --timeout=300': scan,
    '-m --3gpp-register-in-operator=26202': 'successfully registered the modem\n',
    '-m --3gpp-register-home': 'successfully registered the modem\n',
    '-m --set-current-bands=eutran-3|eutran-20': 'successfully set current bands in the modem\n',
    '-m --set-current-bands=any': 'successfully set current bands in the modem\n',
  });
  assert.equal((await modem.scan()).map((n) => n.code), ['26202']);
  assert.equal(argvOf(calls, '--3gpp-scan')!.slice(3), ['-J', '--3gpp-scan', '--timeout=300']);
  await modem.register('26202');
  await modem.register(null);
  await modem.setBands(['eutran-3', 'eutran-20']);
  await modem.setBands(null);
  assert.ok(argvOf(calls, '--3gpp-register-home'));
  assert.equal(argvOf(calls, '--set-current-bands=eutran-3')!.at(-1), '--set-current-bands=eutran-3|eutran-20');
});

port('values that are not an operator code or a band never reach mmcli', async () => {
  const { modem, calls } = setup();
  const before = calls.length;
  for (const bad of [() => modem.register('-26202'), () => modem.register('2620'), () => modem.setBands(['eutran-3|any']), () => modem.setBands(['--help'])]) {
    const error = await bad().then(() => null, (e: Error) => e);
    assert.instance(error, RangeError);
  }
  assert.is(calls.length, before);
});

port('the serving cell: 3GPP location enabled once when it is off, cell info when the modem has it', async () => {
  const off = JSON.stringify({ modem: { location: { '3gpp': { cid: '--', lac: '--', mcc: '--', mnc: '--', tac: '--' } } } });
  const { modem, calls, handlers } = setup({ '-m --location-get': off, '-m --location-enable-3gpp': 'successfully setup location gathering\n' });
  const unknown = await modem.cell();
  assert.is(unknown.cellId, null);
  assert.is(calls.filter((c) => c.includes('--location-enable-3gpp')).length, 1);
  handlers['-m --location-get'] = fixture('mmcli-location-get-orb.json');
  const cell = await modem.cell();
  assert.equal([cell.mcc, cell.mnc, cell.cellId, cell.band], ['262', '03', '0197763E', null], 'no cell info: PCI, EARFCN and band unknown');
  assert.is(calls.filter((c) => c.includes('--location-enable-3gpp')).length, 1, 'enabled once');
});

port.run();

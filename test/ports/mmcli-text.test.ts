// mmcli's human-readable output, which a ModemManager before 1.12 prints instead of
// JSON: read by section and field, rebuilt into the JSON the parsers read, and used
// by the modem port when mmcli refuses -J.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readMmcliText } from '../../device-daemon/src/core/mmcli-text.ts';
import { Unreadable } from '../../device-daemon/src/core/unreadable.ts';
import { mmcliModem } from '../../device-daemon/src/ports/modem/mmcli.ts';
import { parseBearer } from '../../device-daemon/src/ports/modem/mmcli-parse-bearer.ts';
import { parseDetails } from '../../device-daemon/src/ports/modem/mmcli-parse-network.ts';
import { parseModem, parseModemList, parsePinRetries } from '../../device-daemon/src/ports/modem/mmcli-parse.ts';
import { humanAsJson } from '../../device-daemon/src/ports/modem/mmcli-text-json.ts';
import { CommandError, createRunner } from '../../device-daemon/src/ports/runner.ts';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/modem/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(path(name), 'utf8');
const ORANGE = 'mmcli-b-text-old-format-orange-be-ivan-davidkov.txt';
const BEARER = '/org/freedesktop/ModemManager1/Bearer/1';

const text = suite('mmcli human-readable output');

text('the Orange BE capture reads as sections of fields, the quoted DNS pair as two values', () => {
  const read = readMmcliText(fixture(ORANGE));
  assert.not.instance(read, Unreadable);
  if (read instanceof Unreadable) return;
  assert.is(read.title, `Bearer '${BEARER}'`);
  assert.equal(Object.keys(read.sections), ['Status', 'Properties', 'IPv4 configuration', 'IPv6 configuration', 'Stats']);
  assert.equal(read.sections['Status']!['interface'], ['wwp0s20u4']);
  assert.equal(read.sections['IPv4 configuration']!['DNS'], ['212.224.255.252', '212.224.255.254']);
  assert.equal(read.sections['Stats']!['Bytes received'], ['N/A']);
});

text('the Orange BE bearer: connected on wwp0s20u4, static IPv4 with two DNS, no IPv6, statistics not available', () => {
  assert.equal(parseBearer(humanAsJson(['-b', BEARER], fixture(ORANGE))), {
    connected: true,
    interface: 'wwp0s20u4',
    apn: 'mworld.be',
    ipv4: { method: 'static', address: '10.226.10.47', prefix: 24, gateway: '10.226.10.1', dns: ['212.224.255.252', '212.224.255.254'], mtu: null },
    ipv6: null,
    stats: { durationSeconds: 0, rxBytes: null, txBytes: null },
  });
});

text('a bearer that is not connected (before 1.10): no interface, no address, no statistics', () => {
  assert.equal(parseBearer(humanAsJson(['-b', BEARER], fixture('printed/mmcli-b-disconnected-before-1.10.txt'))), {
    connected: false,
    interface: null,
    apn: 'internet',
    ipv4: null,
    ipv6: null,
    stats: { durationSeconds: null, rxBytes: null, txBytes: null },
  });
});

text('the 1.10 layout: bare values, a list split at its commas and continued on the next line', () => {
  const b = parseBearer(humanAsJson(['-b', BEARER], fixture('printed/mmcli-b-connected-1.10.txt')));
  assert.not.instance(b, Unreadable);
  if (b instanceof Unreadable) return;
  assert.equal(b.ipv4, { method: 'static', address: '100.71.12.9', prefix: 29, gateway: '100.71.12.10', dns: ['194.204.159.1', '194.204.152.34'], mtu: 1500 });
  assert.equal(b.ipv6?.dns, ['2a00:f40:0:14::1', '2a00:f40:0:14::2', '2a00:f40:0:15::1', '2a00:f40:0:15::2']);
  assert.is(b.ipv6?.address, '2a00:f41:1c8:5a1::1');
  assert.equal(b.stats, { durationSeconds: 3600, rxBytes: 1024000, txBytes: 204800 });
  assert.is(b.interface, 'wwan0');
});

text('a modem before 1.10: state, technology, operator, SIM and bearer paths as -J would give them', () => {
  const json = humanAsJson(['-m', '/org/freedesktop/ModemManager1/Modem/0'], fixture('printed/mmcli-m-connected-before-1.10.txt'));
  assert.equal(parseModem(json), { state: 'connected', operator: 'Orange B', technology: 'hsdpa', roaming: false, registration: 'home', simPath: '/org/freedesktop/ModemManager1/SIM/0', ownNumber: null });
  assert.equal(parseModemList(humanAsJson(['-L'], fixture('printed/mmcli-L-before-1.10.txt'))), ['/org/freedesktop/ModemManager1/Modem/0']);
  const details = parseDetails(json);
  assert.equal(details instanceof Unreadable ? details : [details.imei, details.model, details.unlock], ['862570020000000', 'E3131', { required: null, pinRetries: 3, pukRetries: 10 }]);
  assert.equal(parseModemList(humanAsJson(['-L'], '\nNo modems were found\n\n')), []);
});

text('1.10 colours the state; the colour codes are not part of the value', () => {
  const out = '  ----------------\n  Status |   state: \x1b[32mconnected\x1b[0m\n';
  assert.is((parseModem(humanAsJson(['-m', '0'], out)) as { state: string }).state, 'connected');
});

text('another layout is unreadable, with the line that does not fit', () => {
  for (const [input, why] of [
    ['', /no "section \| field: value" lines/],
    ["error: couldn't find bearer at '/org/freedesktop/ModemManager1/Bearer/9'\n", /no "section/],
    ['{"bearer":{"status":{"connected":"yes"}}}', /no "section/],
    ["Bearer '/x'\n  Status |   connected: 'yes'\nconnected yes\n", /line 3 is not/],
    ['  Status | just words\n', /line 1 has no "field: value"/],
    ['             |   connected: yes\n', /never named/],
  ] as const) {
    const read = readMmcliText(input);
    assert.instance(read, Unreadable, input);
    assert.match((read as Unreadable).message, why);
    assert.match((read as Unreadable).message, /^mmcli \(human-readable\): unreadable output/);
  }
  assert.instance(humanAsJson(['-m', 'M', '--signal-get'], fixture(ORANGE)), Unreadable);
  assert.instance(humanAsJson(['-L'], 'Found 1 modems:\n'), Unreadable);
});

const human = (name: string) => fixture(`human/${name}`);
const MODEM = ['-m', '/org/freedesktop/ModemManager1/Modem/0'];

text('real 1.10+ layouts: a modem with no SIM reads as sim-missing (MBIM XMM7160 on OpenWrt; Fibocom L850 in low power)', () => {
  for (const name of ['mmcli-m-failed-sim-missing-mbim-xmm7160-luci-issue3586.txt', 'mmcli-m-failed-sim-missing-low-power-l850-xmm7360-issue227.txt']) {
    assert.equal(parseModem(humanAsJson(MODEM, human(name))), { state: 'sim-missing', operator: null, technology: null, roaming: false, registration: null, simPath: null, ownNumber: null }, name);
  }
  const l850 = readMmcliText(human('mmcli-m-failed-sim-missing-low-power-l850-xmm7360-issue227.txt'));
  assert.equal((l850 as { sections: Record<string, Record<string, string[]>> }).sections['Hardware']!['model'], ['L850 LTE Module","L850'], 'a value with quotes inside stays one value');
});

text('real connected modems read connected on LTE: a lone Status section (RM520N, sim-pin2 lock), an EG916Q-GL', () => {
  for (const name of ['mmcli-m-status-section-connected-openmptcprouter-issue3979.txt', 'mmcli-m-connected-lte-eg916q-vamos-pr57.txt']) {
    const m = parseModem(humanAsJson(MODEM, human(name)));
    assert.equal([(m as { state: string }).state, (m as { technology: string }).technology, (m as { operator: string }).operator], ['connected', 'lte', null], name);
  }
  assert.is(parsePinRetries(humanAsJson(MODEM, human('mmcli-m-connected-lte-eg916q-vamos-pr57.txt'))), 3, 'sim-pin (3) among four locks');
});

text('wrapped values in a real capture continue their field: four capability sets, two lines of ports', () => {
  const read = readMmcliText(human('mmcli-m-wrapped-lists-qcom-soc-openstick-issue12.txt'));
  assert.not.instance(read, Unreadable);
  const { sections } = read as { sections: Record<string, Record<string, string[]>> };
  assert.equal(sections['Hardware']!['supported'], ['gsm-umts, lte', 'cdma-evdo, lte', 'lte', 'cdma-evdo, gsm-umts, lte']);
  assert.equal(sections['Hardware']!['current'], ['gsm-umts, lte']);
  assert.is(sections['System']!['ports']!.length, 2);
  assert.is(sections['Hardware']!['firmware revision']![0], 'MPSS.DPM.2.0.2.c1-00178-M8936FAAAANUZM-1D  1  [Nov 04 2016 02:00:00]');
});

text('real mmcli -L of 1.10+: the modems in the order listed', () => {
  assert.equal(parseModemList(humanAsJson(['-L'], human('mmcli-L-one-mbim-luci-issue3586.txt'))), ['/org/freedesktop/ModemManager1/Modem/0']);
  assert.equal(parseModemList(humanAsJson(['-L'], human('mmcli-L-three-rm520n-openmptcprouter-issue3050.txt'))), [1, 0, 2].map((n) => `/org/freedesktop/ModemManager1/Modem/${n}`));
});

text.run();

const port = suite('mmcli port on a ModemManager without --output-json');

/** An mmcli before 1.12 as a real program: -J makes it drop every option and say so. */
function oldMmcli(calls: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'old-mmcli-'));
  const q = (p: string) => `'${p}'`;
  writeFileSync(
    join(dir, 'mmcli'),
    `#!/bin/sh
echo "$*" >> ${q(calls)}
case " $* " in *" -J "*) echo "error: no actions specified" >&2; exit 1 ;; esac
case "$*" in
  "-L") exec cat ${q(path('printed/mmcli-L-before-1.10.txt'))} ;;
  "-m /org/freedesktop/ModemManager1/Modem/0") exec cat ${q(path('printed/mmcli-m-connected-before-1.10.txt'))} ;;
  "-b ${BEARER}") exec cat ${q(path(ORANGE))} ;;
  *--signal-setup=*) echo "successfully setup signal refresh rate"; exit 0 ;;
esac
echo "error: unexpected $*" >&2; exit 1
`,
  );
  chmodSync(join(dir, 'mmcli'), 0o755);
  return dir;
}

port('status and the data connection are read from the human-readable output, and -J is given up after the first refusal', async () => {
  const calls = join(mkdtempSync(join(tmpdir(), 'old-mmcli-calls-')), 'calls');
  writeFileSync(calls, '');
  const saved = process.env.PATH;
  process.env.PATH = `${oldMmcli(calls)}:${saved}`;
  try {
    const modem = mmcliModem(createRunner());
    const status = await modem.status();
    assert.equal({ state: status.state, operator: status.operator, technology: status.technology }, { state: 'connected', operator: 'Orange B', technology: 'hsdpa' });
    const connection = await modem.connection();
    assert.is(connection?.connected, true);
    assert.is(connection?.interface, 'wwp0s20u4');
    assert.equal(connection?.ipv4?.dns, ['212.224.255.252', '212.224.255.254']);
    assert.equal(connection?.stats, { durationSeconds: 0, rxBytes: null, txBytes: null });
    const lines = readFileSync(calls, 'utf8').trim().split('\n');
    // The refused command, then `-J -L` to tell a missing -J from a missing option; never again.
    assert.equal(lines.slice(0, 2), ['-J -L', '-J -L'], lines.join('\n'));
    assert.is(lines.filter((l) => l.split(' ').includes('-J')).length, 2, lines.join('\n'));
    assert.ok(lines.includes(`-b ${BEARER}`), lines.join('\n'));
  } finally {
    process.env.PATH = saved;
  }
});

port('an mmcli with -J that lacks one option (--get-cell-info before 1.20) stays on JSON and says what it lacks', async () => {
  const calls: string[][] = [];
  const modemPath = '/org/freedesktop/ModemManager1/Modem/0';
  const answers: Record<string, string> = {
    '-J -L': fixture('mmcli-list-modems-rpi4alarm.json'),
    [`-m ${modemPath} -J`]: fixture('mmcli-modem-uz801-1und1-tedge.json'),
    [`-m ${modemPath} -J --location-get`]: fixture('mmcli-location-get-orb.json'),
    [`-m ${modemPath} --signal-setup=5`]: 'successfully setup signal refresh rate\n',
    [`-m ${modemPath} -J --signal-get`]: fixture('mmcli-signal-get-lte-openwisp.json'),
  };
  const modem = mmcliModem({
    async run(argv) {
      calls.push([...argv]);
      const out = answers[argv.slice(1).join(' ')];
      // What every mmcli prints for an option it does not know (cli/mmcli.c).
      if (out === undefined) throw new CommandError(argv, { kind: 'exit', code: 1 }, '', 'error: no actions specified\n');
      return { stdout: out, stderr: '', code: 0 };
    },
  });
  const cell = await modem.cell();
  assert.is(cell.mcc, '262', 'the location is read; the cell info is left out');
  const error = await modem.register('26202').then(() => null, (e: Error) => e);
  assert.match(String(error?.message), /does not know --3gpp-register-in-operator=26202/);
  assert.is((await modem.status()).state, 'connected');
  assert.ok(calls.every((c) => c.includes('-J') || c.some((a) => a.startsWith('--'))), 'never the human-readable output');
});

port.run();

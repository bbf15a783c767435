// The Wi-Fi port through the real CommandRunner (execFile, no shell) and the
// real `uci` port, with fake `uci` and `wifi` programs first on PATH that
// record their argv and stdin. User values travel only on stdin, quoted; the
// batch covers both access points and commits; a failed reload writes the old
// values back; and the injection corpus never runs anything.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseUciText, tokenize } from '../../device-daemon/src/core/uci-text.ts';
import { planWifiChange, type WifiChange } from '../../device-daemon/src/core/wifi-change.ts';
import { readWifiNetworks } from '../../device-daemon/src/core/wifi-networks.ts';
import { createRunner } from '../../device-daemon/src/ports/runner.ts';
import { SEED_WIRELESS } from '../../device-daemon/src/ports/sim/seed-wireless.ts';
import { cliUci } from '../../device-daemon/src/ports/uci/cli.ts';
import { uciWireless } from '../../device-daemon/src/ports/wifi/wireless.ts';
import { HOSTILE, injections } from '../helpers/hostile.ts';

const cli = suite('Wi-Fi over the uci command (fake uci on PATH)');

function fakeTools(wifiExit: number) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-uci-'));
  writeFileSync(join(dir, 'wireless'), SEED_WIRELESS);
  const script = (body: string) => `#!/bin/sh\nprintf '%s\\n' "$0 $*" >> '${dir}/argv'\n${body}\n`;
  writeFileSync(join(dir, 'uci'), script(`case "$1 $2" in\n  "-q export") cat '${dir}/wireless' ;;\n  "batch ") cat >> '${dir}/stdin'; echo '--' >> '${dir}/stdin' ;;\nesac`));
  writeFileSync(join(dir, 'wifi'), script(`exit ${wifiExit}`));
  chmodSync(join(dir, 'uci'), 0o755);
  chmodSync(join(dir, 'wifi'), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${dir}:${path}`;
  const runner = createRunner();
  const port = uciWireless(cliUci(runner), async () => void (await runner.run(['wifi', 'reload'])));
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
  return {
    port,
    argv: () => read('argv').trim().split('\n').map((l) => l.slice(l.lastIndexOf('/') + 1)),
    batches: () => read('stdin').split('--\n').filter(Boolean),
    done() {
      process.env.PATH = path;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The commands a change of every access point of the seeded file is planned as. */
function planned(change: Omit<WifiChange, 'networks'>) {
  const plan = planWifiChange(readWifiNetworks(parseUciText('wireless', SEED_WIRELESS)), { networks: 'all', ...change });
  if (!plan.ok) throw new Error(plan.message);
  return plan.commands;
}

/** The values a batch sets, read back with the tokenizer of UCI's grammar. */
function sets(batch: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of batch.trim().split('\n')) {
    const [op, assignment, ...rest] = tokenize(line, 1);
    assert.is(rest.length, 0, `one argument in: ${line}`);
    if (op === 'set') out[assignment!.slice(0, assignment!.indexOf('='))] = assignment!.slice(assignment!.indexOf('=') + 1);
  }
  return out;
}

cli('one batch on stdin sets both access points and commits; argv holds no user data', async () => {
  const t = fakeTools(0);
  try {
    const ssid = HOSTILE.slice(0, 8).join('');
    const apply = await t.port.write(planned({ ssid, key: `'"\\\`$;#&| x`, security: 'sae', maxClients: 20 }));
    await apply();
    // The second export is the uci port's own check before a batch (deletes of what is absent).
    assert.equal(t.argv(), ['uci -q export wireless', 'uci -q export wireless', 'uci batch', 'wifi reload']);
    const [batch] = t.batches();
    assert.match(batch!, /\ncommit wireless\n$/);
    const values = sets(batch!);
    for (const ap of ['default_radio0', 'default_radio1']) {
      assert.is(values[`wireless.${ap}.ssid`], ssid);
      assert.is(values[`wireless.${ap}.key`], `'"\\\`$;#&| x`);
      assert.is(values[`wireless.${ap}.encryption`], 'sae');
      assert.is(values[`wireless.${ap}.maxassoc`], '20');
    }
  } finally {
    t.done();
  }
});

cli('a failed wifi reload sends a second batch with the previous values, reloads and throws', async () => {
  const t = fakeTools(1);
  try {
    const apply = await t.port.write(planned({ ssid: 'New', key: 'password1', security: 'psk2' }));
    const error = await apply().then(() => null, (e: Error) => e);
    assert.match(String(error?.message), /wifi reload/);
    const [, restore] = t.batches();
    const values = sets(restore!);
    assert.is(values['wireless.default_radio0.ssid'], 'Modem-2G');
    assert.is(values['wireless.default_radio1.key'], 'change-me-2g');
    assert.equal(t.argv().filter((a) => a === 'wifi reload').length, 2);
  } finally {
    t.done();
  }
});

cli('the injection corpus is stored literally (or refused) and runs nothing', async () => {
  const t = fakeTools(0);
  const marker = join(tmpdir(), `uci-marker-${process.pid}`);
  try {
    for (const attack of injections(marker)) {
      const apply = await Promise.resolve().then(() => t.port.write(planned({ ssid: attack, key: attack, security: 'psk2' }))).catch((e: Error) => e);
      if (apply instanceof Error) {
        assert.match(apply.message, /newline/, `${JSON.stringify(attack)} refused only for its newline`);
        continue;
      }
      await apply();
      assert.is(sets(t.batches().at(-1)!)['wireless.default_radio0.ssid'], attack);
    }
    assert.ok(t.argv().every((a) => ['uci -q export wireless', 'uci batch', 'wifi reload'].includes(a)));
    assert.not.ok(existsSync(marker));
  } finally {
    t.done();
  }
});

cli.run();

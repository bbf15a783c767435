// The OpenWrt system port with the real runner where the command runs here (ping
// on loopback), and a recording stand-in for the router-only ones (logread,
// nslookup, firstboot, reboot).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { pingStep } from '../../device-daemon/src/core/connectivity.ts';
import { createRunner } from '../../device-daemon/src/ports/runner.ts';
import { openwrtSystem } from '../../device-daemon/src/ports/system/openwrt.ts';
import { readVersions } from '../../device-daemon/src/ports/system/versions.ts';
import type { CommandRunner } from '../../device-daemon/src/ports/types.ts';
import { missing } from '../helpers/requires.ts';

const port = suite('the OpenWrt system port: argv arrays through the runner, files it reads');
const dir = mkdtempSync(join(tmpdir(), 'system-port-'));

function recording(real: CommandRunner) {
  const calls: string[][] = [];
  const runner: CommandRunner = {
    run(argv, options) {
      calls.push([...argv]);
      if (argv[0] === 'ping') return real.run(argv, options);
      if (argv[0] === 'logread') return Promise.resolve({ stdout: 'Sun Nov 29 16:11:01 2026 daemon.info node[2210]: started\n', stderr: '', code: 0 });
      return Promise.resolve({ stdout: '', stderr: '', code: 0 });
    },
  };
  return { calls, runner };
}

const noPing = missing({ commands: ['ping'] });
if (noPing) console.log(`the ping test is skipped: ${noPing} (Debian: iputils-ping)`);

(noPing ? port.skip : port)('ping of loopback really runs, with an argv array, and reads as answered', async () => {
  const { calls, runner } = recording(createRunner());
  const system = openwrtSystem(runner, { wanDevice: 'lo', stateDir: dir });
  const out = await system.ping('127.0.0.1');
  assert.equal(calls[0], ['ping', '-c', '3', '-W', '2', '127.0.0.1']);
  assert.ok(out.ok);
  assert.is(pingStep('127.0.0.1', out.output).summary.startsWith('127.0.0.1 answered 3 of 3'), true);
});

port('a target that would read as an option never reaches a command', async () => {
  const { calls, runner } = recording(createRunner());
  const system = openwrtSystem(runner, { wanDevice: 'lo', stateDir: dir });
  for (const attempt of [() => system.ping('-f'), () => system.lookup('example.com', '-port=1')]) {
    const error = await attempt().then(() => null, (e: Error) => e);
    assert.instance(error, RangeError);
  }
  assert.equal(calls, []);
});

port('factory reset is firstboot -y then reboot; the log is the whole logread buffer', async () => {
  const { calls, runner } = recording(createRunner());
  const system = openwrtSystem(runner, { wanDevice: 'lo', stateDir: dir });
  await system.factoryReset();
  assert.equal(calls, [['firstboot', '-y'], ['reboot']]);
  assert.equal(await system.logs(), ['Sun Nov 29 16:11:01 2026 daemon.info node[2210]: started']);
  await system.lookup('downloads.openwrt.org', '10.74.210.210');
  assert.equal(calls.at(-1), ['nslookup', 'downloads.openwrt.org', '10.74.210.210']);
});

port('versions come from /etc/openwrt_release, opkg’s control file and the board’s model', async () => {
  // The release file as OpenWrt 24.10.0 writes it (openwrt/openwrt package/base-files/files/etc/openwrt_release, filled in).
  writeFileSync(join(dir, 'release'), "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='24.10.0'\nDISTRIB_REVISION='r28427-6df0e3d02a'\nDISTRIB_TARGET='mediatek/filogic'\nDISTRIB_ARCH='aarch64_cortex-a53'\nDISTRIB_DESCRIPTION='OpenWrt 24.10.0 r28427-6df0e3d02a'\nDISTRIB_TAINTS=''\n");
  writeFileSync(join(dir, 'control'), 'Package: modem-admin\nVersion: 0.1.0-2\nDepends: libc, node\n');
  writeFileSync(join(dir, 'model'), 'Zbtlink ZBT-Z8102AX\n');
  assert.equal(await readVersions({ release: join(dir, 'release'), control: join(dir, 'control'), model: join(dir, 'model') }), {
    model: 'Zbtlink ZBT-Z8102AX',
    firmware: 'OpenWrt 24.10.0 r28427-6df0e3d02a',
    packageVersion: '0.1.0-2',
  });
  const none = await readVersions({ release: join(dir, 'x'), control: join(dir, 'y'), model: join(dir, 'z') });
  assert.equal([none.model, none.firmware], [null, null]);
});

port('facts: uptime from /proc and free space on the state directory', async () => {
  const system = openwrtSystem(recording(createRunner()).runner, { wanDevice: 'lo', stateDir: dir });
  const facts = await system.facts();
  assert.ok(facts.uptimeSeconds! > 0);
  assert.ok(facts.freeBytes! > 0);
  assert.is(facts.wanAddress, '127.0.0.1');
});

port.run();

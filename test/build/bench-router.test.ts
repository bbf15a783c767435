// The benchmark's router setting: node gets the init script's V8 flags, and the
// stand-in uci and mmcli answer the daemon's real ports as a connected router
// would, so the bench measures the openwrt code path and not error handling.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { initScriptV8Flags, writeStandIns } from '../../build/bench-router.ts';
import { readConfig } from '../../device-daemon/src/core/config.ts';
import { mmcliModem } from '../../device-daemon/src/ports/modem/mmcli.ts';
import { createRunner } from '../../device-daemon/src/ports/runner.ts';
import { cliUci } from '../../device-daemon/src/ports/uci/cli.ts';

const bench = suite('bench router setting');

bench('the V8 flags are the ones procd passes, with max_heap_mb at its default of 48', () => {
  assert.equal(initScriptV8Flags(), ['--max-old-space-size=48', '--max-semi-space-size=2']);
});

bench('a changed default in the init script changes the flags the bench uses', () => {
  const script = 'config_get heap_mb main max_heap_mb 32\nprocd_set_param command "$PROG" \\\n\t--max-old-space-size="$heap_mb" --max-semi-space-size=1 \\\n';
  assert.equal(initScriptV8Flags(script), ['--max-old-space-size=32', '--max-semi-space-size=1']);
});

bench('an init script without V8 flags is an error, not a bench of the wrong thing', () => {
  assert.throws(() => initScriptV8Flags('procd_set_param command "$PROG" "$DAEMON"\n'), /cannot read the V8 flags/);
});

bench('the real uci port reads the shipped config through the stand-in', async () => {
  const dir = writeStandIns();
  const saved = process.env.PATH;
  process.env.PATH = `${dir}:${saved}`;
  try {
    const config = readConfig(await cliUci(createRunner()).show('modem-admin'));
    assert.is(config.daemon.wan_device, 'wwan0');
    assert.is(config.plan.throttle_down_kbit, 64);
    const firewall = await cliUci(createRunner()).show('firewall');
    assert.ok(Object.values(firewall).length > 0, 'firewall4 defaults are read');
  } finally {
    process.env.PATH = saved;
  }
});

bench('the real mmcli port sees a connected modem with a signal through the stand-in', async () => {
  const dir = writeStandIns();
  const saved = process.env.PATH;
  process.env.PATH = `${dir}:${saved}`;
  try {
    const status = await mmcliModem(createRunner()).status();
    assert.is(status.state, 'connected', JSON.stringify(status));
    assert.ok(status.signal.rsrp !== null || status.signal.rssi !== null, JSON.stringify(status.signal));
  } finally {
    process.env.PATH = saved;
  }
});

bench.run();

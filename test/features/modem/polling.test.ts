// The 1 s tick asks the modem every 5 s (each read spawns mmcli on the router),
// and at every tick while an installer's signal meter is open.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

const polling = suite('modem polling');

polling('the modem is read every 5 s, and every second while a signal meter is open', async () => {
  const t = await testApp();
  let reads = 0;
  const status = t.ports.modem.status.bind(t.ports.modem);
  t.ports.modem.status = async () => {
    reads++;
    return status();
  };
  const ticks = async (n: number) => {
    for (let i = 0; i < n; i++) {
      t.advance(1000);
      await t.runtime.tick();
    }
  };
  await ticks(10);
  assert.ok(reads >= 1 && reads <= 3, `${reads} reads in 10 s without a meter`);
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const res = await t.request('/api/signal/events', { cookie: installer.cookie });
  assert.is(res.status, 200);
  const reader = res.body!.getReader();
  // The meter's first frame comes with the next tick.
  const first = reader.read();
  await ticks(1);
  await first;
  reads = 0;
  await ticks(5);
  assert.is(reads, 5, 'every tick while the meter is open');
  await reader.cancel();
  await new Promise((r) => setTimeout(r, 10));
  reads = 0;
  await ticks(10);
  assert.ok(reads <= 3, `${reads} reads in 10 s after the meter closed`);
});

polling.run();

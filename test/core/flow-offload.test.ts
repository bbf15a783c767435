import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flowOffloading } from '../../device-daemon/src/core/flow-offload.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';
import { applyUci } from '../../device-daemon/src/ports/uci/apply.ts';

const offload = suite('flow offloading');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/uci/${name}`, import.meta.url), 'utf8');

offload('firewall4 as shipped has no offloading', () => {
  assert.is(flowOffloading(parseUciText('firewall', fixture('etc-config-firewall-default-firewall4.txt'))), 'none');
});

offload('software and hardware offloading from the defaults section', () => {
  const text = (sw: string, hw: string) => `config defaults\n\toption flow_offloading '${sw}'\n\toption flow_offloading_hw '${hw}'\n`;
  assert.is(flowOffloading(parseUciText('firewall', text('1', '0'))), 'software');
  assert.is(flowOffloading(parseUciText('firewall', text('1', '1'))), 'hardware');
  assert.is(flowOffloading(parseUciText('firewall', text('0', '1'))), 'none');
});

offload('the values `uci -q get firewall.@defaults[0].flow_offloading(_hw)` printed on a router (both 1) read as hardware offloading', () => {
  // The capture is a shell session: a prompt line with the command, then uci's answer.
  const lines = fixture('uci-get-firewall-flow-offloading-openwrt-pr24178.txt').trim().split('\n');
  const answers = lines.flatMap((line, i) => {
    const m = /# uci -q get (firewall\.@defaults\[0\]\.\w+)$/.exec(line);
    return m ? [{ op: 'set' as const, path: m[1]!, value: lines[i + 1]!.trim() }] : [];
  });
  assert.equal(answers.map((a) => [a.path, a.value]), [['firewall.@defaults[0].flow_offloading', '1'], ['firewall.@defaults[0].flow_offloading_hw', '1']]);
  const shipped = parseUciText('firewall', fixture('etc-config-firewall-default-firewall4.txt'));
  assert.is(flowOffloading(applyUci(shipped, answers)), 'hardware');
});

offload.run();

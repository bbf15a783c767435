import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flowOffloading } from '../../device-daemon/src/core/flow-offload.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';

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

offload.run();

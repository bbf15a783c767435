// `uci show` / `uci -X show` output, on captured firewall outputs, and the
// writer (`uci batch` lines): every hostile value read back by the same
// tokenizer libuci's grammar uses comes out byte for byte.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseUciShow } from '../../device-daemon/src/core/uci-show.ts';
import { parseUciText, renderUciText, tokenize } from '../../device-daemon/src/core/uci-text.ts';
import { batchLine } from '../../device-daemon/src/ports/uci/cli-batch.ts';
import { HOSTILE } from '../helpers/hostile.ts';

const show = suite('uci show');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/wifi/${name}`, import.meta.url), 'utf8');


show('parses uci show firewall: @type[N] sections, quoted values', () => {
  const pkg = parseUciShow('firewall', fixture('uci-show-firewall-partial-qosmate-issue91.txt'));
  assert.equal(
    pkg.sections.map((s) => [s.name, s.type, s.anonymous]),
    [
      ['@defaults[0]', 'defaults', true],
      ['@zone[0]', 'zone', true],
    ],
  );
  assert.is(pkg.sections[0]!.options.flow_offloading_hw, '1');
  assert.equal(pkg.sections[1]!.options, { name: 'lan', network: 'lan', input: 'ACCEPT' });
});

show('parses uci -X show: the cfgXXXXXX name of an anonymous section', () => {
  const text = `firewall.cfg01e63d=defaults\n${fixture('uci-show-firewall-defaults-grep-flow-openwrt-pr22533.txt')}`;
  const pkg = parseUciShow('firewall', text);
  assert.equal(pkg.sections, [{ type: 'defaults', name: 'cfg01e63d', anonymous: true, options: { flow_offloading: '1' } }]);
});

show('lists print as several quoted words; a value with a newline runs over lines', () => {
  const pkg = parseUciShow('wireless', `wireless.ap=wifi-iface\nwireless.ap.maclist='aa' 'b b'\nwireless.ap.note='one\ntwo'\nwireless.ap.ssid='it'\\''s'\n`);
  assert.equal(pkg.sections[0]!.options, { maclist: ['aa', 'b b'], note: 'one\ntwo', ssid: "it's" });
});

show('refuses lines of another package and options of unknown sections', () => {
  assert.throws(() => parseUciShow('wireless', "network.lan=interface\n"), /line 1/);
  assert.throws(() => parseUciShow('wireless', "wireless.x.ssid='a'\n"), /unknown section/);
});

show('the writer: each hostile value survives a uci batch line, the config file and uci show', () => {
  for (const value of HOSTILE) {
    const line = batchLine({ op: 'set', path: 'wireless.default_radio0.ssid', value });
    const [op, assignment, ...rest] = tokenize(line, 1);
    assert.is(op, 'set');
    assert.is(rest.length, 0, `one argument: ${line}`);
    assert.is(assignment, `wireless.default_radio0.ssid=${value}`);
    const file = renderUciText({ name: 'wireless', sections: [{ type: 'wifi-iface', name: 'default_radio0', anonymous: false, options: { ssid: value } }] });
    assert.is(parseUciText('wireless', file).sections[0]!.options.ssid, value);
    const shown = `wireless.default_radio0=wifi-iface\nwireless.default_radio0.ssid=${line.slice(line.indexOf('=') + 1)}\n`;
    assert.is(parseUciShow('wireless', shown).sections[0]!.options.ssid, value);
  }
});

show('the writer refuses newlines, carriage returns and NUL', () => {
  for (const value of ['a\nb', 'a\rb', 'a\0b']) assert.throws(() => batchLine({ op: 'set', path: 'wireless.x.ssid', value }));
});

show.run();

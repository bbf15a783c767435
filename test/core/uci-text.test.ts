import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseUciText, renderUciText, UciSyntaxError } from '../../device-daemon/src/core/uci-text.ts';
import { applyUci } from '../../device-daemon/src/ports/uci/apply.ts';

const uci = suite('UCI config text');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/uci/${name}`, import.meta.url), 'utf8');

uci('parses the default firewall4 config: named and anonymous sections, options and lists', () => {
  const pkg = parseUciText('firewall', fixture('etc-config-firewall-default-firewall4.txt'));
  const zones = pkg.sections.filter((s) => s.type === 'zone');
  assert.is(zones.length, 2);
  assert.is(zones[0]!.name, '@zone[0]');
  assert.is(zones[0]!.options.name, 'lan');
  assert.equal(zones[1]!.options.network, ['wan', 'wan6']);
  const defaults = pkg.sections.find((s) => s.type === 'defaults')!;
  assert.is(defaults.options.flow_offloading, undefined);
});

uci('parses the wireless config of a dual-band router (8-space indent as published)', () => {
  const pkg = parseUciText('wireless', fixture('etc-config-wireless-openwrt-issue16642.txt'));
  const aps = pkg.sections.filter((s) => s.type === 'wifi-iface');
  assert.ok(aps.length >= 2);
  assert.ok(aps.every((s) => typeof s.options.device === 'string'));
});

uci('quotes: single, double with escapes, glued pieces, and comments', () => {
  const pkg = parseUciText('x', `config t 'n'\n\toption a 'it'\\''s'\n\toption b "say \\"hi\\""\n\toption c bare # comment\n\toption d '#not a comment'\n`);
  assert.equal(pkg.sections[0]!.options, { a: "it's", b: 'say "hi"', c: 'bare', d: '#not a comment' });
});

uci('render then parse gives back every value byte for byte', () => {
  const values = [`it's`, `"double"`, 'back\\slash', '`tick` $(x) ;|&', 'zażółć 🚀', '  spaces  ', ''];
  const pkg = { name: 'x', sections: [{ type: 't', name: 'n', anonymous: false, options: { list: values, one: values.join('') } }] };
  assert.equal(parseUciText('x', renderUciText(pkg)).sections[0]!.options, pkg.sections[0]!.options);
});

uci('syntax errors name the line', () => {
  assert.throws(() => parseUciText('x', `config t 'n'\n\toption a 'open`), (e: unknown) => e instanceof UciSyntaxError && e.line === 2);
  assert.throws(() => parseUciText('x', `\toption a 'b'`), /outside a section/);
  assert.throws(() => parseUciText('x', `config t 'n'\n\tfrobnicate a b`), /unknown keyword/);
});

uci('batch semantics: set, add_list, del_list, delete, and @type[index] addressing', () => {
  const pkg = parseUciText('wireless', fixture('etc-config-wireless-openwrt-issue16642.txt'));
  const next = applyUci(pkg, [
    { op: 'set', path: 'wireless.@wifi-iface[0].ssid', value: 'New' },
    { op: 'set', path: 'wireless.@wifi-iface[-1].key', value: "k'ey" },
    { op: 'add_list', path: 'wireless.@wifi-iface[0].maclist', value: 'aa:bb:cc:dd:ee:ff' },
    { op: 'set', path: 'wireless.guest', value: 'wifi-iface' },
    { op: 'set', path: 'wireless.guest.ssid', value: 'Guest' },
    { op: 'delete', path: 'wireless.@wifi-iface[0].maclist' },
  ]);
  const aps = next.sections.filter((s) => s.type === 'wifi-iface');
  assert.is(aps[0]!.options.ssid, 'New');
  assert.is(aps[0]!.options.maclist, undefined);
  assert.is(aps.at(-1)!.options.ssid, 'Guest');
  assert.is(aps.at(-2)!.options.key, "k'ey");
  assert.throws(() => applyUci(pkg, [{ op: 'set', path: 'wireless.nosuch.ssid', value: 'x' }]), /no section/);
  assert.throws(() => applyUci(pkg, [{ op: 'set', path: 'wireless.@wifi-iface[0].ssid', value: 'a\nb' }]), /newline/);
});

uci.run();

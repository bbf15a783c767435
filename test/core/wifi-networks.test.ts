// Wi-Fi as OpenWrt writes it, read from real /etc/config/wireless files, and
// changes planned for one band or all of them.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { UciCommand } from '../../device-daemon/src/core/device-data.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';
import { planWifiChange, type WifiChange } from '../../device-daemon/src/core/wifi-change.ts';
import { readWifiNetworks, sameOnAllBands, securityOf } from '../../device-daemon/src/core/wifi-networks.ts';

const file = (name: string) => parseUciText('wireless', readFileSync(new URL(`../fixtures/wifi/${name}`, import.meta.url), 'utf8'));
const open = () => file('etc-config-wireless-openwrt-issue16642.txt');
const hwmode = () => file('etc-config-wireless-hwmode-sae-openwrt-devel-2019.txt');
const mlo = () => file('etc-config-wireless-mlo-z8803be.txt');
const brief = (pkg: ReturnType<typeof file>) => readWifiNetworks(pkg).map((n) => [n.id, n.bands, n.ssid, n.security, n.mlo, n.editable]);

const read = suite('Wi-Fi networks read from /etc/config/wireless');

read('an open network reads as open, not WPA2, and the station interface is no access point', () => {
  assert.equal(brief(open()), [
    ['default_radio0', ['2.4 GHz'], 'OpenWrt', 'none', false, true],
    ['default_radio1', ['5 GHz'], 'OpenWrt', 'none', false, true],
  ]);
});

read('radios described by hwmode only (before 21.02), with a different name per band', () => {
  assert.equal(brief(hwmode()), [
    ['default_radio0', ['5 GHz'], 'WIFI1', 'sae', false, true],
    ['default_radio1', ['2.4 GHz'], 'WIFI2', 'sae-mixed', false, true],
  ]);
  assert.is(sameOnAllBands(readWifiNetworks(hwmode())), false);
  assert.is(sameOnAllBands(readWifiNetworks(open())), true);
});

read('a Wi-Fi 7 multi-link interface spans the radios its device lists', () => {
  assert.equal(brief(mlo()), [
    ['default_radio0', ['2.4 GHz'], 'OpenWrt', 'sae-mixed', false, true],
    ['mlo_ap', ['5 GHz', '6 GHz'], 'MLO WIFI', 'sae', true, true],
  ]);
});

read('disabled interfaces, and interfaces on disabled radios, do not count', () => {
  const pkg = hwmode();
  pkg.sections.find((s) => s.name === 'default_radio1')!.options.disabled = '1';
  assert.equal(readWifiNetworks(pkg).map((n) => n.id), ['default_radio0']);
  const off = mlo();
  off.sections.find((s) => s.name === 'radio0')!.options.disabled = '1';
  off.sections.find((s) => s.name === 'radio2')!.options.disabled = '1';
  assert.equal(brief(off), [['mlo_ap', ['5 GHz'], 'MLO WIFI', 'sae', true, true]], 'the multi-link network stays on air on its live radio');
});

read('every encryption OpenWrt writes', () => {
  const cases: Record<string, string> = {
    '': 'none', none: 'none', open: 'none', owe: 'owe', psk: 'psk', 'psk+tkip': 'psk', 'psk-mixed': 'psk-mixed', 'psk-mixed+tkip+ccmp': 'psk-mixed',
    psk2: 'psk2', 'psk2+ccmp': 'psk2', sae: 'sae', 'sae-mixed': 'sae-mixed', wpa: 'enterprise', wpa2: 'enterprise', 'wpa2+ccmp': 'enterprise',
    wpa3: 'enterprise', 'wpa3-mixed': 'enterprise', 'wpa3-192': 'enterprise', 'wpa-mixed': 'enterprise', 'wep-open': 'wep', 'wep-shared': 'wep', tkip: 'unknown',
  };
  for (const [encryption, security] of Object.entries(cases)) assert.is(securityOf(encryption), security, encryption);
});

read('an enterprise network is shown and cannot be changed', () => {
  const pkg = open();
  pkg.sections.find((s) => s.name === 'default_radio1')!.options.encryption = 'wpa2';
  const [, eap] = readWifiNetworks(pkg);
  assert.equal([eap!.security, eap!.editable], ['enterprise', false]);
  const plan = planWifiChange(readWifiNetworks(pkg), { networks: ['default_radio1'], ssid: 'x', key: 'password1', security: 'psk2' });
  assert.equal(plan.ok ? null : plan.field, 'networks');
  const all = planWifiChange(readWifiNetworks(pkg), { networks: 'all', ssid: 'x', key: 'password1', security: 'psk2' });
  assert.ok(all.ok && all.commands.every((c) => c.path.startsWith('wireless.default_radio0.')), '"all" leaves it alone');
});

read.run();

read('an access point with disabled 1 is not on the air: OpenWrt 25.10 with only a disabled OWE network on 6 GHz', () => {
  assert.equal(brief(file('etc-config-wireless-owe-6g-iface-disabled-openwisp-config-issue272.txt')), []);
});

read('first boot on a Wi-Fi 7 router: every radio disabled, so no network; switched on, its encryption open reads as open', () => {
  const text = readFileSync(new URL('../fixtures/wifi/etc-config-wireless-first-boot-radios-disabled-open-partial-openwrt-pr21313.txt', import.meta.url), 'utf8');
  assert.equal(brief(parseUciText('wireless', text)), []);
  const on = parseUciText('wireless', text.replace(/\toption disabled '1'\n/g, ''));
  assert.equal(brief(on), [
    ['default_radio0', ['2.4 GHz'], 'OpenWrt', 'none', false, true],
    ['default_radio1', ['5 GHz'], 'OpenWrt', 'none', false, true],
  ]);
});

read('radios half old (hwmode only) and half new (band): the one access point is open on 5 GHz, its stale key notwithstanding', () => {
  assert.equal(brief(file('etc-config-wireless-hwmode-and-band-mixed-luci-issue5951.txt')), [['default_radio1', ['5 GHz'], 'OpenWrt', 'none', false, true]]);
});

read('enterprise (wpa2 with a RADIUS or built-in EAP server) is shown and not editable', () => {
  assert.equal(brief(file('etc-config-wireless-enterprise-ifaces-openwrt-pr16112.txt')), [
    ['enterprise1', [], 'openwrt', 'enterprise', false, false],
    ['enterprise2', [], 'openwrt', 'enterprise', false, false],
  ]);
});

const change = suite('Wi-Fi changes planned per band');
const sets = (commands: UciCommand[]) => Object.fromEntries(commands.map((c) => [c.path, c.op === 'delete' ? null : c.value]));
const plan = (pkg: ReturnType<typeof file>, c: WifiChange) => {
  const p = planWifiChange(readWifiNetworks(pkg), c);
  if (!p.ok) throw new Error(`${p.field}: ${p.message}`);
  return sets(p.commands);
};

change('saving one band touches only that band', () => {
  const s = plan(hwmode(), { networks: ['default_radio1'], ssid: 'Home 2.4', key: 'another-pass', security: 'sae-mixed' });
  assert.equal(s, { 'wireless.default_radio1.ssid': 'Home 2.4', 'wireless.default_radio1.encryption': 'sae-mixed', 'wireless.default_radio1.key': 'another-pass' });
});

change('"same on all bands" is asked for, and then sets every band', () => {
  const s = plan(hwmode(), { networks: 'all', ssid: 'Home', security: 'sae-mixed' });
  assert.is(s['wireless.default_radio0.ssid'], 'Home');
  assert.is(s['wireless.default_radio1.ssid'], 'Home');
  assert.is(s['wireless.default_radio0.key'], '1111111111111111', 'without a key each band keeps its own');
});

change('an unchanged security keeps its ciphers; open and OWE carry no key', () => {
  const pkg = open();
  pkg.sections.find((s) => s.name === 'default_radio0')!.options.encryption = 'psk2+ccmp';
  pkg.sections.find((s) => s.name === 'default_radio0')!.options.key = 'password1';
  assert.is(plan(pkg, { networks: ['default_radio0'], ssid: 'x', security: 'psk2' })['wireless.default_radio0.encryption'], 'psk2+ccmp');
  assert.is(plan(pkg, { networks: ['default_radio0'], ssid: 'x', security: 'owe' })['wireless.default_radio0.key'], null);
  assert.not.ok('wireless.default_radio1.key' in plan(pkg, { networks: ['default_radio1'], ssid: 'x', security: 'none' }), 'nothing to delete');
  const keyless = planWifiChange(readWifiNetworks(open()), { networks: ['default_radio1'], ssid: 'x', security: 'psk2' });
  assert.equal(keyless.ok ? null : keyless.field, 'key', 'an open network given WPA2 needs a password');
  assert.equal(keyless.ok ? null : keyless.code, 'keyNeeded');
});

change('6 GHz and multi-link take only WPA3: WPA2/WPA3 applies SAE there, WPA2 is refused with the reason', () => {
  const s = plan(mlo(), { networks: 'all', ssid: 'Home', key: 'password1', security: 'sae-mixed' });
  assert.equal([s['wireless.default_radio0.encryption'], s['wireless.mlo_ap.encryption']], ['sae-mixed', 'sae']);
  for (const security of ['psk2', 'psk-mixed', 'none', 'owe'] as const) {
    const refused = planWifiChange(readWifiNetworks(mlo()), { networks: 'all', ssid: 'Home', key: 'password1', security });
    assert.equal(refused.ok ? null : refused.field, 'security', security);
    assert.match(refused.ok ? '' : refused.message, /only WPA3/);
    assert.equal(refused.ok ? null : [refused.code, refused.params.bands], ['wpa3Only', '6 GHz'], 'the page is told why, to word it');
  }
  const sixOnly = mlo();
  const ap = sixOnly.sections.find((x) => x.name === 'mlo_ap')!;
  ap.options.device = 'radio2';
  delete ap.options.mlo;
  assert.is(plan(sixOnly, { networks: ['mlo_ap'], ssid: 'Six', security: 'owe' })['wireless.mlo_ap.encryption'], 'owe', 'OWE is allowed on 6 GHz');
  const psk = planWifiChange(readWifiNetworks(sixOnly), { networks: ['mlo_ap'], ssid: 'Six', security: 'psk2' });
  assert.match(psk.ok ? '' : psk.message, /^6 GHz allows only WPA3 or OWE/);
  assert.equal(psk.ok ? null : [psk.code, psk.params.bands], ['wpa3OrOwe', '6 GHz']);
});

change('an unknown network is named in the refusal', () => {
  const p = planWifiChange(readWifiNetworks(open()), { networks: ['nope'], ssid: 'x', security: 'none' });
  assert.equal(p.ok ? null : [p.field, p.message], ['networks', 'there is no Wi-Fi network "nope"']);
});

change.run();

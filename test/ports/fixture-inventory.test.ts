// Every captured output in test/fixtures is read by a suite that checks the reading
// its source note gives, and every capture of the shared collection
// (../shared/fixtures, real-world/ included) has its copy here. A file added to a
// fixture folder without a suite that reads it fails this test: list it below
// with the suite that checks it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const fixtures = new URL('../fixtures/', import.meta.url);
const tests = new URL('../', import.meta.url);
const shared = new URL('../../../shared/fixtures/', import.meta.url);
const DOCS = /(^|\/)(README|SOURCES?)\.md$/;

/** Capture (under test/fixtures) → the suite (under test/) that checks its reading. */
const READ_BY: Record<string, string> = {
  'linux/ip-j-link-show-shaped.json': 'ports/tc-fair-queue.test.ts',
  'linux/ip-j-link-show.json': 'ports/tc-parse.test.ts',
  'linux/nft-j-list-counters.json': 'ports/nft-parse.test.ts',
  'linux/nft-j-list-table-acct.json': 'ports/nft-parse.test.ts',
  'linux/nft-j-list-table-block.json': 'ports/nft-parse.test.ts',
  'linux/nft-j-list-table-dynamic-set.json': 'ports/nft-parse.test.ts',
  'linux/nft-j-list-table-mac-block.json': 'ports/firewall-table.test.ts',
  'linux/nft-list-table-dynamic-set.txt': 'ports/nft-parse.test.ts',
  'linux/tc-j-filter-show-wan0-ingress.json': 'ports/tc-parse.test.ts',
  'linux/tc-j-filter-show-wwan0-ingress.json': 'ports/tc-parse.test.ts',
  'linux/tc-j-qdisc-show-all-shaped.json': 'ports/tc-parse.test.ts',
  'linux/tc-j-qdisc-show-unshaped.json': 'ports/tc-parse.test.ts',
  'linux/tc-j-qdisc-show-wan0-throttled.json': 'ports/tc-parse.test.ts',
  'linux/tc-j-s-qdisc-show-ifb0-throttled.json': 'ports/tc-parse.test.ts',
  'linux/tc-qdisc-replace-fq-codel-unknown.stderr.txt': 'ports/tc-parse.test.ts',
  'modem/etc-config-network-modemmanager-example-openwrt-packages-readme.txt': 'features/modem/mobile-network.test.ts',
  'modem/mmcli-3gpp-ussd-initiate-movistar-co-ceraui.txt': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-3gpp-ussd-respond-empty-ceraui.txt': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-K-3gpp-ussd-status-menu-ceraui.txt': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-K-3gpp-ussd-status-submenu-ceraui.txt': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-K-m-quectel-rm530n-gl-searching-rejected-ceraui.txt': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-K-m-sierra-em7595-sim-missing-ceraui.txt': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-b-text-old-format-orange-be-ivan-davidkov.txt': 'ports/mmcli-text.test.ts',
  'modem/mmcli-list-modems-rpi4alarm.json': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-location-get-orb.json': 'ports/mmcli-network-parse.test.ts',
  'modem/mmcli-messaging-list-sms-rpi4alarm.json': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-modem-quectel-eg25-o2cz-iqrf.json': 'ports/mmcli-network-parse.test.ts',
  'modem/mmcli-modem-quectel-em12g-openwisp.json': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-modem-telit-le910c4-orb.json': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-modem-uz801-1und1-tedge.json': 'ports/mmcli-network-parse.test.ts',
  'modem/mmcli-signal-get-lte-openwisp.json': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-signal-get-telit-orb.json': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-signal-get-umts-openwisp.json': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-sim-orb.json': 'ports/mmcli-parse.test.ts',
  'modem/mmcli-sim-uz801-1und1-tedge.json': 'ports/mmcli-network-parse.test.ts',
  'modem/mmcli-sms-received-rpi4alarm.json': 'ports/mmcli-parse.test.ts',
  'modem/human/mmcli-L-one-mbim-luci-issue3586.txt': 'ports/mmcli-text.test.ts',
  'modem/human/mmcli-L-three-rm520n-openmptcprouter-issue3050.txt': 'ports/mmcli-text.test.ts',
  'modem/human/mmcli-m-connected-lte-eg916q-vamos-pr57.txt': 'ports/mmcli-text.test.ts',
  'modem/human/mmcli-m-failed-sim-missing-low-power-l850-xmm7360-issue227.txt': 'ports/mmcli-text.test.ts',
  'modem/human/mmcli-m-failed-sim-missing-mbim-xmm7160-luci-issue3586.txt': 'ports/mmcli-text.test.ts',
  'modem/human/mmcli-m-status-section-connected-openmptcprouter-issue3979.txt': 'ports/mmcli-text.test.ts',
  'modem/human/mmcli-m-wrapped-lists-qcom-soc-openstick-issue12.txt': 'ports/mmcli-text.test.ts',
  'modem/printed/mmcli-L-before-1.10.txt': 'ports/mmcli-text.test.ts',
  'modem/printed/mmcli-b-connected-1.10.txt': 'ports/mmcli-text.test.ts',
  'modem/printed/mmcli-b-disconnected-before-1.10.txt': 'ports/mmcli-text.test.ts',
  'modem/printed/mmcli-m-connected-before-1.10.txt': 'ports/mmcli-text.test.ts',
  'opkg/status': 'ports/opkg.test.ts',
  'probes/loaded-modules.mjs': 'daemon/start-lean.test.ts',
  'system/logread-boot-mixed-luci-app-modemband-issue4.txt': 'core/system-log.test.ts',
  'system/logread-dhcp-wan-hostapd-openwrt-issue9696.txt': 'core/system-log.test.ts',
  'system/logread-modemmanager-no-ident-openwrt-pr11729.txt': 'core/system-log.test.ts',
  'system/logread-netifd-modemmanager-openwrt-packages-pr23590.txt': 'core/system-log.test.ts',
  'system/logread-procd-crash-loop-other-service-openwrt-packages-issue19946.txt': 'core/system-log.test.ts',
  'system/nslookup-busybox-no-answer-rancher-desktop-issue2141.txt': 'core/connectivity.test.ts',
  'system/nslookup-busybox-old-two-addresses-openwrt-packages-pr12173.txt': 'core/connectivity.test.ts',
  'system/ping-busybox-localhost-tmo-monitor-pr46.txt': 'core/connectivity.test.ts',
  'system/ping-busybox-one-reply-sabotage-issue587.txt': 'core/connectivity.test.ts',
  'system/ping-iputils-loopback-debian.txt': 'core/connectivity.test.ts',
  'uci/etc-config-firewall-default-firewall4.txt': 'core/flow-offload.test.ts',
  'uci/etc-config-wireless-openwrt-issue16642.txt': 'core/uci-text.test.ts',
  'uci/uci-get-firewall-flow-offloading-openwrt-pr24178.txt': 'core/flow-offload.test.ts',
  'usign/682970064b87a917': 'core/ota/usign.test.ts',
  'wifi/dhcp-leases-irregular-openwisp.txt': 'core/lan-clients.test.ts',
  'wifi/dhcp-leases-openwisp.txt': 'core/lan-clients.test.ts',
  'wifi/etc-config-wireless-enterprise-ifaces-openwrt-pr16112.txt': 'core/wifi-networks.test.ts',
  'wifi/etc-config-wireless-first-boot-radios-disabled-open-partial-openwrt-pr21313.txt': 'core/wifi-networks.test.ts',
  'wifi/etc-config-wireless-hwmode-and-band-mixed-luci-issue5951.txt': 'core/wifi-networks.test.ts',
  'wifi/etc-config-wireless-hwmode-sae-openwrt-devel-2019.txt': 'core/wifi-networks.test.ts',
  'wifi/etc-config-wireless-owe-6g-iface-disabled-openwisp-config-issue272.txt': 'core/wifi-networks.test.ts',
  'wifi/etc-config-wireless-mlo-z8803be.txt': 'core/wifi-networks.test.ts',
  'wifi/etc-config-wireless-openwrt-issue16642.txt': 'core/wifi-networks.test.ts',
  'wifi/ip-json-neigh-openwisp.json': 'core/lan-clients.test.ts',
  'wifi/ip-neigh-openwisp.txt': 'core/lan-clients.test.ts',
  'wifi/iw-station-dump-ipq4019-openwrt-packages-issue16471.txt': 'core/lan-clients.test.ts',
  'wifi/iw-station-dump-qca9563-openwrt-packages-issue16471.txt': 'core/lan-clients.test.ts',
  'wifi/iw-station-get-mt76-issue17.txt': 'core/lan-clients.test.ts',
  'wifi/iw-station-get-tabs-no-header-mt76-issue17.txt': 'core/lan-clients.test.ts',
  'wifi/ubus-hostapd-get-clients-kvj.json': 'core/lan-clients.test.ts',
  'wifi/uci-show-firewall-defaults-grep-flow-openwrt-pr22533.txt': 'core/uci-show.test.ts',
  'wifi/uci-show-firewall-partial-qosmate-issue91.txt': 'core/uci-show.test.ts',
};

/**
 * Folders whose every file a suite reads in a loop, each against the reading beside it
 * (a <name>.meta.json, or a named expectation per file in the suite).
 */
const FOLDERS: Record<string, string> = {
  'real-world/': 'ports/real-world-captures.test.ts',
  'modem/operator-texts/': 'core/balance.test.ts',
};

/** Files under `root` (recursively, as "dir/name"), without the folders' READMEs and SOURCES. */
const captures = (root: URL) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => !DOCS.test(f) && statSync(new URL(f, root)).isFile())
    .sort();
const folderOf = (f: string) => Object.keys(FOLDERS).find((dir) => f.startsWith(dir));

const inventory = suite('every fixture is read by a suite that checks it');

inventory('each file in test/fixtures is listed with its suite, or lies in a folder a suite reads whole', () => {
  const unlisted = captures(fixtures).filter((f) => !(f in READ_BY) && !folderOf(f));
  assert.equal(unlisted, [], `new fixtures without a suite that reads them: ${unlisted.join(', ')}`);
});

inventory('each listed file exists, and its suite names it', () => {
  for (const [file, by] of Object.entries(READ_BY)) {
    assert.ok(existsSync(new URL(file, fixtures)), `${file} is listed but missing`);
    const suiteText = readFileSync(new URL(by, tests), 'utf8');
    assert.ok(suiteText.includes(file.split('/').at(-1)!), `${by} does not read ${file}`);
  }
});

inventory('each folder read whole is read by its suite, and real-world captures each have their note', () => {
  for (const [dir, by] of Object.entries(FOLDERS)) {
    const suiteText = readFileSync(new URL(by, tests), 'utf8');
    assert.ok(suiteText.includes(`fixtures/${dir}`) && suiteText.includes('readdirSync'), `${by} reads ${dir} whole`);
  }
  const realWorld = captures(fixtures).filter((f) => f.startsWith('real-world/'));
  for (const f of realWorld.filter((x) => !x.endsWith('.meta.json'))) assert.ok(realWorld.includes(f.replace(/\.json$/, '.meta.json')), `${f} has no note`);
});

// Only where the shared collection sits beside the checkout (a fresh clone has just the copies).
if (existsSync(shared)) {
  inventory('every capture of the shared collection (real-world/ included) has an identical copy here', () => {
    const here = captures(fixtures);
    const missing: string[] = [];
    for (const f of captures(shared)) {
      const name = f.split('/').at(-1)!;
      const copy = f.startsWith('real-world/') ? (here.includes(f) ? f : undefined) : here.find((h) => h.split('/').at(-1) === name);
      if (!copy) missing.push(f);
      else assert.equal(readFileSync(new URL(copy, fixtures), 'utf8'), readFileSync(new URL(f, shared), 'utf8'), `${copy} differs from shared ${f}`);
    }
    assert.equal(missing, [], `shared captures with no copy here: ${missing.join(', ')}`);
  });
}

inventory.run();

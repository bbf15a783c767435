// The LAN-client parsers on captured real outputs (test/fixtures/wifi/SOURCES.md),
// and the join by MAC into the device list.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readable, Unreadable } from '../../device-daemon/src/core/unreadable.ts';
import { parseIwStations } from '../../device-daemon/src/core/iw-stations.ts';
import { lanClients, parseHostapdClients, parseLeases, parseNeighbours } from '../../device-daemon/src/core/lan-clients.ts';

const lan = suite('LAN clients');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/wifi/${name}`, import.meta.url), 'utf8');

lan('dnsmasq leases: expiry, MAC, IP and name', () => {
  assert.equal(parseLeases(fixture('dhcp-leases-openwisp.txt')), [{ mac: 'e8:6a:64:3e:4a:3c', ip: '192.168.1.136', name: 'FRIDAY', expires: 1620788343 }]);
});

lan('the irregular leases file: name "*" is no name, the duid line is skipped', () => {
  assert.equal(parseLeases(fixture('dhcp-leases-irregular-openwisp.txt')), [{ mac: 'c6:df:44:00:00:00', ip: '192.168.1.163', name: null, expires: 1705556643 }]);
});

lan('leases: blank, short and DHCPv6 lines are skipped; a hostile name stays a plain string', () => {
  const text = '\n1 aa:bb:cc:dd:ee:ff\n1705556643 1234 fd00::5 phone 00:01:00:01\n1 AA:BB:CC:DD:EE:01 192.168.1.9 <b>x</b>;id *\n';
  assert.equal(parseLeases(text), [{ mac: 'aa:bb:cc:dd:ee:01', ip: '192.168.1.9', name: '<b>x</b>;id', expires: 1 }]);
});

lan('hostapd get_clients over ubus: MAC, band from the frequency, signal', () => {
  // The reporter masked the MAC as xx:…; a locally administered address stands in for it here.
  const capture = fixture('ubus-hostapd-get-clients-kvj.json').replace('xx:xx:xx:xx:xx:xx', '02:00:00:00:00:01');
  assert.equal(parseHostapdClients(capture), [{ mac: '02:00:00:00:00:01', band: '2.4 GHz', signal: -55, connectedSeconds: null }]);
  assert.equal(parseHostapdClients(fixture('ubus-hostapd-get-clients-kvj.json')), [], 'a key that is no MAC is no station');
  const five = parseHostapdClients('{"freq": 5180, "clients": {"AA:BB:CC:DD:EE:FF": {"signal": -60, "connected_time": 42}}}');
  assert.equal(five, [{ mac: 'aa:bb:cc:dd:ee:ff', band: '5 GHz', signal: -60, connectedSeconds: 42 }]);
  assert.instance(parseHostapdClients('{"freq": "x", "clients": {}}'), Unreadable);
  assert.instance(parseHostapdClients('{"freq": 2412, "clients": {'), Unreadable, 'a cut-off output');
});

lan('ip -j neigh: address, MAC, device and state', () => {
  const n = readable(parseNeighbours(fixture('ip-json-neigh-openwisp.json')));
  assert.is(n.length, 6);
  assert.equal(n[0], { ip: '10.0.2.1', mac: '52:54:00:12:35:00', dev: 'eth1', state: ['REACHABLE'] });
  assert.equal(parseNeighbours('[{"dst":"192.168.1.5","dev":"br-lan","state":["FAILED"]}]'), []);
});

lan('ip neigh as text (an ip without -j) reads the same hosts as its JSON capture', () => {
  assert.equal(readable(parseNeighbours(fixture('ip-neigh-openwisp.txt'))), readable(parseNeighbours(fixture('ip-json-neigh-openwisp.json'))));
  assert.equal(parseNeighbours('192.168.1.9 dev br-lan  FAILED\n'), [], 'an entry without a MAC is nobody');
  assert.equal(parseNeighbours('fd00::1 dev br-lan lladdr 02:00:00:00:00:0A router STALE\n'), [{ ip: 'fd00::1', mac: '02:00:00:00:00:0a'.toLowerCase(), dev: 'br-lan', state: ['STALE'] }]);
  assert.instance(parseNeighbours('Object "neigh" is unknown, try "ip help".\n'), Unreadable);
});

lan('iw station dump (ath79, 19.07/21.02): MAC and signal; no connected time in this short field set', () => {
  assert.equal(parseIwStations(fixture('iw-station-dump-qca9563-openwrt-packages-issue16471.txt')), [{ mac: '8c:be:be:f5:8f:59', band: null, signal: -57, connectedSeconds: null }]);
});

lan('iw station dump (ipq40xx): the signal of all four chains is the first figure', () => {
  assert.equal(parseIwStations(fixture('iw-station-dump-ipq4019-openwrt-packages-issue16471.txt')), [{ mac: '8c:be:be:f5:8f:59', band: null, signal: -67, connectedSeconds: null }]);
});

lan('iw station get (mt76): the positive signal of that driver bug is no reading; connected time in seconds', () => {
  assert.equal(parseIwStations(fixture('iw-station-get-mt76-issue17.txt')), [{ mac: '10:6f:3f:0e:31:8f', band: null, signal: null, connectedSeconds: 6191 }]);
});

lan('iw station get without its header (tabs): the fields belong to the MAC asked for, else to nobody', () => {
  const text = fixture('iw-station-get-tabs-no-header-mt76-issue17.txt');
  assert.equal(parseIwStations(text, '02:00:00:00:00:01'), [{ mac: '02:00:00:00:00:01', band: null, signal: null, connectedSeconds: 1714 }]);
  assert.equal(parseIwStations(text), []);
  assert.equal(parseIwStations(''), [], 'no stations');
  assert.instance(parseIwStations('command failed: No such device (-19)\n'), Unreadable);
});

lan('the device list joins leases, stations and neighbours by MAC; wired when not a station', () => {
  const now = Date.UTC(2026, 0, 1);
  const clients = lanClients({
    leases: [{ mac: 'aa:00:00:00:00:01', ip: '192.168.1.10', name: 'phone', expires: 0 }],
    stations: [{ mac: 'aa:00:00:00:00:01', band: '5 GHz', signal: -50, connectedSeconds: 60 }],
    neighbours: [
      { ip: 'fe80::1', mac: 'aa:00:00:00:00:02', dev: 'br-lan', state: ['STALE'] },
      { ip: '192.168.1.11', mac: 'aa:00:00:00:00:02', dev: 'br-lan', state: ['REACHABLE'] },
      { ip: '192.168.1.12', mac: 'aa:00:00:00:00:03', dev: 'br-lan', state: ['FAILED'] },
    ],
    blocked: ['aa:00:00:00:00:09'],
    usage: { 'aa:00:00:00:00:01': { down: 5, up: 1 }, '192.168.1.11': { down: 7, up: 2 } },
    seen: new Map([['aa:00:00:00:00:02', now - 5000]]),
    now,
  });
  assert.equal(clients, [
    { mac: 'aa:00:00:00:00:01', name: 'phone', ip: '192.168.1.10', band: '5 GHz', signal: -50, wired: false, since: new Date(now - 60_000).toISOString(), down: 5, up: 1, blocked: false, online: true, self: false, named: false },
    { mac: 'aa:00:00:00:00:02', name: null, ip: '192.168.1.11', band: null, signal: null, wired: true, since: new Date(now - 5000).toISOString(), down: 7, up: 2, blocked: false, online: true, self: false, named: false },
    { mac: 'aa:00:00:00:00:09', name: null, ip: null, band: null, signal: null, wired: false, since: null, down: 0, up: 0, blocked: true, online: false, self: false, named: false },
  ]);
});

lan.run();

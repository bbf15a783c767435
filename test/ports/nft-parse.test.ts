// The nft JSON parsers and how the firewall and accounting ports read their
// tables, on real captured outputs (test/fixtures/linux/README.md). No root needed.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clientRows, countedTraffic } from '../../device-daemon/src/ports/accounting/nft.ts';
import { blocksForwarding } from '../../device-daemon/src/ports/firewall/nft.ts';
import { nftDeviceName, nftTableName, parseNftListing, replaceTableScript, setElements } from '../../device-daemon/src/ports/firewall/nft-parse.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/linux/${name}`, import.meta.url), 'utf8');

const parse = suite('nft -j parsers');

parse('reads sets, their counted elements, chains and rules of a dynamic-set table', () => {
  const listing = parseNftListing(fixture('nft-j-list-table-dynamic-set.json'));
  assert.equal(listing.tables, ['acct']);
  assert.equal(listing.sets.map((s) => s.name), ['clients4', 'clients6']);
  assert.equal(setElements(listing.sets[0]!), [{ val: '192.0.2.10', bytes: 0, packets: 0 }]);
  assert.equal(setElements(listing.sets[1]!), []);
  assert.is(listing.chains[0]?.hook, 'forward');
  assert.is(listing.rules.length, 2);
});

parse('a listing of named counters only (nft -j list counters) has no tables, sets or chains, and is no error', () => {
  assert.equal(parseNftListing(fixture('nft-j-list-counters.json')), { tables: [], chains: [], rules: [], sets: [] });
});

parse('the text listing of the same table names the sets, their element and the chain the JSON reading finds', () => {
  // nft's text is not read by the daemon (it asks for -j); this checks the JSON capture against it.
  const text = fixture('nft-list-table-dynamic-set.txt');
  const listing = parseNftListing(fixture('nft-j-list-table-dynamic-set.json'));
  assert.equal([...text.matchAll(/^\tset (\w+) \{/gm)].map((m) => m[1]), listing.sets.map((s) => s.name));
  assert.equal([...text.matchAll(/elements = \{ ([\d.]+) counter packets (\d+) bytes (\d+) \}/g)].map((m) => ({ val: m[1], bytes: Number(m[3]), packets: Number(m[2]) })), setElements(listing.sets[0]!));
  assert.equal([...text.matchAll(/^\tchain (\w+) \{\n\t\ttype filter hook (\w+)/gm)].map((m) => [m[1], m[2]]), listing.chains.map((c) => [c.name, c.hook]));
  assert.is((text.match(/^\t\tupdate @/gm) ?? []).length, listing.rules.length);
});

parse('says what is wrong with output that is not nft JSON', () => {
  assert.throws(() => parseNftListing('table inet x {'), /not JSON/);
  assert.throws(() => parseNftListing('{"nftables": [{"chain": {"name": 1}}]}'), /nft -j \(chain\): unreadable output \(family: /);
});

parse('names that could escape the nft script are refused', () => {
  assert.is(nftDeviceName('br-lan'), 'br-lan');
  assert.is(nftDeviceName('eth0.2'), 'eth0.2');
  for (const bad of ['wan"; flush ruleset; "', '-x', '', 'x'.repeat(16), 'a b']) assert.throws(() => nftDeviceName(bad), RangeError);
  assert.throws(() => nftTableName('x y'), RangeError);
});

parse('the replace script declares, deletes and re-creates the table in one transaction', () => {
  assert.is(replaceTableScript('t', null), 'table inet t\ndelete table inet t\n');
  assert.match(replaceTableScript('t', '  chain c {}'), /^table inet t\ndelete table inet t\ntable inet t \{\n  chain c \{\}\n\}\n$/);
});

parse.run();

const firewall = suite('nft firewall reading its table');

firewall('the captured block table blocks forwarding to and from its WAN only', () => {
  const listing = parseNftListing(fixture('nft-j-list-table-block.json'));
  assert.ok(blocksForwarding(listing, 'wwan0'));
  assert.not.ok(blocksForwarding(listing, 'wwan1'));
});

firewall('a table missing one direction does not count as blocking', () => {
  const listing = parseNftListing(fixture('nft-j-list-table-block.json'));
  assert.not.ok(blocksForwarding({ ...listing, rules: listing.rules.slice(0, 1) }, 'wwan0'));
});

firewall.run();

const acct = suite('nft accounting reading its table');

acct('sums each MAC over its addresses and keys download by the MAC its address was seen with', () => {
  const counted = countedTraffic(parseNftListing(fixture('nft-j-list-table-acct.json')));
  const macs = new Map(counted.up.map((u) => [u.address, u.mac]));
  assert.equal(clientRows(counted, (a) => macs.get(a)), [
    { key: '02:00:00:00:00:01', mac: '02:00:00:00:00:01', addresses: ['192.168.1.20', '192.168.1.77', 'fd00::20'], upBytes: 3151908 + 5000 + 80, downBytes: 2104596 + 300 + 400 },
    { key: '02:00:00:00:00:02', mac: '02:00:00:00:00:02', addresses: ['192.168.1.30'], upBytes: 700, downBytes: 0 },
    { key: '192.168.1.40', mac: null, addresses: ['192.168.1.40'], upBytes: 0, downBytes: 60 },
  ]);
});

acct('an address the neighbour table maps to a MAC joins that MAC', () => {
  const counted = countedTraffic(parseNftListing(fixture('nft-j-list-table-acct.json')));
  const rows = clientRows(counted, (a) => (a === '192.168.1.40' ? '02:00:00:00:00:02' : undefined));
  assert.equal(rows.find((r) => r.key === '02:00:00:00:00:02')?.downBytes, 60);
  assert.ok(rows.some((r) => r.key === '192.168.1.20'), 'without a mapping the address is its own key');
});

acct.run();

// Every parser of what Linux and OpenWrt tools print is total: fed seeded random and
// truncated variants of the real captures (tc, ip, nft, iw, uci, logread, ping,
// nslookup, opkg), each gives a reading of the right shape or an Unreadable (or, where
// its type says so, null or nothing), and never throws.
import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { lookupStep, pingStep, readLookup, readPing } from '../../device-daemon/src/core/connectivity.ts';
import { flowOffloading } from '../../device-daemon/src/core/flow-offload.ts';
import { parseIwStations } from '../../device-daemon/src/core/iw-stations.ts';
import { parseNeighbours } from '../../device-daemon/src/core/lan-clients.ts';
import { controlField, shellVar } from '../../device-daemon/src/core/release-file.ts';
import { filterLog } from '../../device-daemon/src/core/system-log.ts';
import { readUciShow } from '../../device-daemon/src/core/uci-show.ts';
import { readUciText } from '../../device-daemon/src/core/uci-text.ts';
import { Unreadable } from '../../device-daemon/src/core/unreadable.ts';
import { readNftListing, readSetElements } from '../../device-daemon/src/ports/firewall/nft-parse.ts';
import { parseOpkgStatus } from '../../device-daemon/src/core/ota/opkg-status.ts';
import { readFilters, readLinks, readQdiscs } from '../../device-daemon/src/ports/shaper/tc-parse.ts';
import { everyVariant } from '../helpers/mutate.ts';

const root = new URL('../fixtures/', import.meta.url);
const files = (dir: string, name: RegExp) =>
  readdirSync(new URL(dir, root), { encoding: 'utf8' })
    .filter((f) => name.test(f))
    .map((f) => readFileSync(new URL(`${dir}${f}`, root), 'utf8'));
const text = (input: unknown) => (typeof input === 'string' ? input : JSON.stringify(input));
const finiteOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

const linux = files('linux/', /\.(json|txt)$/);
const stations = files('wifi/', /^iw-station/);
const neigh = files('wifi/', /^ip-(json-)?neigh/);
const uci = [...files('uci/', /\.txt$/), ...files('wifi/', /^(uci-show|etc-config)/), ...files('modem/', /^etc-config/)];
const system = files('system/', /\.txt$/);
const opkg = files('opkg/', /^status$/);

const total = suite('Linux and OpenWrt parsers are total on random variants of real captures');

total('there are captures of every kind to vary', () => {
  assert.ok(linux.length >= 15 && stations.length === 4 && neigh.length === 2 && uci.length >= 7 && system.length >= 10 && opkg.length === 1);
});

total('tc, ip and nft JSON: lists of the right shape or an Unreadable', () => {
  everyVariant(linux, 11, (input) => {
    const out = text(input);
    for (const r of [readQdiscs(out), readFilters(out)]) assert.ok(r instanceof Unreadable || (Array.isArray(r) && r.every((x) => typeof x.kind === 'string')));
    const links = readLinks(out);
    assert.ok(links instanceof Unreadable || links.every((l) => typeof l.ifname === 'string' && typeof l.mtu === 'number'));
    const listing = readNftListing(out);
    if (listing instanceof Unreadable) return;
    assert.ok(listing.tables.every((t) => typeof t === 'string'));
    for (const set of listing.sets) {
      const elements = readSetElements(set);
      assert.ok(elements instanceof Unreadable || elements.every((e) => finiteOrNull(e.bytes) && finiteOrNull(e.packets)));
    }
  });
});

total('iw station dump and ip neigh: valid stations and neighbours, or an Unreadable', () => {
  everyVariant([...stations, ...neigh], 12, (input) => {
    const out = text(input);
    for (const r of [parseIwStations(out), parseIwStations(out, '02:00:00:00:00:01')]) {
      assert.ok(r instanceof Unreadable || r.every((s) => MAC.test(s.mac) && finiteOrNull(s.signal) && finiteOrNull(s.connectedSeconds)), JSON.stringify(r));
    }
    const n = parseNeighbours(out);
    assert.ok(n instanceof Unreadable || n.every((x) => typeof x.ip === 'string' && MAC.test(x.mac)), JSON.stringify(n));
  });
});

total('uci export and uci show: a package or an Unreadable, and its offloading one of three', () => {
  everyVariant(uci, 13, (input) => {
    const out = text(input);
    for (const pkg of [readUciText('firewall', out), readUciShow('firewall', out), readUciShow('wireless', out)]) {
      if (pkg instanceof Unreadable) continue;
      assert.ok(pkg.sections.every((s) => typeof s.type === 'string' && typeof s.name === 'string'));
      assert.ok(['none', 'software', 'hardware'].includes(flowOffloading(pkg)));
    }
  });
});

total('logread, ping, nslookup and opkg status: lines, summaries and fields, or nothing', () => {
  everyVariant([...system, ...opkg], 14, (input) => {
    const out = text(input);
    for (const line of filterLog(out.split('\n'), { modemInterface: 'wwan' })) assert.ok(['product', 'modem'].includes(line.source) && typeof line.text === 'string');
    const ping = readPing(out);
    assert.ok(ping === null || (finiteOrNull(ping.sent) && finiteOrNull(ping.received) && finiteOrNull(ping.avgMs)));
    assert.ok(readLookup(out).every((a) => typeof a === 'string'));
    for (const step of [pingStep('8.8.8.8', out), lookupStep('openwrt.org', '192.168.1.1', out)]) assert.ok(typeof step.summary === 'string' && typeof step.ok === 'boolean');
    for (const v of [controlField(out, 'Version'), shellVar(out, 'DISTRIB_RELEASE')]) assert.ok(v === null || typeof v === 'string');
    assert.ok(parseOpkgStatus(out).every((e) => typeof e.package === 'string'));
  });
});

total.run();

// Every parser of what modems, routers and operators print is total: fed seeded
// random and truncated variants of the real captures, each gives a reading of
// the right shape or an Unreadable (or, where its type says so, null), and never throws.
import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readBalance } from '../../device-daemon/src/core/balance.ts';
import type { ModemState } from '../../device-daemon/src/core/device-data.ts';
import { parseHostapdClients, parseLeases, parseNeighbours } from '../../device-daemon/src/core/lan-clients.ts';
import { replyText } from '../../device-daemon/src/core/reply-text.ts';
import { readUciText } from '../../device-daemon/src/core/uci-text.ts';
import { Unreadable } from '../../device-daemon/src/core/unreadable.ts';
import { readWifiNetworks } from '../../device-daemon/src/core/wifi-networks.ts';
import { readMmcliText } from '../../device-daemon/src/core/mmcli-text.ts';
import { parseBearer, parseBearerPaths } from '../../device-daemon/src/ports/modem/mmcli-parse-bearer.ts';
import { parseDetails, parseScan, parseServingCell, parseSimOperator } from '../../device-daemon/src/ports/modem/mmcli-parse-network.ts';
import { parseModem, parseModemList, parsePinRetries, parseSignal } from '../../device-daemon/src/ports/modem/mmcli-parse.ts';
import { humanAsJson } from '../../device-daemon/src/ports/modem/mmcli-text-json.ts';
import { parseSim, parseSms, parseSmsList, parseUssdReply, parseUssdStatus } from '../../device-daemon/src/ports/modem/mmcli-parse-messages.ts';
import { everyVariant } from '../helpers/mutate.ts';

const root = new URL('../fixtures/', import.meta.url);
const files = (dir: string, ext: RegExp) =>
  readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.endsWith('.meta.json'))
    .map((f) => readFileSync(new URL(`${dir}${f}`, root), 'utf8'));
const mmcliJson = [...files('modem/', /^mmcli-.*\.json$/), ...files('real-world/', /\.json$/)];
const mmcliText = [...files('modem/', /^mmcli-.*\.txt$/), ...files('modem/printed/', /\.txt$/), ...files('modem/human/', /\.txt$/)];
const replies = files('modem/operator-texts/', /\.txt$/);
const wireless = files('wifi/', /^etc-config-wireless/);
const lanText = files('wifi/', /\.(txt|json)$/);

const nullable = (x: unknown, type: string) => x === null || typeof x === type;
const finiteOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));
const STATES: ModemState[] = ['absent', 'sim-missing', 'locked', 'initializing', 'disabled', 'enabling', 'enabled', 'searching', 'registered', 'connecting', 'connected', 'failed'];

const total = suite('parsers are total on random variants of real captures');

total('there are captures of every kind to vary', () => {
  assert.ok(mmcliJson.length >= 15 && mmcliText.length >= 15 && replies.length >= 20 && wireless.length >= 3 && lanText.length >= 8);
});

total('mmcli JSON: a reading of the right shape or an Unreadable', () => {
  everyVariant(mmcliJson, 1, (input) => {
    for (const r of [parseModemList(input), parseSmsList(input)]) assert.ok(r instanceof Unreadable || (Array.isArray(r) && r.every((p) => typeof p === 'string')));
    const m = parseModem(input);
    if (!(m instanceof Unreadable)) {
      assert.ok(STATES.includes(m.state), m.state);
      assert.ok(nullable(m.operator, 'string') && nullable(m.technology, 'string') && nullable(m.simPath, 'string') && typeof m.roaming === 'boolean');
    }
    const s = parseSignal(input);
    if (!(s instanceof Unreadable)) assert.ok([s.rsrp, s.rsrq, s.sinr, s.rssi].every(finiteOrNull), JSON.stringify(s));
    const sim = parseSim(input, null);
    if (!(sim instanceof Unreadable)) assert.ok(nullable(sim.iccid, 'string') && nullable(sim.imsi, 'string'));
    const sms = parseSms(input, '/org/freedesktop/ModemManager1/SMS/7');
    if (!(sms instanceof Unreadable)) assert.ok(typeof sms.text === 'string' && typeof sms.from === 'string' && sms.id === '7');
    const u = parseUssdStatus(input);
    if (u !== null && !(u instanceof Unreadable)) assert.ok(typeof u.text === 'string' && typeof u.final === 'boolean');
    bearerShape(parseBearer(input));
    const paths = parseBearerPaths(input);
    assert.ok(paths instanceof Unreadable || paths.every((p) => typeof p === 'string'));
    const d = parseDetails(input, parseSimOperator(input));
    if (!(d instanceof Unreadable)) assert.ok([d.unlock.pinRetries, d.unlock.pukRetries].every(finiteOrNull) && d.currentBands.every((b) => typeof b === 'string'));
    const scan = parseScan(input);
    assert.ok(scan instanceof Unreadable || scan.every((n) => typeof n.code === 'string'));
    const cell = parseServingCell(input, input);
    assert.ok(cell instanceof Unreadable || [cell.pci, cell.earfcn, cell.band].every(finiteOrNull), JSON.stringify(cell));
    const retries = parsePinRetries(input);
    assert.ok(finiteOrNull(retries));
  });
});

/** A bearer reading with null or whole figures, or an Unreadable. */
function bearerShape(b: ReturnType<typeof parseBearer>) {
  if (b instanceof Unreadable) return;
  assert.ok(typeof b.connected === 'boolean' && [b.stats.durationSeconds, b.stats.rxBytes, b.stats.txBytes].every(finiteOrNull), JSON.stringify(b));
  for (const ip of [b.ipv4, b.ipv6]) if (ip) assert.ok(typeof ip.method === 'string' && finiteOrNull(ip.prefix) && ip.dns.every((d) => typeof d === 'string'));
}

total('mmcli human-readable output (no --output-json): sections or an Unreadable, rebuilt into readings', () => {
  everyVariant(mmcliText, 6, (input) => {
    const out = typeof input === 'string' ? input : JSON.stringify(input);
    const read = readMmcliText(out);
    if (!(read instanceof Unreadable)) for (const fields of Object.values(read.sections)) assert.ok(Object.values(fields).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string')));
    bearerShape(parseBearer(humanAsJson(['-b', '/org/freedesktop/ModemManager1/Bearer/1'], out)));
    const m = parseModem(humanAsJson(['-m', '/org/freedesktop/ModemManager1/Modem/0'], out));
    if (!(m instanceof Unreadable)) assert.ok(STATES.includes(m.state) && nullable(m.operator, 'string'), JSON.stringify(m));
    const list = parseModemList(humanAsJson(['-L'], out));
    assert.ok(list instanceof Unreadable || list.every((p) => p.startsWith('/org/freedesktop/ModemManager1/Modem/')));
  });
});

total('mmcli text (USSD replies): the text or null', () => {
  everyVariant(mmcliText, 2, (input) => {
    const r = parseUssdReply(String(input));
    assert.ok(nullable(r, 'string'));
  });
});

total('operator replies: a reading with finite figures and real dates, null, or unreadable', () => {
  const templates = ['digi', 'play', 'plus', 'balance is {money}', 'Account Balance {money}', '{data} DATA do {date}', 'active until {date:mdy}...{money}', 'betraegt: {money} Startguthaben, {money} Kaufguthaben', 'Masz {data} na {days} dni'];
  everyVariant(replies, 3, (input) => {
    const raw = typeof input === 'string' ? input : JSON.stringify(input);
    const text = replyText(raw);
    if (text === null) return;
    for (const template of templates) {
      const r = readBalance(text, template, 'GB');
      if (r === null) continue;
      assert.ok(finiteOrNull(r.dataBytes) && finiteOrNull(r.days), JSON.stringify(r));
      assert.ok(r.money === null || (Number.isFinite(r.money.amount) && r.money.currency.length > 0), JSON.stringify(r));
      assert.ok(r.expiry === null || (/^\d{4}-\d\d-\d\d$/.test(r.expiry) && !Number.isNaN(Date.parse(r.expiry))), JSON.stringify(r));
    }
  });
});

total('/etc/config/wireless: access points, or an Unreadable for text uci would refuse', () => {
  everyVariant(wireless, 4, (input) => {
    const pkg = readUciText('wireless', String(input));
    if (pkg instanceof Unreadable) return;
    for (const n of readWifiNetworks(pkg)) {
      assert.ok(typeof n.ssid === 'string' && typeof n.key === 'string' && typeof n.editable === 'boolean');
      assert.ok(n.bands.every((b) => ['2.4 GHz', '5 GHz', '6 GHz', '60 GHz'].includes(b)));
      assert.ok(n.maxClients === null || (Number.isInteger(n.maxClients) && n.maxClients > 0));
    }
  });
});

total('LAN outputs (leases, hostapd, ip neigh): lists of valid entries or an Unreadable', () => {
  everyVariant(lanText, 5, (input) => {
    const text = typeof input === 'string' ? input : JSON.stringify(input);
    const station = (s: { mac: string; signal: number | null; connectedSeconds: number | null }) => /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(s.mac) && finiteOrNull(s.signal) && finiteOrNull(s.connectedSeconds);
    for (const lease of parseLeases(text)) assert.ok(Number.isFinite(lease.expires) && lease.ip.length > 0);
    for (const list of [parseHostapdClients(text)]) assert.ok(list instanceof Unreadable || list.every(station), JSON.stringify(list));
    const n = parseNeighbours(text);
    assert.ok(n instanceof Unreadable || n.every((x) => typeof x.ip === 'string' && typeof x.mac === 'string'));
  });
});

total.run();

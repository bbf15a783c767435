import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import { readable } from '../../device-daemon/src/core/unreadable.ts';
import * as assert from 'uvu/assert';
import { lteBand } from '../../device-daemon/src/core/lte-band.ts';
import { parseDetails, parseScan, parseServingCell, parseSimOperator } from '../../device-daemon/src/ports/modem/mmcli-parse-network.ts';

const json = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/modem/${name}`, import.meta.url), 'utf8')) as unknown;
const parse = suite('mmcli parsers for the mobile network tools (real captures where they exist)');

parse('a Quectel EG25: IMEI, no unlock needed, 3 PIN and 10 PUK tries, bands not reported', () => {
  const d = readable(parseDetails(json('mmcli-modem-quectel-eg25-o2cz-iqrf.json')));
  assert.is(d.imei, '865167060000000');
  assert.equal(d.unlock, { required: null, pinRetries: 3, pukRetries: 10 });
  assert.equal([d.currentBands, d.supportedBands], [[], []]);
  assert.equal([d.manufacturer, d.model, d.operatorCode], ['Quectel', 'EG25', '23002']);
});

parse('a UZ801 asking for sim-pin2 while connected is not locked; its bands are listed', () => {
  const d = readable(parseDetails(json('mmcli-modem-uz801-1und1-tedge.json'), parseSimOperator(json('mmcli-sim-uz801-1und1-tedge.json'))));
  assert.is(d.unlock.required, null);
  assert.ok(d.supportedBands.includes('eutran-20') && d.supportedBands.includes('utran-8'));
  assert.ok(d.currentBands.includes('eutran-3'));
  assert.equal([d.operatorCode, d.simOperatorCode], ['26202', '26223']);
});

parse('a Telit with a revision of double spaces and a roaming registration', () => {
  const d = readable(parseDetails(json('mmcli-modem-telit-le910c4-orb.json'), parseSimOperator(json('mmcli-sim-orb.json'))));
  assert.is(d.revision, '25.30.608 1 [Nov 14 2023 07:00:00]');
  assert.equal([d.operatorCode, d.simOperatorCode], ['26202', '29505']);
  assert.is(d.supportedBands.length, 28);
});

parse('a SIM waiting for its PUK, and one waiting for its PIN (shapes of the fields above)', () => {
  const locked = (required: string, pin: number) => ({ modem: { generic: { 'unlock-required': required, 'unlock-retries': [`sim-pin (${pin})`, 'sim-puk (9)'] }, '3gpp': {} } });
  assert.equal(readable(parseDetails(locked('sim-puk', 0))).unlock, { required: 'sim-puk', pinRetries: 0, pukRetries: 9 });
  assert.equal(readable(parseDetails(locked('sim-pin', 2))).unlock, { required: 'sim-pin', pinRetries: 2, pukRetries: 9 });
});

parse('the location’s 3GPP part of a real modem: MCC, MNC, TAC, cell id; no cell info means nothing more is claimed', () => {
  assert.equal(readable(parseServingCell(json('mmcli-location-get-orb.json'), null)), {
    mcc: '262', mnc: '03', tac: '00C945', cellId: '0197763E', pci: null, earfcn: null, band: null, secondary: null,
  });
});

parse('cell info with a primary and a secondary serving cell: PCI, EARFCN, band and the aggregated carrier', () => {
  // Shaped as mm_cell_info_build_string writes it (ModemManager, libmm-glib/mm-cell-info*.c).
  const cells = {
    modem: {
      generic: {
        'cell-info': [
          'cell type: lte, serving: yes, operator id: 26203, tac: 00C945, ci: 0197763E, physical ci: 120, earfcn: 6300, rsrp: -95.000000, rsrq: -11.000000, serving cell type: 1, bandwidth: 50',
          'cell type: lte, serving: yes, physical ci: 120, earfcn: 1300, rsrp: -99.000000, serving cell type: 2',
          'cell type: lte, serving: no, physical ci: 301, earfcn: 6300, rsrp: -110.000000',
        ],
      },
    },
  };
  const cell = readable(parseServingCell(json('mmcli-location-get-orb.json'), cells));
  assert.equal([cell.pci, cell.earfcn, cell.band], [120, 6300, 20]);
  assert.equal(cell.secondary, [{ pci: 120, earfcn: 1300, band: 3 }]);
  const plain = readable(parseServingCell(json('mmcli-location-get-orb.json'), { modem: { generic: { 'cell-info': ['cell type: lte, serving: yes, physical ci: 7, earfcn: 3350'] } } }));
  assert.equal([plain.band, plain.secondary], [7, null], 'without serving cell types, aggregation is unknown');
});

parse('a scan: each network once, its technologies merged, availability kept', () => {
  // Shaped as mmcli-output.c's build_network_info and dump_output_json write it.
  const scan = {
    modem: {
      '3gpp': {
        'scan-networks': [
          { 'operator-code': '26001', 'operator-name': 'Plus', 'access-technologies': 'lte', availability: 'current' },
          { 'operator-code': '26002', 'operator-name': 'T-Mobile.pl', 'access-technologies': 'umts', availability: 'available' },
          { 'operator-code': '26002', 'operator-name': 'T-Mobile.pl', 'access-technologies': 'lte', availability: 'available' },
          { 'operator-code': '26006', 'operator-name': '--', 'access-technologies': 'gsm, umts', availability: 'forbidden' },
        ],
      },
    },
  };
  assert.equal(readable(parseScan(scan)), [
    { code: '26001', name: 'Plus', technologies: ['lte'], availability: 'current' },
    { code: '26002', name: 'T-Mobile.pl', technologies: ['umts', 'lte'], availability: 'available' },
    { code: '26006', name: null, technologies: ['gsm', 'umts'], availability: 'forbidden' },
  ]);
  assert.equal(readable(parseScan({ modem: { '3gpp': { 'scan-networks': [] } } })), []);
});

parse('EARFCN to band, checked on modems’ own reports (Quectel +QNWINFO: "LTE BAND 7",3350 and "LTE BAND 1",150)', () => {
  // 4IceG/luci-app-3ginfo-lite issues #111 and #56.
  assert.is(lteBand(3350), 7);
  assert.is(lteBand(150), 1);
  assert.is(lteBand(6300), 20);
  assert.is(lteBand(1300), 3);
  assert.is(lteBand(70000), null);
  assert.is(lteBand(null), null);
});

parse.run();

// mmcli's outputs for the installer's mobile network tools: identity, unlock state
// and bands (`mmcli -J -m M`), a network scan (`--3gpp-scan`), the serving cell
// (`--location-get` 3GPP part and `--get-cell-info`). Loaded with those tools only.
import * as v from 'valibot';
import { lteBand } from '../../core/lte-band.ts';
import { readWith, Unreadable } from '../../core/unreadable.ts';
import type { CellCarrier, ModemDetails, ScannedNetwork, ServingCell } from '../types.ts';
import { list, obj, s, value } from './mmcli-parse.ts';

const DetailsJson = v.looseObject({
  modem: v.looseObject({
    generic: obj({
      manufacturer: s,
      model: s,
      revision: s,
      'equipment-identifier': s,
      'unlock-required': s,
      'unlock-retries': list,
      'current-bands': list,
      'supported-bands': list,
    }),
    '3gpp': obj({ imei: s, 'operator-code': s }),
  }),
});

/** "sim-pin (3)" → 3 for "sim-pin". */
function retries(entries: string[], lock: string): number | null {
  for (const e of entries) {
    const m = /^(\S+) \((\d+)\)$/.exec(e.trim());
    if (m && m[1] === lock) return Number(m[2]);
  }
  return null;
}

/** `mmcli -J -m M` (JSON or its text): identity, unlock state and bands. `simOperatorCode` comes from the SIM. */
export function parseDetails(json: unknown, simOperatorCode: string | null = null): ModemDetails | Unreadable {
  const out = readWith(DetailsJson, json, 'mmcli -J -m');
  if (out instanceof Unreadable) return out;
  const { generic: g, '3gpp': gpp } = out.modem;
  const required = value(g['unlock-required']);
  return {
    imei: value(gpp.imei) ?? (/^\d{14,16}$/.test(g['equipment-identifier']) ? g['equipment-identifier'] : null),
    manufacturer: value(g.manufacturer),
    model: value(g.model),
    revision: value(g.revision)?.replace(/\s+/g, ' ') ?? null,
    unlock: {
      // sim-pin2 (and the like) guard other things, not the connection.
      required: required === 'sim-pin' || required === 'sim-puk' ? required : null,
      pinRetries: retries(g['unlock-retries'], 'sim-pin'),
      pukRetries: retries(g['unlock-retries'], 'sim-puk'),
    },
    currentBands: g['current-bands'].filter((b) => b !== 'unknown'),
    supportedBands: g['supported-bands'].filter((b) => b !== 'unknown'),
    operatorCode: value(gpp['operator-code']),
    simOperatorCode,
  };
}

/** `mmcli -J -i S`: the SIM's operator (MCC+MNC), or null when not reported or unreadable. */
export function parseSimOperator(json: unknown): string | null {
  const out = readWith(v.looseObject({ sim: v.looseObject({ properties: obj({ 'operator-code': s }) }) }), json, 'mmcli -J -i');
  return out instanceof Unreadable ? null : value(out.sim.properties['operator-code']);
}

const ScanJson = v.looseObject({
  modem: v.looseObject({
    '3gpp': obj({
      'scan-networks': v.optional(
        v.array(v.looseObject({ 'operator-code': s, 'operator-name': s, 'access-technologies': s, availability: s })),
        [],
      ),
    }),
  }),
});
const AVAILABILITY = ['current', 'available', 'forbidden'] as const;

/** `mmcli -J -m M --3gpp-scan`: each network once, by code. */
export function parseScan(json: unknown): ScannedNetwork[] | Unreadable {
  const read = readWith(ScanJson, json, 'mmcli -J -m --3gpp-scan');
  if (read instanceof Unreadable) return read;
  const out = new Map<string, ScannedNetwork>();
  for (const n of read.modem['3gpp']['scan-networks']) {
    const code = value(n['operator-code']);
    if (!code) continue;
    const technologies = (value(n['access-technologies']) ?? '').split(/,\s*/).filter(Boolean);
    const availability = (AVAILABILITY as readonly string[]).includes(n.availability) ? (n.availability as ScannedNetwork['availability']) : 'unknown';
    const prev = out.get(code);
    out.set(code, prev ? { ...prev, technologies: [...new Set([...prev.technologies, ...technologies])] } : { code, name: value(n['operator-name']), technologies, availability });
  }
  return [...out.values()];
}

const LocationJson = v.looseObject({ modem: v.looseObject({ location: obj({ '3gpp': obj({ mcc: s, mnc: s, lac: s, tac: s, cid: s }) }) }) });
const CellInfoJson = v.looseObject({ modem: v.looseObject({ generic: obj({ 'cell-info': list }) }) });

/** "cell type: lte, serving: yes, ci: 0197763E, physical ci: 120, earfcn: 6300" → fields. */
function cellFields(text: string): Record<string, string> {
  return Object.fromEntries(text.split(', ').map((kv) => kv.split(': ') as [string, string]).filter((kv) => kv.length === 2));
}
const num = (x: string | undefined) => (x !== undefined && /^\d+$/.test(x) ? Number(x) : null);

/**
 * The serving cell from `--location-get` (3GPP: MCC, MNC, TAC, cell id) and, when
 * the modem answers it, `--get-cell-info` (PCI, EARFCN; a serving cell of type 2,
 * an SCell, is a carrier aggregated to the primary).
 */
export function parseServingCell(location: unknown, cellInfo: unknown | null): ServingCell | Unreadable {
  const read = readWith(LocationJson, location, 'mmcli -J -m --location-get');
  if (read instanceof Unreadable) return read;
  const l = read.modem.location['3gpp'];
  const zero = (x: string | null) => (x && /^0+$/.test(x) ? null : x);
  const cell: ServingCell = {
    mcc: value(l.mcc),
    mnc: value(l.mnc),
    tac: zero(value(l.tac)) ?? zero(value(l.lac)),
    cellId: zero(value(l.cid)),
    pci: null,
    earfcn: null,
    band: null,
    secondary: null,
  };
  // Cell info is extra: a modem whose answer cannot be read gives the location alone.
  const info = cellInfo === null ? null : readWith(CellInfoJson, cellInfo, 'mmcli -J -m --get-cell-info');
  if (info === null || info instanceof Unreadable) return cell;
  const serving = info.modem.generic['cell-info']
    .map(cellFields)
    .filter((f) => f['serving'] === 'yes' && f['cell type'] === 'lte');
  const carrier = (f: Record<string, string>): CellCarrier => {
    const earfcn = num(f['earfcn']);
    return { pci: num(f['physical ci']), earfcn, band: lteBand(earfcn) };
  };
  const primary = serving.find((f) => f['serving cell type'] !== '2') ?? serving[0];
  if (!primary) return cell;
  return {
    ...cell,
    ...carrier(primary),
    cellId: cell.cellId ?? primary['ci'] ?? null,
    tac: cell.tac ?? primary['tac'] ?? null,
    // Only modems that say which cell is which tell us about aggregation.
    secondary: serving.some((f) => 'serving cell type' in f) ? serving.filter((f) => f !== primary).map(carrier) : null,
  };
}

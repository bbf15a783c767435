// The commissioning record: what the installer left behind, in one page. Built
// from the device's own figures when the installer says the job is done, kept on
// the device, and rendered as a printable page in English or Polish. Device data
// (operator and host names, notes) is escaped: the page has no script at all.
import type { CheckStep } from './connectivity.ts';
import type { ServingCell, SystemFacts } from './device-data.ts';
import type { SizeUnits } from './size.ts';

export type SignalFigures = { rsrp: number | null; rsrq: number | null; sinr: number | null };
export type RecordSignal = SignalFigures & { at: string; cell: ServingCell | null };

export type CommissioningRecord = {
  at: string;
  by: string;
  device: Pick<SystemFacts, 'model' | 'firmware' | 'packageVersion'> & { imei: string | null; iccid: string | null };
  operator: string | null;
  technology: string | null;
  apn: string | null;
  /** `units`: the family the plan was written in (a record made before it was kept has none: binary). */
  plan: { cycle: string; cap: number | null; policy: string; timezone: string; units?: SizeUnits };
  signal: { best: RecordSignal | null; final: RecordSignal | null };
  tests: CheckStep[];
  notes: string;
};

const LABELS = {
  en: {
    title: 'Commissioning record', done: 'Done', by: 'by', device: 'Device', model: 'Model', firmware: 'Firmware', package: 'Admin page version',
    imei: 'IMEI', iccid: 'SIM (ICCID)', network: 'Mobile network', operator: 'Operator', apn: 'APN', plan: 'Plan', cap: 'Monthly allowance',
    policy: 'At the cap', cycle: 'Cycle', signal: 'Signal', best: 'Best', final: 'Final', cell: 'Cell', tests: 'Tests', notes: 'Notes',
    none: 'not measured', noCap: 'no cap', pass: 'passed', fail: 'FAILED', notReported: 'not reported',
  },
  pl: {
    title: 'Protokół uruchomienia', done: 'Wykonano', by: 'przez', device: 'Urządzenie', model: 'Model', firmware: 'Oprogramowanie', package: 'Wersja strony administracyjnej',
    imei: 'IMEI', iccid: 'Karta SIM (ICCID)', network: 'Sieć komórkowa', operator: 'Operator', apn: 'APN', plan: 'Plan', cap: 'Limit miesięczny',
    policy: 'Po przekroczeniu', cycle: 'Okres', signal: 'Sygnał', best: 'Najlepszy', final: 'Końcowy', cell: 'Komórka', tests: 'Testy', notes: 'Uwagi',
    none: 'nie zmierzono', noCap: 'bez limitu', pass: 'zaliczony', fail: 'NIEZALICZONY', notReported: 'nie podano',
  },
};
export type RecordLang = keyof typeof LABELS;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The cap in the family the plan was written in, in its largest unit with at most two decimals: "20 GB", "1,5 GB", "20 GiB". */
function capText(bytes: number, units: SizeUnits, lang: RecordLang): string {
  const base = units === 'GB' ? 1000 : 1024;
  const labels = units === 'GB' ? ['B', 'kB', 'MB', 'GB', 'TB'] : ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let p = labels.length - 1;
  while (p > 0 && !(bytes >= base ** p && Number.isInteger((bytes * 100) / base ** p))) p--;
  return `${String(bytes / base ** p).replace('.', lang === 'pl' ? ',' : '.')} ${labels[p]}`;
}

function signalText(s: RecordSignal | null, l: (typeof LABELS)['en']): string {
  if (!s) return l.none;
  const figures = `RSRP ${s.rsrp ?? '–'} dBm, RSRQ ${s.rsrq ?? '–'} dB, SINR ${s.sinr ?? '–'} dB`;
  const c = s.cell;
  const cell = c ? `${l.cell} ${c.cellId ?? l.notReported}${c.band ? `, B${c.band}` : ''}${c.pci !== null ? `, PCI ${c.pci}` : ''}${c.earfcn !== null ? `, EARFCN ${c.earfcn}` : ''}` : `${l.cell}: ${l.notReported}`;
  return `${figures}; ${cell}; ${s.at.replace('T', ' ').slice(0, 19)} UTC`;
}

/** The record as a self-contained printable HTML page. */
export function renderRecordPage(r: CommissioningRecord, lang: RecordLang): string {
  const l = LABELS[lang];
  const row = (k: string, v: string | null) => `<tr><th>${escape(k)}</th><td>${escape(v ?? l.notReported)}</td></tr>`;
  const section = (title: string, rows: string) => `<h2>${escape(title)}</h2><table>${rows}</table>`;
  const tests = r.tests.map((t) => row(`${t.ok ? '✓' : '✗'} ${t.kind === 'dns' ? 'DNS' : 'ping'} ${t.target}`, `${t.ok ? l.pass : l.fail}: ${t.summary}`)).join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escape(l.title)}: ${escape(r.device.imei ?? '')}</title>
<style>body{font:11pt/1.4 sans-serif;max-width:48em;margin:2em auto;color:#000}h1{font-size:16pt}h2{font-size:12pt;margin:1.2em 0 .3em;border-bottom:1px solid #000}table{border-collapse:collapse;width:100%}th{text-align:left;width:35%;font-weight:600;vertical-align:top}th,td{padding:.15em .4em .15em 0}@page{margin:1.5cm}</style></head>
<body><h1>${escape(l.title)}</h1>
<p>${escape(l.done)}: ${escape(r.at.replace('T', ' ').slice(0, 19))} UTC, ${escape(l.by)} ${escape(r.by)}</p>
${section(l.device, row(l.model, r.device.model) + row(l.firmware, r.device.firmware) + row(l.package, r.device.packageVersion) + row(l.imei, r.device.imei) + row(l.iccid, r.device.iccid))}
${section(l.network, row(l.operator, r.operator && `${r.operator}${r.technology ? ` (${r.technology.toUpperCase()})` : ''}`) + row(l.apn, r.apn))}
${section(l.plan, row(l.cycle, `${r.plan.cycle}, ${r.plan.timezone}`) + row(l.cap, r.plan.cap === null ? l.noCap : capText(r.plan.cap, r.plan.units ?? 'GiB', lang)) + row(l.policy, r.plan.policy))}
${section(l.signal, row(l.best, signalText(r.signal.best, l)) + row(l.final, signalText(r.signal.final, l)))}
${section(l.tests, tests || row('–', l.none))}
${r.notes ? section(l.notes, `<tr><td>${escape(r.notes).replace(/\n/g, '<br>')}</td></tr>`) : ''}
</body></html>
`;
}

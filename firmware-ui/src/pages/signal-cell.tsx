// The serving cell as ModemManager reports it: band, PCI, cell id, EARFCN, and the carriers
// aggregated to it. A figure the modem does not give says so.
import type { SignalEvent } from '../api.ts';
import { t } from '../i18n/index.ts';
import { Card } from '../ui.tsx';

export function Cell({ cell }: { cell: SignalEvent['cell'] }) {
  const none = t('signal.notReported');
  const rows: [string, string | number | null | undefined][] = [
    [t('signal.cellBand'), cell?.band && `B${cell.band}`],
    ['PCI', cell?.pci],
    [t('signal.cellId'), cell?.cellId],
    ['EARFCN', cell?.earfcn],
    ['TAC', cell?.tac],
    ['MCC/MNC', cell?.mcc && `${cell.mcc}/${cell.mnc}`],
    [t('signal.ca'), cell?.secondary && (cell.secondary.length ? cell.secondary.map((c) => `B${c.band ?? '?'} (EARFCN ${c.earfcn ?? '?'})`).join(', ') : t('signal.caNone'))],
  ];
  return (
    <Card title="signal.cell">
      <dl class="facts">
        {rows.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd class={v == null ? 'muted' : undefined}>{v ?? none}</dd>
          </>
        ))}
      </dl>
    </Card>
  );
}

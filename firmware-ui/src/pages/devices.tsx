// The devices on the home network: name (what the device sent over DHCP: text only), address,
// Wi-Fi band and signal or cable, connected since, usage this period; block or unblock one.
import { useState } from 'preact/hooks';
import { explain } from '../error-text.ts';
import { formatBytes, formatDate, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Loading, Note, useLoad } from '../ui.tsx';

strings({ en: () => import('../i18n/en/devices.ts'), pl: () => import('../i18n/pl/devices.ts') });

export function Devices() {
  const [{ status }, state] = useApp();
  const [list, error, reload] = useLoad((api) => api.get('/api/clients'), 10_000);
  const [busy, setBusy] = useState('');
  const [failed, setFailed] = useState('');
  const tz = status?.usage.timeZone ?? 'UTC';
  return (
    <Card title="nav.devices" h1>
      <p class="note">{t('devices.blockHint')}</p>
      <Note text={failed} />
      {!list ? (
        <Loading error={error} />
      ) : list.clients.length ? (
        <ul class="plain list">
          {list.clients.map((c) => (
            <li key={c.mac} class={c.blocked ? 'off' : undefined}>
              <p class="big">{t('devices.usedTotal', { size: formatBytes(c.down + c.up) })}</p>
              <p class="row">
                <strong class="name" translate={false}>{c.name ?? t('devices.unnamed')}</strong>
                {c.self && <span class="badge">{t('devices.self')}</span>}
                <span class={c.online ? 'ok' : 'muted'}>{t(c.online ? 'devices.online' : 'devices.offline')}</span>
                {c.blocked && <span class="badge">{t('devices.blocked')}</span>}
              </p>
              <Rename mac={c.mac} name={c.named ? c.name : null} done={reload} />
              <small>{[c.ip, c.mac].filter(Boolean).join(' · ')}</small>
              <small>
                {[c.wired ? t('devices.wired') : c.band, c.signal != null && `${c.signal} dBm`, c.since && t('devices.since', { time: formatDate(c.since, tz, { dateStyle: 'short', timeStyle: 'short' }) })]
                  .filter(Boolean)
                  .join(' · ')}
              </small>
              <small>{t('devices.used', { down: formatBytes(c.down), up: formatBytes(c.up) })}</small>
              <button
                type="button"
                class="second"
                disabled={busy == c.mac}
                onClick={async () => {
                  setBusy(c.mac);
                  setFailed('');
                  await state.api.send(`${c.blocked ? 'DELETE' : 'POST'} /api/clients/${c.mac}/block`, {}).catch(async (e) => setFailed(await explain(e)));
                  await reload();
                  setBusy('');
                }}
              >
                {t(c.blocked ? 'devices.unblock' : 'devices.block')}
                <span class="sr-only">: {c.name ?? c.mac}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('devices.none')}</p>
      )}
    </Card>
  );
}

/** A name of the household's own for a device, kept on the modem; empty: back to the one it sends. */
function Rename({ mac, name, done }: { mac: string; name: string | null; done: () => Promise<void> }) {
  const [, state] = useApp();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState('');
  if (!open)
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        {t('devices.rename')}
      </button>
    );
  return (
    <form
      class="rename"
      onSubmit={async (e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget).get('name') ?? '');
        try {
          await state.api.send(`PUT /api/clients/${mac}/name`, { name: value });
          setOpen(false);
          await done();
        } catch (err) {
          setFailed(await explain(err));
        }
      }}
    >
      <label>
        {t('devices.name')}
        <input name="name" defaultValue={name ?? ''} maxLength={40} autocomplete="off" />
      </label>
      <small>{t('devices.nameHint')}</small>
      <Note text={failed} />
      <button>{t('devices.save')}</button>
    </form>
  );
}

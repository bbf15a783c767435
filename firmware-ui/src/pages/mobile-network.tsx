// The installer's network choice: scan for networks and register on one, or automatic
// selection; and the bands the modem may use, where it lets us choose.
import { useState } from 'preact/hooks';
import type { MobileJson, ScanJson } from '../api.ts';
import { t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Form } from '../ui.tsx';

export function Network({ m, setM }: { m: MobileJson; setM: (m: MobileJson) => void }) {
  const [, state] = useApp();
  const [found, setFound] = useState<ScanJson['networks'] | null>(null);
  const bands = m.bands;
  return (
    <>
      <Form
        title="network.title"
        intro="network.intro"
        submit={found ? 'network.use' : 'network.scan'}
        onSubmit={async (data) => {
          if (!found) return setFound((await state.api.send('POST /api/mobile/scan', { check: true })).networks);
          const code = String(data.get('code'));
          setM(await state.api.send('PUT /api/mobile/operator', { code: code == 'auto' ? null : code }));
        }}
      >
        <p class="note">{t('network.now', { name: m.operator ?? '–', how: t(m.network?.manual ? 'network.manual' : 'network.auto') })}</p>
        {found && (
          <fieldset>
            <legend>{t('network.found', { n: found.length })}</legend>
            <label>
              <input type="radio" name="code" value="auto" required />
              {t('network.auto')}
            </label>
            {found.map((n) => (
              <label>
                <input type="radio" name="code" value={n.code} disabled={n.availability == 'forbidden'} required />
                {`${n.name ?? n.code} (${n.code}, ${n.technologies.join('/').toUpperCase()})${n.availability == 'forbidden' ? ` – ${t('network.forbidden')}` : n.availability == 'current' ? ` – ${t('network.current')}` : ''}`}
              </label>
            ))}
          </fieldset>
        )}
      </Form>
      {bands && bands.supported.length > 0 && (
        <Form
          title="network.bands"
          submit="network.bandsSave"
          done="network.bandsSaved"
          onSubmit={async (data) => {
            const chosen = data.getAll('band').map(String);
            setM(await state.api.send('PUT /api/mobile/bands', { bands: chosen.length == bands.supported.length ? null : chosen }));
          }}
        >
          <fieldset class="bands">
            {bands.supported.map((b) => (
              <label>
                <input type="checkbox" name="band" value={b} defaultChecked={bands.current.includes(b)} />
                {b.replace(/^eutran-/, 'LTE B').replace(/^utran-/, '3G B').toUpperCase()}
              </label>
            ))}
          </fieldset>
        </Form>
      )}
    </>
  );
}

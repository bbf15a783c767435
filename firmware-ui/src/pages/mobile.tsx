// The installer's mobile settings: APN, authentication, user and password (write-only),
// network mode; then the SIM PIN. The server checks everything; its messages show next to the
// fields they are about and the fields keep what was typed (they are uncontrolled).
import { useState } from 'preact/hooks';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { describe, Field, Form, issuesOf, Loading, useLoad } from '../ui.tsx';
import { Network } from './mobile-network.tsx';
import type { MobileBody, MobileJson } from '../../../device-daemon/src/api/index.ts';

strings({ en: () => import('../i18n/en/mobile.ts'), pl: () => import('../i18n/pl/mobile.ts') });

/** The data connection in one line: interface, the first address with its prefix, the DNS servers. */
function bearer(c: NonNullable<MobileJson['connection']>) {
  const ip = c.ipv4 ?? c.ipv6;
  const dns = [...(c.ipv4?.dns ?? []), ...(c.ipv6?.dns ?? [])];
  return t('mobile.bearer', { iface: c.interface ?? '–', address: ip?.address ? [ip.address, ip.prefix].filter((x) => x !== null).join('/') : '–', dns: dns.join(', ') || '–' });
}

export function Mobile() {
  const [, state] = useApp();
  const [m, error, , setM] = useLoad((api) => api.get('/api/mobile'));
  const [issues, setIssues] = useState<Record<string, string>>({});
  if (!m) return <Loading error={error} />;
  const select = (name: 'auth' | 'mode', options: readonly string[]) => (
    <Field name={name} label={name == 'auth' ? 'mobile.auth' : 'connection.network'}>
      <select {...describe(name)}>
        {options.map((o) => (
          <option value={o} selected={o == m[name]}>
            {name == 'mode' ? t(`mobile.mode.${o}` as 'mobile.mode.auto') : o == 'none' ? t('mobile.auth.none') : o.toUpperCase()}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <>
      <Form
        title="nav.mobile"
        h1
        submit="mobile.save"
        done="mobile.saved"
        onSubmit={async (data) => {
          const get = (k: string) => String(data.get(k));
          const password = get('password');
          setIssues({});
          try {
            setM(await state.api.send('PUT /api/mobile', { apn: get('apn').trim(), auth: get('auth') as MobileBody['auth'], username: get('username'), mode: get('mode') as MobileBody['mode'], ...(password ? { password } : {}) }));
          } catch (e) {
            setIssues(issuesOf(e));
            throw e;
          }
        }}
      >
        {m.sim && <p class="note">{t('mobile.sim', { iccid: m.sim.iccid ?? '–', number: m.sim.ownNumber ?? '–' })}</p>}
        <p class="note">{t('mobile.imei', { imei: m.imei ?? '–' })}</p>
        {m.connection?.connected && <p class="note">{bearer(m.connection)}</p>}
        {m.presets.length > 0 && (
          <Field name="preset" label="mobile.preset" required={false}>
            <select
              {...describe('preset')}
              onChange={(e) => {
                const p = m.presets[Number(e.currentTarget.value)];
                const form = e.currentTarget.form!;
                if (p) for (const [k, v] of [['apn', p.apn], ['auth', p.auth], ['username', p.username], ['password', p.password]]) (form.elements.namedItem(k!) as HTMLInputElement).value = v!;
              }}
            >
              <option value="">–</option>
              {m.presets.map((p, i) => (
                <option value={i}>{`${p.name} (${p.apn})`}</option>
              ))}
            </select>
          </Field>
        )}
        <Field name="apn" label="mobile.apn" issue={issues.apn} defaultValue={m.apn} required={false} />
        {select('auth', ['none', 'pap', 'chap'])}
        <Field name="username" label="mobile.user" issue={issues.username} defaultValue={m.username} required={false} autocomplete="off" />
        <Field name="password" label="password.password" type="password" hint={m.passwordSet ? 'mobile.passKeep' : undefined} issue={issues.password} required={false} autocomplete="new-password" />
        {select('mode', ['auto', 'lte', '3g'])}
      </Form>
      {m.unlock.required == 'sim-puk' ? (
        <Form
          title="puk.title"
          intro="puk.intro"
          submit="app.send"
          done="pin.done"
          reset
          onSubmit={async (data) => {
            await state.api.send('POST /api/mobile/puk', { puk: String(data.get('puk')), newPin: String(data.get('newPin')) });
            setM(await state.api.get('/api/mobile'));
          }}
        >
          {m.unlock.pukRetries != null && <p class="warning">{t('puk.left', { n: m.unlock.pukRetries })}</p>}
          <Field name="puk" label="puk.puk" type="password" inputMode="numeric" pattern="[0-9]{8}" autocomplete="off" />
          <Field name="newPin" label="puk.newPin" hint="pin.hint" type="password" inputMode="numeric" pattern="[0-9]{4,8}" autocomplete="off" />
        </Form>
      ) : (
        <Form
          title="pin.title"
          submit="app.send"
          done="pin.done"
          reset
          onSubmit={async (data) => {
            const newPin = String(data.get('newPin'));
            try {
              await state.api.send('POST /api/mobile/pin', { pin: String(data.get('pin')), ...(newPin ? { newPin } : {}) });
            } finally {
              setM(await state.api.get('/api/mobile'));
            }
          }}
        >
          {m.unlock.required == 'sim-pin' && <p class="warning">{t('pin.locked')}</p>}
          {m.unlock.pinRetries != null && <p class="note">{t('pin.left', { n: m.unlock.pinRetries })}</p>}
          <Field name="pin" label="pin.pin" hint="pin.hint" type="password" inputMode="numeric" pattern="[0-9]{4,8}" autocomplete="off" />
          <Field name="newPin" label="pin.new" type="password" inputMode="numeric" pattern="[0-9]{4,8}" required={false} autocomplete="off" />
        </Form>
      )}
      <Network m={m} setM={setM} />
    </>
  );
}

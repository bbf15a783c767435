// The installer's mobile settings: APN, authentication, user and password (write-only),
// network mode; then the SIM PIN. The server checks everything; its messages show next to the
// fields they are about and the fields keep what was typed (they are uncontrolled).
import { useState } from 'preact/hooks';
import { en } from '../i18n/en/mobile.ts';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { describe, Field, Form, issuesOf, Loading, useLoad } from '../ui.tsx';
import type { MobileBody } from '../../../device-daemon/src/api/index.ts';

strings(en);

export function Mobile() {
  const [, state] = useApp();
  const [m, error, , setM] = useLoad((api) => api.get('/api/mobile'));
  const [issues, setIssues] = useState<Record<string, string>>({});
  if (!m) return <Loading error={error} />;
  const select = (name: 'auth' | 'mode', options: readonly string[]) => (
    <Field name={name} label={name == 'auth' ? 'm.auth' : 'c.network'}>
      <select {...describe(name)}>
        {options.map((o) => (
          <option value={o} selected={o == m[name]}>
            {name == 'mode' ? t(`m.mode.${o}` as 'm.mode.auto') : o == 'none' ? t('m.auth.none') : o.toUpperCase()}
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
        submit="m.save"
        done="m.saved"
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
        {m.sim && <p class="note">{t('m.sim', { iccid: m.sim.iccid ?? '–', number: m.sim.ownNumber ?? '–' })}</p>}
        <Field name="apn" label="m.apn" issue={issues.apn} defaultValue={m.apn} required={false} />
        {select('auth', ['none', 'pap', 'chap'])}
        <Field name="username" label="m.user" issue={issues.username} defaultValue={m.username} required={false} autocomplete="off" />
        <Field name="password" label="pw.password" type="password" hint={m.passwordSet ? 'm.passKeep' : undefined} issue={issues.password} required={false} autocomplete="new-password" />
        {select('mode', ['auto', 'lte', '3g'])}
      </Form>
      <Form
        title="pin.title"
        submit="ap.send"
        done="pin.done"
        reset
        onSubmit={(data) => {
          const newPin = String(data.get('newPin'));
          return state.api.send('POST /api/mobile/pin', { pin: String(data.get('pin')), ...(newPin ? { newPin } : {}) });
        }}
      >
        <Field name="pin" label="pin.pin" hint="pin.hint" type="password" inputMode="numeric" pattern="[0-9]{4,8}" autocomplete="off" />
        <Field name="newPin" label="pin.new" type="password" inputMode="numeric" pattern="[0-9]{4,8}" required={false} autocomplete="off" />
      </Form>
    </>
  );
}

// The customer's Wi-Fi: name, password (the current one is fetched only when asked to show it),
// a strength hint, security mode, the warning that devices drop, save, and the QR code to join.
// Checked here with the daemon's rules first; the daemon's answer decides.
import { useState } from 'preact/hooks';
import type { WifiJson } from '../api.ts';
import { en } from '../i18n/en/wifi.ts';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, describe, Field, Form, issuesOf, Loading, Note, useLoad } from '../ui.tsx';

strings(en);

const SECURITY = { psk2: 'WPA2', 'sae-mixed': 'WPA2/WPA3', sae: 'WPA3' };
/** As device-daemon/src/features/wifi/schemas.ts: 8–63 printable ASCII or 64 hex; SSID 1–32 UTF-8 bytes, no control characters. */
const KEY = /^(?:[\x20-\x7e]{8,63}|[0-9A-Fa-f]{64})$/;
const okSsid = (s: string) => !/[\p{Cc}\p{Cs}]/u.test(s) && s.length > 0 && new TextEncoder().encode(s).length <= 32;

/** 0 weak, 1 fair, 2 strong: length and kinds of character. */
function strength(key: string): number {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(key)).length;
  return key.length >= 16 || (key.length >= 12 && kinds >= 3) ? 2 : key.length >= 10 && kinds >= 2 ? 1 : 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function Wifi() {
  const [, state] = useApp();
  const [w, error, , setW] = useLoad((api) => api.get('/api/wifi'));
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<WifiJson['state'] | ''>('');
  const [qr, setQr] = useState(0);
  if (!w) return <Loading error={error} />;
  const reveal = () => state.api.get('/api/wifi?reveal=1').then((r) => r.key!);
  return (
    <>
      <Form
        title="nav.wifi"
        h1
        submit="w.save"
        onSubmit={async (data) => {
          const ssid = String(data.get('ssid'));
          const bad = { ssid: okSsid(ssid) ? '' : t('w.badSsid'), key: !key || KEY.test(key) ? '' : t('w.badKey') };
          setIssues(bad);
          setResult('');
          if (bad.ssid || bad.key) throw new Error(bad.ssid || bad.key);
          let next = await state.api.send('PUT /api/wifi', { ssid, key: key || (await reveal()), security: data.get('security') as WifiJson['security'] }).catch((e) => {
            setIssues(issuesOf(e));
            throw e;
          });
          setResult('applying');
          // The reload runs after the answer; a phone on this Wi-Fi drops meanwhile, so failures are retried.
          for (let i = 0; next.state == 'applying' && i < 90; i++) {
            await sleep(1000);
            next = await state.api.get('/api/wifi').catch(() => next);
          }
          setW(next);
          setResult(next.state);
          setQr((n) => n && n + 1);
        }}
      >
        <Field name="ssid" label="w.ssid" issue={issues.ssid} defaultValue={w.ssid} autocomplete="off" />
        <div class="with-unit">
          <Field name="key" label="pw.password" hint="w.keyHint" issue={issues.key}>
            <input
              {...describe('key')}
              type={(shown ? 'text' : 'password') as 'text'}
              value={key}
              onInput={(e) => setKey(e.currentTarget.value)}
              autocomplete="new-password"
              autocapitalize="off"
              spellcheck={false}
            />
          </Field>
          <button
            type="button"
            class="second"
            aria-pressed={shown}
            onClick={async () => {
              if (!shown && !key) setKey(await reveal());
              setShown(!shown);
            }}
          >
            {t(shown ? 'w.hide' : 'w.show')}
          </button>
        </div>
        {key && (
          <p class={`lvl${strength(key)}`} aria-live="polite">
            {t('w.strength', { s: t(`w.lvl${strength(key)}` as 'w.lvl0') })}
          </p>
        )}
        <Field name="security" label="w.security">
          <select {...describe('security')}>
            {Object.entries(SECURITY).map(([v, name]) => (
              <option value={v} selected={v == w.security}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <p class="banner warning">{t('w.warn')}</p>
        {result && <Note ok={result != 'restored'} text={t(`w.state.${result}`)} />}
      </Form>
      <Card title="w.qr">
        <button type="button" class="second" aria-expanded={!!qr} onClick={() => setQr(qr ? 0 : 1)}>
          {t(qr ? 'w.qrHide' : 'w.qr')}
        </button>
        {qr > 0 && <img class="qr" src={`/api/wifi/qr.svg?${qr}`} alt={t('w.qrAlt', { ssid: w.ssid })} />}
      </Card>
    </>
  );
}

// The customer's Wi-Fi, one form per network as the router has them: a different name or
// password per band stays so, and "same on all bands" is a choice the customer makes.
// Each form: name, password (the current one is fetched only when asked to show it), a
// strength hint, security, the warning that devices drop, save, and the QR code to join.
// Networks set up for enterprise (802.1X) or WEP are shown, not changed. Checked here with
// the daemon's rules first; the daemon's answer decides.
import { useState } from 'preact/hooks';
import type { WifiInputJson, WifiJson } from '../api.ts';
import { en } from '../i18n/en/wifi.ts';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, describe, Field, Form, issuesOf, Loading, Note, useLoad } from '../ui.tsx';

strings(en);

type Net = WifiJson['networks'][number];
type Security = WifiInputJson['security'];

/** As device-daemon/src/features/wifi/schemas.ts: 8–63 printable ASCII or 64 hex; SSID 1–32 UTF-8 bytes, no control characters. */
const KEY = /^(?:[\x20-\x7e]{8,63}|[0-9A-Fa-f]{64})$/;
const okSsid = (s: string) => !/[\p{Cc}\p{Cs}]/u.test(s) && s.length > 0 && new TextEncoder().encode(s).length <= 32;
/** Offered to choose; WPA and WPA/WPA2 only when a network has them, to keep it as it is. */
const CHOICES: Security[] = ['psk2', 'sae-mixed', 'sae', 'owe', 'none'];
const KEYLESS = ['none', 'owe'];
// The standards' own names read the same in every language.
const NAMES: Record<string, string> = { psk: 'WPA', 'psk-mixed': 'WPA/WPA2', psk2: 'WPA2', 'sae-mixed': 'WPA2/WPA3', sae: 'WPA3', enterprise: 'WPA Enterprise', wep: 'WEP' };
const secName = (s: string) => NAMES[s] ?? t(`w.sec.${s}` as 'w.sec.none');

/** 0 weak, 1 fair, 2 strong: length and kinds of character. */
function strength(key: string): number {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(key)).length;
  return key.length >= 16 || (key.length >= 12 && kinds >= 3) ? 2 : key.length >= 10 && kinds >= 2 ? 1 : 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bandList = (nets: Net[]) => [...new Set(nets.flatMap((n) => n.bands))].join(', ');

/** One form for `nets`: a single network, or every editable one at once (`all`). */
function NetworkForm(props: { nets: Net[]; all: boolean; n: number; onSaved: (w: WifiJson) => void }) {
  const [, state] = useApp();
  const { nets, all, n } = props;
  const first = nets[0]!;
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [security, setSecurity] = useState<string>(first.security);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<WifiJson['state'] | ''>('');
  const [qr, setQr] = useState(0);
  const only = nets.filter((x) => x.wpa3Only);
  // A network that may carry only WPA3 is not offered WPA2 (or, multi-link, OWE).
  const choices = [...(CHOICES.includes(first.security as Security) ? [] : [first.security]), ...CHOICES].filter(
    (s) => all || !first.wpa3Only || s === 'sae' || s === 'sae-mixed' || (s === 'owe' && !first.mlo),
  );
  const reveal = () => state.api.get('/api/wifi?reveal=1').then((r) => r.networks.find((x) => x.id === first.id)?.key ?? '');
  const f = (name: string) => `${name}-${n}`;
  return (
    <Form
      title={all ? 'w.allBands' : 'w.network'}
      submit="w.save"
      onSubmit={async (data) => {
        const ssid = String(data.get(f('ssid')));
        const keyless = KEYLESS.includes(security);
        const bad = { ssid: okSsid(ssid) ? '' : t('w.badSsid'), key: keyless || !key || KEY.test(key) ? '' : t('w.badKey') };
        setIssues(bad);
        setResult('');
        if (bad.ssid || bad.key) throw new Error(bad.ssid || bad.key);
        const body = { networks: all ? ('all' as const) : [first.id], ssid, security: security as Security, ...(key && !keyless ? { key } : {}) };
        let next = await state.api.send('PUT /api/wifi', body).catch((e) => {
          setIssues(issuesOf(e));
          throw e;
        });
        setResult('applying');
        // The reload runs after the answer; a phone on this Wi-Fi drops meanwhile, so failures are retried.
        for (let i = 0; next.state == 'applying' && i < 90; i++) {
          await sleep(1000);
          next = await state.api.get('/api/wifi').catch(() => next);
        }
        setResult(next.state);
        setQr((q) => q && q + 1);
        props.onSaved(next);
      }}
    >
      <p class="muted">{first.mlo && !all ? t('w.mlo', { bands: bandList(nets) }) : t('w.bands', { bands: bandList(nets) })}</p>
      <Field name={f('ssid')} label="w.ssid" issue={issues.ssid} defaultValue={first.ssid} autocomplete="off" />
      <div class="with-unit" hidden={KEYLESS.includes(security)}>
        <Field name={f('key')} label="pw.password" hint="w.keyHint" issue={issues.key}>
          <input
            {...describe(f('key'))}
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
      {key && !KEYLESS.includes(security) && (
        <p class={`lvl${strength(key)}`} aria-live="polite">
          {t('w.strength', { s: t(`w.lvl${strength(key)}` as 'w.lvl0') })}
        </p>
      )}
      <Field name={f('security')} label="w.security" issue={issues.security}>
        <select {...describe(f('security'))} onChange={(e) => setSecurity(e.currentTarget.value)}>
          {choices.map((v) => (
            <option value={v} selected={v == security}>
              {secName(v)}
            </option>
          ))}
        </select>
      </Field>
      {only.length > 0 && <p class="muted">{t('w.wpa3Only', { bands: bandList(only) })}</p>}
      {issues.networks && <p class="error">{issues.networks}</p>}
      <p class="banner warning">{t('w.warn')}</p>
      {result && <Note ok={result != 'restored'} text={t(`w.state.${result}`)} />}
      <p>
        <button type="button" class="second" aria-expanded={!!qr} onClick={() => setQr(qr ? 0 : 1)}>
          {t(qr ? 'w.qrHide' : 'w.qr')}
        </button>
      </p>
      {qr > 0 && <img class="qr" src={`/api/wifi/qr.svg?id=${encodeURIComponent(first.id)}&${qr}`} alt={t('w.qrAlt', { ssid: first.ssid })} />}
    </Form>
  );
}

export function Wifi() {
  const [w, error, , setW] = useLoad((api) => api.get('/api/wifi'));
  const [apart, setApart] = useState<boolean | null>(null);
  // Forms are made afresh after a save or a switch, with the values the router now has.
  const [round, setRound] = useState(0);
  if (!w) return <Loading error={error} />;
  const editable = w.networks.filter((n) => n.editable);
  const split = apart ?? !w.same;
  const groups = split ? editable.map((n) => [n]) : editable.length ? [editable] : [];
  return (
    <>
      <Card title="nav.wifi" h1>
        {editable.length > 1 && (
          <label class="check">
            <input
              type="checkbox"
              checked={!split}
              onChange={(e) => {
                setApart(!e.currentTarget.checked);
                setRound(round + 1);
              }}
            />{' '}
            {t('w.same')}
          </label>
        )}
        {w.networks
          .filter((n) => !n.editable)
          .map((n) => (
            <p class="muted">
              <strong>{n.ssid}</strong> ({n.bands.join(', ')}): {t('w.managed', { security: secName(n.security) })}
            </p>
          ))}
      </Card>
      {groups.map((nets, i) => (
        <NetworkForm
          key={`${round}-${nets.map((x) => x.id).join()}`}
          nets={nets}
          all={!split && editable.length > 1}
          n={i}
          onSaved={(next) => {
            setW(next);
            if (next.same !== w.same) setApart(null);
          }}
        />
      ))}
    </>
  );
}

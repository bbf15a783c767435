// Balance and top-up: the operator's figure beside our count, the raw reply when it cannot be
// read, the installer's correction, buying a top-up (with a confirmation step), the operator's
// USSD codes and, for installers, a USSD console. Operator texts are rendered as text.
import { useState } from 'preact/hooks';
import type { BalanceJson, UssdReply } from '../api.ts';
import { explain, useFaultText } from '../error-text.ts';
import { formatBytes, formatDate, hasKey, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Field, Loading, Note, useLoad } from '../ui.tsx';

strings({ en: () => import('../i18n/en/balance.ts'), pl: () => import('../i18n/pl/balance.ts') });

/** Digits, * and # (what the daemon accepts). */
const USSD = /^[0-9*#]{1,32}$/;

export function Balance() {
  const [{ role, status }, state] = useApp();
  const [b, error, reload, setB] = useLoad((api) => api.get('/api/balance'), 5000);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState(['', false] as [string, boolean?]);
  const [sure, setSure] = useState(0);
  const fault = useFaultText(b?.result?.error);
  if (!b) return <Loading error={error} />;
  const tz = status?.usage.timeZone ?? 'UTC';
  const op = b.operator;
  const r = b.result;
  const purchase = b.purchase;
  /** Runs an action; its error (or `done`) shows under the card's buttons. */
  const run = async (work: () => Promise<unknown>, done = '') => {
    setBusy(true);
    setMsg(['']);
    try {
      await work();
      setMsg([done, true]);
    } catch (e) {
      setMsg([await explain(e)]);
    }
    setBusy(false);
    reload();
  };
  return (
    <>
      <Card title="nav.balance" h1>
        {!b.configured ? (
          <p class="muted">{t('balance.off')}</p>
        ) : (
          <>
            {op && (
              <div role="status">
                {op.dataBytes != null && b.counted.left != null && (
                  <p class="big">{t('balance.says', { op: formatBytes(op.dataBytes), us: formatBytes(b.counted.left) })}</p>
                )}
                {op.money && <p>{t('balance.money', op.money)}</p>}
                {op.expiry && <p>{t('balance.valid', { date: formatDate(op.expiry, 'UTC') })}</p>}
                {op.validDays != null && <p>{t('usage.daysLeft', { n: op.validDays })}</p>}
                <small>{t('balance.at', { time: formatDate(op.at, tz, { dateStyle: 'medium', timeStyle: 'short' }) })}</small>
              </div>
            )}
            {fault && <p class="error">{fault}</p>}
            {r && !r.error && !r.reading && (
              <>
                <p>{t('balance.raw')}</p>
                <p class="reply" translate={false}>{r.text}</p>
              </>
            )}
            <p class="actions">
              <button type="button" disabled={busy || b.checking} onClick={() => run(async () => setB(await state.api.send('POST /api/balance/check', { check: true })))}>
                {t(busy || b.checking ? 'balance.checking' : 'balance.check')}
              </button>
              {role == 'installer' && b.correction && (
                <button type="button" class="second" disabled={busy} onClick={() => run(() => state.api.send('POST /api/usage/correction', b.correction!), t('balance.fixed'))}>
                  {t('balance.fix')}
                </button>
              )}
            </p>
          </>
        )}
        <Note text={msg[0]} ok={msg[1]} />
      </Card>
      {b.topups.length > 0 && (
        <Card title="topup.title">
          {purchase && (
            <p class={purchase.state == 'confirmed' ? 'ok' : 'muted'} role="status">
              {t(`topup.state.${purchase.state}`, { size: formatBytes(purchase.bytes) })}
            </p>
          )}
          {purchase?.reply && <p class="reply" translate={false}>{purchase.reply}</p>}
          {sure ? (
            <>
              <p>
                <strong>{t('topup.sure', { size: formatBytes(sure) })}</strong>
              </p>
              <p class="actions">
                <button type="button" disabled={busy} onClick={() => run(() => state.api.send('POST /api/topups/purchase', { bytes: sure, confirm: true })).then(() => setSure(0))}>
                  {t('topup.yes')}
                </button>
                <button type="button" class="second" onClick={() => setSure(0)}>
                  {t('topup.no')}
                </button>
              </p>
            </>
          ) : (
            <p class="actions">
              {b.topups.map((x) => (
                <button type="button" disabled={busy || purchase?.state == 'pending'} onClick={() => setSure(x.bytes)}>
                  {t('topup.buy', { size: formatBytes(x.bytes) })}
                </button>
              ))}
            </p>
          )}
        </Card>
      )}
      <Ussd installer={role == 'installer'} />
    </>
  );
}

/** The quick actions from the config; for installers also the console (menus answered in turn). */
function Ussd({ installer }: { installer: boolean }) {
  const [, state] = useApp();
  const [list] = useLoad((api) => api.get('/api/ussd'));
  const [reply, setReply] = useState<UssdReply | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const ask = async (work: () => Promise<UssdReply>) => {
    setBusy(true);
    setError('');
    try {
      setReply(await work());
    } catch (e) {
      setError(await explain(e));
    }
    setBusy(false);
  };
  /** A console form: validated here first, the daemon checks again. */
  const submit = (name: 'code' | 'text', send: (v: string) => Promise<UssdReply>) => (e: Event) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget as HTMLFormElement).get(name)).trim();
    if (USSD.test(value)) ask(() => send(value));
    else setError(t('ussd.codeHint'));
  };
  const menu = reply && !reply.final;
  return (
    <Card title="ussd.title">
      <p class="actions">
        {list?.actions.map((a) => {
          const key = `ussd.a.${a.id}`;
          return (
            <button type="button" class="second" disabled={busy} onClick={() => ask(() => state.api.send('POST /api/ussd/action', { action: a.id }))}>
              {hasKey(key) ? t(key) : a.id} <small>{a.code}</small>
            </button>
          );
        })}
      </p>
      {installer && (
        <form onSubmit={menu ? submit('text', (text) => state.api.send('POST /api/ussd/respond', { text })) : submit('code', (code) => state.api.send('POST /api/ussd', { code }))}>
          <h3>{t('ussd.console')}</h3>
          <Field
            key={menu ? 1 : 0}
            name={menu ? 'text' : 'code'}
            label={menu ? 'ussd.answer' : 'ussd.code'}
            hint="ussd.codeHint"
            pattern="[0-9*#]{1,32}"
            inputMode="tel"
            autocomplete="off"
          />
          <p class="actions">
            <button disabled={busy}>{t('app.send')}</button>
            {menu && (
              <button type="button" class="second" onClick={() => state.api.send('DELETE /api/ussd', {}).then(() => setReply(null), async (e) => setError(await explain(e)))}>
                {t('ussd.end')}
              </button>
            )}
          </p>
        </form>
      )}
      <Note text={error} />
      {reply?.text && (
        <p class="reply" role="status" translate={false}>
          {reply.text}
        </p>
      )}
    </Card>
  );
}

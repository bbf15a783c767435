// The System page. Everyone: what the router is, a connection check, a restart. Installers:
// the daemon's health, configuration backup and restore, the system log, factory reset (what
// it keeps and wipes is said first; RESET must be typed). Check results are built from the
// figures, in the reader's language.
import { useState } from 'preact/hooks';
import type { CheckJson } from '../api.ts';
import { en } from '../i18n/en/system.ts';
import { formatBytes, strings, t, type Key } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Field, Form, Loading, Note, useLoad } from '../ui.tsx';
import { Commissioning } from './commissioning.tsx';

strings(en);

const list = (keys: string[]) => keys.map((k) => t(`sy.k.${k}` as Key)).join(', ');

function stepText(s: CheckJson['steps'][number]): string {
  const d = s.detail as { sent?: number; received?: number; avgMs?: number | null; addresses?: string[] } | null;
  if (s.kind === 'dns') {
    if (!d) return t('sy.noDns');
    const [name, server] = s.target.split(' @ ');
    return t(s.ok ? 'sy.dnsOk' : 'sy.dnsNo', { name: name!, server: server! });
  }
  if (!d) return t('sy.pingGone', { target: s.target });
  return s.ok ? t('sy.pingOk', { target: s.target, got: d.received!, sent: d.sent!, ms: Math.round(d.avgMs ?? 0) }) : t('sy.pingNo', { target: s.target });
}

export function System() {
  const [{ role }, state] = useApp();
  const [info, error] = useLoad((api) => api.get('/api/system'));
  const [check, setCheck] = useState<CheckJson | null>(null);
  const [restarted, setRestarted] = useState('');
  if (!info) return <Loading error={error} />;
  const h = info.health;
  const rows: [Key, string | null][] = [
    ['sy.model', info.model],
    ['sy.firmware', info.firmware],
    ['sy.package', info.packageVersion],
    ['sy.uptime', info.uptimeSeconds === null ? null : `${Math.floor(info.uptimeSeconds / 86400)} d ${new Date(info.uptimeSeconds * 1000).toISOString().slice(11, 16)}`],
    ['sy.wan', info.wanAddress],
    ...(h ? ([['sy.flash', h.lastFlashWrite ? new Date(h.lastFlashWrite).toLocaleString() : t('sy.never')], ['sy.free', h.freeBytes === null ? null : formatBytes(h.freeBytes)]] as [Key, string][]) : []),
  ];
  return (
    <>
      <Card title="nav.system" h1>
        <dl class="facts">
          {rows.map(([k, v]) => (
            <>
              <dt>{t(k)}</dt>
              <dd>{v ?? '–'}</dd>
            </>
          ))}
        </dl>
        <Note ok text={restarted} />
        <button
          onClick={async () => {
            if (!confirm(t('sy.restartAsk'))) return;
            await state.api.send('POST /api/system/reboot', { confirm: true });
            setRestarted(t('sy.restarting'));
          }}
        >
          {t('sy.restart')}
        </button>
      </Card>
      <Form
        title="sy.check"
        intro="sy.checkIntro"
        submit="sy.check"
        onSubmit={async (data) => {
          const target = String(data.get('target')).trim();
          setCheck(null);
          setCheck(await state.api.send('POST /api/system/connectivity', target ? { check: true, target } : { check: true }));
        }}
      >
        <Field name="target" label="sy.target" required={false} />
        {check && (
          <ul class="checks" aria-live="polite">
            {check.steps.map((s) => (
              <li class={s.ok ? 'ok' : 'error'}>{(s.ok ? '✓ ' : '✗ ') + stepText(s)}</li>
            ))}
          </ul>
        )}
      </Form>
      {role === 'installer' && info.factoryReset && <Installer keeps={info.factoryReset.keeps} wipes={info.factoryReset.wipes} />}
    </>
  );
}

function Installer(props: { keeps: string[]; wipes: string[] }) {
  const [, state] = useApp();
  return (
    <>
      <Commissioning />
      <Card title="sy.backup">
        <p>
          <a href="/api/system/backup" download>
            {t('sy.download')}
          </a>
        </p>
      </Card>
      <Form
        title="sy.restore"
        submit="sy.restore"
        done="sy.restored"
        onSubmit={async (data) => {
          let doc: unknown;
          try {
            doc = JSON.parse(await (data.get('file') as File).text());
          } catch {
            throw new Error(t('sy.notJson'));
          }
          await state.api.send('POST /api/system/restore', doc);
        }}
      >
        <Field name="file" label="sy.file" type="file" accept=".json,application/json" />
      </Form>
      <Card title="sy.log">
        <p>
          <a href="/api/system/logs?download" download>
            {t('sy.logDownload')}
          </a>
        </p>
      </Card>
      <Form
        title="sy.reset"
        submit="sy.reset"
        done="sy.resetting"
        reset
        onSubmit={(data) => state.api.send('POST /api/system/factory-reset', { confirm: String(data.get('confirm')) })}
      >
        <p>{t('sy.keeps', { list: list(props.keeps) })}</p>
        <p class="warning">{t('sy.wipes', { list: list(props.wipes) })}</p>
        <Field name="confirm" label="sy.type" autocomplete="off" />
      </Form>
    </>
  );
}

// The System page. Everyone: what the router is, a connection check, a restart. Installers:
// the daemon's health, configuration backup and restore, the system log, factory reset (what
// it keeps and wipes is said first; RESET must be typed). Check results are built from the
// figures, in the reader's language.
import { useState } from 'preact/hooks';
import type { CheckJson } from '../api.ts';
import { formatBytes, strings, t, type Key } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Field, Form, Loading, Note, useLoad } from '../ui.tsx';
import { Commissioning } from './commissioning.tsx';

strings({ en: () => import('../i18n/en/system.ts'), pl: () => import('../i18n/pl/system.ts') });

const list = (keys: string[]) => keys.map((k) => t(`system.k.${k}` as Key)).join(', ');

function stepText(s: CheckJson['steps'][number]): string {
  const d = s.detail as { sent?: number; received?: number; avgMs?: number | null; addresses?: string[] } | null;
  if (s.kind === 'dns') {
    if (!d) return t('system.noDns');
    const [name, server] = s.target.split(' @ ');
    return t(s.ok ? 'system.dnsOk' : 'system.dnsNo', { name: name!, server: server! });
  }
  if (!d) return t('system.pingGone', { target: s.target });
  return s.ok ? t('system.pingOk', { target: s.target, got: d.received!, sent: d.sent!, ms: Math.round(d.avgMs ?? 0) }) : t('system.pingNo', { target: s.target });
}

export function System() {
  const [{ role }, state] = useApp();
  const [info, error] = useLoad((api) => api.get('/api/system'));
  const [check, setCheck] = useState<CheckJson | null>(null);
  const [restarted, setRestarted] = useState('');
  if (!info) return <Loading error={error} />;
  const h = info.health;
  const rows: [Key, string | null][] = [
    ['system.model', info.model],
    ['system.firmware', info.firmware],
    ['system.package', info.packageVersion],
    ['system.uptime', info.uptimeSeconds === null ? null : `${Math.floor(info.uptimeSeconds / 86400)} d ${new Date(info.uptimeSeconds * 1000).toISOString().slice(11, 16)}`],
    ['system.wan', info.wanAddress],
    ...(h ? ([['system.flash', h.lastFlashWrite ? new Date(h.lastFlashWrite).toLocaleString() : t('system.never')], ['system.free', h.freeBytes === null ? null : formatBytes(h.freeBytes)]] as [Key, string][]) : []),
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
            if (!confirm(t('system.restartAsk'))) return;
            await state.api.send('POST /api/system/reboot', { confirm: true });
            setRestarted(t('system.restarting'));
          }}
        >
          {t('system.restart')}
        </button>
      </Card>
      <Form
        title="system.check"
        intro="system.checkIntro"
        submit="system.check"
        onSubmit={async (data) => {
          const target = String(data.get('target')).trim();
          setCheck(null);
          setCheck(await state.api.send('POST /api/system/connectivity', target ? { check: true, target } : { check: true }));
        }}
      >
        <Field name="target" label="system.target" required={false} />
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
      <Card title="system.backup">
        <p>
          <a href="/api/system/backup" download>
            {t('system.download')}
          </a>
        </p>
      </Card>
      <Form
        title="system.restore"
        submit="system.restore"
        done="system.restored"
        onSubmit={async (data) => {
          let doc: unknown;
          try {
            doc = JSON.parse(await (data.get('file') as File).text());
          } catch {
            throw new Error(t('system.notJson'));
          }
          await state.api.send('POST /api/system/restore', doc);
        }}
      >
        <Field name="file" label="system.file" type="file" accept=".json,application/json" />
      </Form>
      <Card title="system.log">
        <p>
          <a href="/api/system/logs?download" download>
            {t('system.logDownload')}
          </a>
        </p>
      </Card>
      <Form
        title="system.reset"
        submit="system.reset"
        done="system.resetting"
        reset
        onSubmit={(data) => state.api.send('POST /api/system/factory-reset', { confirm: String(data.get('confirm')) })}
      >
        <p>{t('system.keeps', { list: list(props.keeps) })}</p>
        <p class="warning">{t('system.wipes', { list: list(props.wipes) })}</p>
        <Field name="confirm" label="system.type" autocomplete="off" />
      </Form>
    </>
  );
}

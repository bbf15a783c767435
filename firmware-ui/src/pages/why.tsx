// "Why is it slow?": the causes the device can see, most likely first, each with one next
// step: the plan's cap, the SIM or the mobile network, a weak signal (with bars and where to
// put the modem), many devices sharing the line (the top users this period), or nothing
// visible, and then whom to call.
import type { ComponentChildren } from 'preact';
import type { Status } from '../../../device-daemon/src/api/index.ts';
import { formatBytes, formatDate, strings, t, type Key } from '../i18n/index.ts';
import { Link } from '../router.tsx';
import { useApp } from '../state.ts';
import { Support } from '../support.tsx';
import { Card, Loading, useLoad } from '../ui.tsx';

strings({ en: () => import('../i18n/en/why.ts'), pl: () => import('../i18n/pl/why.ts') });

/** From this many devices using data in a period, sharing may be why it feels slow. */
const MANY = 5;

type Cause = { id: string; title: string; step: ComponentChildren };

export function Why() {
  const [{ status }] = useApp();
  const [clients] = useLoad((api) => api.get('/api/clients'));
  if (!status) return <Loading error="" />;
  const causes = find(status, clients?.clients ?? []);
  return (
    <>
      <Card title="why.title" h1>
        <p>{t('why.intro')}</p>
      </Card>
      {causes.map((c) => (
        <section class="card cause" id={`why-${c.id}`}>
          <h2>{c.title}</h2>
          {c.step}
        </section>
      ))}
    </>
  );
}

function find(status: Status, clients: { name: string | null; mac: string; down: number; up: number }[]): Cause[] {
  const { usage: u, connection: c } = status;
  const date = formatDate(u.cycleEnd, u.timeZone);
  const step = (key: Key, params = {}) => <p class="step">{t(key, params)}</p>;
  const causes: Cause[] = [];
  if (u.state === 'throttled' || u.state === 'blocked') {
    causes.push({ id: 'cap', title: t(`why.cap.${u.state}`, { date }), step: step('why.cap.step', { date }) });
  }
  const network: Record<string, [Key, Key] | undefined> = {
    absent: ['why.modem', 'why.modem.step'],
    'sim-missing': ['why.sim', 'why.sim.step'],
    locked: ['why.locked', 'why.locked.step'],
    searching: ['why.searching', 'why.searching.step'],
    registered: ['why.down', 'why.down.step'],
    connecting: ['why.down', 'why.down.step'],
    failed: ['why.down', 'why.down.step'],
  };
  const down = network[c.state];
  if (down) causes.push({ id: 'network', title: t(down[0]), step: step(down[1]) });
  else if (c.bars <= 2) {
    causes.push({
      id: 'signal',
      title: t('why.weak', { n: c.bars }),
      step: (
        <>
          <span class="bars" role="img" aria-label={t('why.bars', { n: c.bars })}>
            {[1, 2, 3, 4, 5].map((i) => (
              <i class={i <= c.bars ? 'on' : undefined} style={`height:${i * 20}%`} />
            ))}
          </span>
          {step('why.weak.step')}
        </>
      ),
    });
  }
  const users = clients.filter((d) => d.down + d.up > 0).sort((a, b) => b.down + b.up - (a.down + a.up));
  if (users.length >= MANY) {
    causes.push({
      id: 'sharing',
      title: t('why.sharing', { n: users.length }),
      step: (
        <>
          <ol class="top">
            {users.slice(0, 3).map((d) => (
              <li>
                <span class="name" translate={false}>{d.name ?? d.mac}</span> <data value={d.down + d.up}>{formatBytes(d.down + d.up)}</data>
              </li>
            ))}
          </ol>
          <p class="step">
            {t('why.sharing.step')} <Link href="/devices">{t('why.devices')}</Link>
          </p>
        </>
      ),
    });
  }
  if (!causes.length) causes.push({ id: 'none', title: t('why.none'), step: <Support intro="why.none.step" /> });
  return causes;
}

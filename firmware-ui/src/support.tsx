// How to reach the ISP, from the config's `support` section (in the status): what a customer
// needs when the device cannot help itself. Without contact details: "your internet provider".
import { strings, t, type Key } from './i18n/index.ts';
import { useApp } from './state.ts';

strings({ en: () => import('./i18n/en/support.ts'), pl: () => import('./i18n/pl/support.ts') });

export function Support({ intro }: { intro: Key }) {
  const [{ status }] = useApp();
  const s = status?.support;
  const name = s?.name ?? t('support.provider');
  return (
    <div class="support">
      <p>{t(intro, { name })}</p>
      {s && (s.phone || s.email || s.web) && (
        <p class="actions">
          {s.phone && <a href={`tel:${s.phone.replace(/[^+\d]/g, '')}`}>{t('support.call', { phone: s.phone })}</a>}
          {s.email && <a href={`mailto:${s.email}`}>{s.email}</a>}
          {s.web && <a href={s.web}>{s.web.replace(/^https?:\/\//, '')}</a>}
        </p>
      )}
      {s?.hours && <p class="note">{t('support.hours', { hours: s.hours })}</p>}
    </div>
  );
}

// The installer's plan form. Sizes are typed in MB or GB and sent as bytes (binary, as the
// config's 512M/20G). The server checks everything; its messages show next to the fields
// they are about, and the form keeps what was typed (its fields are uncontrolled: selects
// take `selected` options, as a select has no defaultValue).
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { PlanJson } from '../api.ts';
import { describe, Field, Form, issuesOf, Loading, useLoad } from '../ui.tsx';
import { formatDate, strings, t, type Key } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings({ en: () => import('../i18n/en/plan.ts'), pl: () => import('../i18n/pl/plan.ts') });

const MB = 1024 ** 2;
const GB = 1024 ** 3;

/** 1073741824 → "1 GB", 536870912 → "512 MB". */
function sizeText(bytes: number): string {
  return bytes % GB ? `${+(bytes / MB).toFixed(3)} MB` : `${bytes / GB} GB`;
}

/** "512 MB", "1GB", "1,5 G", "512" (MB) → bytes; NaN when it is not a size. */
function parseSize(text: string): number {
  const m = /^(\d+(?:[.,]\d+)?)\s*([mg]?)b?$/i.exec(text.trim());
  return m ? Math.round(Number(m[1]!.replace(',', '.')) * (m[2]!.toLowerCase() === 'g' ? GB : MB)) : NaN;
}

const list = (text: string) => text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);

/** Field names of the form; the server's issue paths and config option names map onto them. */
type Name = keyof PlanJson;

/** Every zone the browser knows, with the plan's own first if the browser lacks it. */
const zones = (current: string) => {
  const all = Intl.supportedValuesOf('timeZone');
  return all.includes(current) ? all : [current, ...all];
};

export function Plan() {
  const [{ status }, state] = useApp();
  const [plan, error, , setPlan] = useLoad((api) => api.get('/api/plan'));
  const [chosen, setCycle] = useState('');
  const [issues, setIssues] = useState<Partial<Record<Name, string>>>({});
  if (!plan) return <Loading error={error} />;
  const cycle = chosen || plan.cycle;

  /** The control's name, and its hint and server message as its description. */
  const a = (name: Name) => ({ ...describe(name), 'aria-invalid': issues[name] ? true : undefined });
  const [capValue, capUnit] = plan.cap === null ? ['', 'GB'] : sizeText(plan.cap).split(' ');
  const field = (name: Name, label: Key, input: ComponentChildren, hint?: Key, hidden = false) => (
    <Field name={name} label={label} hint={hint} issue={issues[name]} hidden={hidden}>
      {input}
    </Field>
  );
  /** A text (or number, date) field. */
  const input = (name: Name, label: Key, value: unknown, hint?: Key, type = 'text', hidden = false) =>
    field(name, label, <input {...a(name)} type={type as 'text'} defaultValue={String(value)} />, hint, hidden);
  const select = (name: 'cycle' | 'policy', label: Key, options: string[], text: (o: string) => string, onChange?: (value: string) => void) =>
    field(
      name,
      label,
      <select {...a(name)} onChange={(e) => onChange?.(e.currentTarget.value)}>
        {options.map((o) => (
          <option value={o} selected={o === plan[name]}>
            {text(o)}
          </option>
        ))}
      </select>,
    );

  return (
    <Form
      title="nav.plan"
      h1
      intro="plan.intro"
      submit="plan.submit"
      done="plan.saved"
      after={status && <p class="note">{t('plan.when', { date: formatDate(status.usage.cycleEnd, status.usage.timeZone) })}</p>}
      onSubmit={async (data) => {
        const text = (name: string) => String(data.get(name) ?? '').trim();
        // A size we cannot read goes as null: the server then names it with every other problem.
        const topups = list(text('topupSizes')).map(parseSize);
        const cap = text('cap');
        const next: PlanJson = {
          cycle: text('cycle') as PlanJson['cycle'],
          cycleDay: text('cycleDay') === 'last' ? 'last' : Number(text('cycleDay')),
          cycleDays: Number(text('cycleDays')),
          cycleAnchor: text('cycleAnchor') || null,
          timezone: text('timezone'),
          cap: cap ? Math.round(Number(cap.replace(',', '.')) * (text('capUnit') === 'GB' ? GB : MB)) : null,
          policy: text('policy') as PlanJson['policy'],
          throttleDownKbit: Number(text('throttleDownKbit')),
          throttleUpKbit: Number(text('throttleUpKbit')),
          alertPercent: list(text('alertPercent')).map(Number),
          topupSizes: topups.map((n) => (isNaN(n) ? (null as unknown as number) : n)),
        };
        try {
          setPlan(await state.api.send('PUT /api/plan', next));
          setIssues({});
        } catch (e) {
          const found: Partial<Record<Name, string>> = issuesOf(e);
          if (topups.some(isNaN)) found.topupSizes = t('plan.badSize');
          setIssues(found);
          throw e;
        }
      }}
    >
      {select('cycle', 'plan.cycle', ['monthly', 'calendar', 'prepaid', 'days'], (o) => t(`plan.cycle.${o}` as 'plan.cycle.days'), setCycle)}
      {input('cycleDay', 'plan.cycleDay', plan.cycleDay, 'plan.cycleDayHint', 'text', cycle !== 'monthly')}
      {input('cycleDays', 'plan.cycleDays', plan.cycleDays, undefined, 'number', cycle !== 'prepaid' && cycle !== 'days')}
      {input('cycleAnchor', 'plan.cycleAnchor', plan.cycleAnchor ?? '', undefined, 'date', cycle !== 'calendar' && cycle !== 'days')}
      {field(
        'timezone',
        'plan.timezone',
        <select {...a('timezone')}>
          {zones(plan.timezone).map((z) => (
            <option selected={z === plan.timezone}>{z}</option>
          ))}
        </select>,
        'plan.timezoneHint',
      )}
      {field(
        'cap',
        'plan.cap',
        <span class="with-unit">
          <input {...a('cap')} inputMode="decimal" defaultValue={capValue} />
          <select name="capUnit" aria-label={t('plan.unit')}>
            {['MB', 'GB'].map((u) => (
              <option selected={u === capUnit}>{u}</option>
            ))}
          </select>
        </span>,
        'plan.capHint',
      )}
      {select('policy', 'plan.policy', ['throttle', 'block', 'alert'], (o) => t(`plan.policy.${o}` as 'plan.policy.alert'))}
      {input('throttleDownKbit', 'plan.down', plan.throttleDownKbit, undefined, 'number')}
      {input('throttleUpKbit', 'plan.up', plan.throttleUpKbit, undefined, 'number')}
      {input('alertPercent', 'plan.alerts', plan.alertPercent.join(', '), 'plan.alertsHint')}
      {input('topupSizes', 'plan.topups', plan.topupSizes.map(sizeText).join(', '), 'plan.topupsHint')}
    </Form>
  );
}

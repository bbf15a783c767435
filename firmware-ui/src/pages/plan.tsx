// The installer's plan form. Sizes are typed in the plan's unit family (MB/GB powers of
// ten, MiB/GiB powers of two: plan-sizes.ts) and sent as bytes with that family, which the
// plan keeps and every page shows sizes in. The server checks everything else; its messages
// show next to the fields they are about, and the form keeps what was typed (its fields are
// uncontrolled: selects take `selected` options, as a select has no defaultValue).
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ApiError, type PlanJson } from '../api.ts';
import { describe, Field, Form, issuesOf, Loading, useLoad } from '../ui.tsx';
import { formatDate, strings, t, type Key } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings({ en: () => import('../i18n/en/plan.ts'), pl: () => import('../i18n/pl/plan.ts') });

import { familyOf, readSize, sizeParts, sizeText, unitBytes, UNITS } from './plan-sizes.ts';

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
  // A plan stored before units were kept is binary ("20G").
  const family = plan.units ?? 'GiB';
  const [capValue, capUnit] = plan.cap === null ? ['', UNITS[family][1]] : sizeParts(plan.cap, family);
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
        // The allowance's unit says the family; every top-up is written in the same one.
        const unit = text('capUnit');
        const units = familyOf(unit);
        const topups = list(text('topupSizes')).map((s) => readSize(s, units));
        const cap = text('cap') ? unitBytes(text('cap'), unit) : null;
        const own: Partial<Record<Name, string>> = {};
        if (cap !== null && !(cap > 0)) own.cap = t('plan.badCap');
        if (topups.some((x) => x === null)) own.topupSizes = t('plan.badSize');
        else if (topups.some((x) => x!.family !== units)) own.topupSizes = t('plan.mixedUnits', { small: UNITS[units][0], big: UNITS[units][1] });
        if (Object.keys(own).length) {
          setIssues(own);
          throw new ApiError(400, '', 'invalid');
        }
        const next: PlanJson = {
          cycle: text('cycle') as PlanJson['cycle'],
          cycleDay: text('cycleDay') === 'last' ? 'last' : Number(text('cycleDay')),
          cycleDays: Number(text('cycleDays')),
          cycleFirstDays: Number(text('cycleFirstDays')),
          cycleAnchor: text('cycleAnchor') || null,
          timezone: text('timezone'),
          cap,
          policy: text('policy') as PlanJson['policy'],
          throttleDownKbit: Number(text('throttleDownKbit')),
          throttleUpKbit: Number(text('throttleUpKbit')),
          alertPercent: list(text('alertPercent')).map(Number),
          units,
          topupSizes: topups.map((x) => x!.bytes),
        };
        try {
          setPlan(await state.api.send('PUT /api/plan', next));
          setIssues({});
        } catch (e) {
          setIssues(issuesOf(e));
          throw e;
        }
      }}
    >
      {select('cycle', 'plan.cycle', ['monthly', 'calendar', 'prepaid', 'days'], (o) => t(`plan.cycle.${o}` as 'plan.cycle.days'), setCycle)}
      {input('cycleDay', 'plan.cycleDay', plan.cycleDay, 'plan.cycleDayHint', 'text', cycle !== 'monthly')}
      {input('cycleDays', 'plan.cycleDays', plan.cycleDays, undefined, 'number', cycle !== 'prepaid' && cycle !== 'days')}
      {input('cycleAnchor', 'plan.cycleAnchor', plan.cycleAnchor ?? '', undefined, 'date', cycle === 'monthly')}
      {input('cycleFirstDays', 'plan.cycleFirstDays', plan.cycleFirstDays ?? 0, 'plan.cycleFirstDaysHint', 'number', cycle !== 'calendar')}
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
            {[...UNITS.GB, ...UNITS.GiB].map((u) => (
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
      {input('topupSizes', 'plan.topups', plan.topupSizes.map((b) => sizeText(b, family)).join(', '), 'plan.topupsHint')}
    </Form>
  );
}

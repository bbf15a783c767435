// When a pending update shows, installs, and how far a customer may defer it
// (issue 15, points 9 and 10); notices shown to whom and until when (point 13).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Notice, Release } from '../../../device-daemon/src/core/ota/manifest.ts';
import { noticesFor } from '../../../device-daemon/src/core/ota/notices.ts';
import { defer, installDue, notForDevice, viewPending, type Device } from '../../../device-daemon/src/core/ota/schedule.ts';
import { toLocal } from '../../../device-daemon/src/core/zoned-time.ts';

const schedule = suite('update schedule and deferral');
const DAY = 86_400_000;
const window = { timeZone: 'Europe/Warsaw', startHour: 1, endHour: 6 };
const device: Device = { id: 'dev-1', board: 'zbtlink,zbt-we826-16m', versions: { package: '1.0.0-1', firmware: '24.10.0' } };
const earliest = Date.UTC(2026, 11, 1, 0, 0); // 1 December, 01:00 in Warsaw

const release = (over: Partial<Release> = {}): Release => ({
  id: 'r1',
  kind: 'package',
  version: '1.1.0-1',
  file: { path: `files/${'a'.repeat(64)}`, sha256: 'a'.repeat(64), size: 10 },
  boards: [],
  rollout: { percent: 100, salt: 's' },
  earliestInstall: earliest,
  noticeDays: 7,
  maxDeferDays: 7,
  critical: false,
  durationMinutes: 10,
  notes: { en: 'x', pl: 'y' },
  ...over,
});

schedule('a release shows from noticeDays before its date and installs in the first window after it', () => {
  const p = { release: release(), deferredUntil: null };
  assert.not.ok(viewPending(p, device, earliest - 8 * DAY, window).visible);
  const view = viewPending(p, device, earliest - 7 * DAY, window);
  assert.ok(view.visible);
  const local = toLocal(view.slot.at, 'Europe/Warsaw');
  assert.equal([local.month, local.day], [12, 1], 'the window of the night of 1 December, which opens at the earliest date itself');
  assert.ok(view.slot.at >= earliest && local.hour >= 1 && local.hour < 6);
});

schedule('nothing installs before the slot, after the window, or on an untrusted clock', () => {
  const p = { release: release(), deferredUntil: null };
  const slot = viewPending(p, device, earliest, window).slot;
  assert.not.ok(installDue(p, device, { now: slot.at - 60_000, trusted: true }, window));
  assert.ok(installDue(p, device, { now: slot.at, trusted: true }, window));
  assert.not.ok(installDue(p, device, { now: slot.at, trusted: false }, window));
  assert.not.ok(installDue(p, device, { now: slot.end, trusted: true }, window), 'after 06:00 it waits for the next night');
  const nextNight = viewPending(p, device, slot.end + 60_000, window).slot;
  assert.is(nextNight.at - slot.at, DAY, 'a missed night moves to the next one');
});

schedule('a customer defers within the limit, and not beyond it', () => {
  let p = { release: release(), deferredUntil: null as number | null };
  const first = defer(p, device, 3);
  assert.ok('deferredUntil' in first);
  if ('deferredUntil' in first) p = { ...p, deferredUntil: first.deferredUntil };
  assert.ok(viewPending(p, device, earliest, window).slot.at >= earliest + 3 * DAY);
  assert.ok('deferredUntil' in defer(p, device, 4));
  assert.match((defer(p, device, 5) as { error: string }).error, /at most 7 days/);
});

schedule('critical releases and releases above a minimum the device is below cannot be deferred', () => {
  assert.match((defer({ release: release({ critical: true }), deferredUntil: null }, device, 1) as { error: string }).error, /critical/);
  const required = release({ minVersion: '1.0.5-1' });
  assert.match((defer({ release: required, deferredUntil: null }, device, 1) as { error: string }).error, /required/);
  assert.not.ok(viewPending({ release: required, deferredUntil: null }, device, earliest, window).canDefer);
  assert.ok('deferredUntil' in defer({ release: release({ minVersion: '0.9' }), deferredUntil: null }, device, 1));
});

schedule('a release with a future install date waits for it', () => {
  const p = { release: release({ earliestInstall: earliest + 20 * DAY }), deferredUntil: null };
  assert.not.ok(installDue(p, device, { now: earliest + 86_400_000 + 3600_000, trusted: true }, window));
  assert.not.ok(viewPending(p, device, earliest, window).visible);
});

schedule('a release not newer, for another board, or outside the rollout is not for this device', () => {
  assert.match(notForDevice(release({ version: '1.0.0-1' }), device)!, /not newer/);
  assert.match(notForDevice(release({ kind: 'firmware', version: '24.10.1', boards: ['other'] }), device)!, /not for board/);
  assert.match(notForDevice(release({ rollout: { percent: 0, salt: 's' } }), device)!, /outside the rollout/);
  assert.is(notForDevice(release(), device), null);
});

const notice = (over: Partial<Notice>): Notice => ({
  id: 'n',
  kind: 'account',
  level: 'critical',
  from: earliest,
  until: earliest + 60 * DAY,
  audience: 'customers',
  text: { en: 'Your account is now serviced by the carrier.', pl: 'Twoje konto obsługuje teraz operator.' },
  ...over,
});

schedule('notices show between their dates to the audience they name', () => {
  const list = [notice({ id: 'c' }), notice({ id: 'i', audience: 'installers' }), notice({ id: 'e', audience: 'everyone' })];
  assert.equal(noticesFor(list, 'customer', earliest + DAY).map((n) => n.id), ['c', 'e']);
  assert.equal(noticesFor(list, 'installer', earliest + DAY).map((n) => n.id), ['c', 'i', 'e']);
  assert.equal(noticesFor(list, 'customer', earliest - 1), []);
  assert.equal(noticesFor(list, 'customer', earliest + 60 * DAY), []);
});

schedule.run();

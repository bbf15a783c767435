// The maintenance window (ISP document 004: maintenance and upgrades between
// 1 AM and 6 AM), the device's own minute in it, and the nights whose clocks
// change inside it (Europe/Warsaw: 02:00 to 03:00 on 29 March 2026, 03:00 back
// to 02:00 on 25 October 2026).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { insideWindow, nextSlot, parseWindow } from '../../../device-daemon/src/core/ota/install-window.ts';
import { inRollout, rolloutPosition } from '../../../device-daemon/src/core/ota/rollout.ts';
import { toLocal } from '../../../device-daemon/src/core/zoned-time.ts';

const window = suite('install window and rollout');
const warsaw = { timeZone: 'Europe/Warsaw', startHour: 1, endHour: 6 };
const ids = Array.from({ length: 300 }, (_, i) => `device-${i}-${(i * 7919).toString(36)}`);

window('every slot lies between 01:00 and 06:00 local time and leaves room for the install', () => {
  const after = Date.UTC(2026, 10, 20, 12, 0);
  for (const id of ids) {
    const slot = nextSlot(after, warsaw, id, 20);
    const local = toLocal(slot.at, 'Europe/Warsaw');
    assert.ok(local.hour >= 1 && local.hour < 6, `${id}: ${local.hour}:${local.minute}`);
    assert.ok(slot.at + 20 * 60_000 <= slot.end);
    assert.ok(slot.at >= after);
  }
});

window('a fleet spreads over the window instead of arriving at once', () => {
  const after = Date.UTC(2026, 10, 20, 12, 0);
  const minutes = new Set(ids.map((id) => nextSlot(after, warsaw, id, 20).at));
  assert.ok(minutes.size > 150, `${minutes.size} distinct minutes for 300 devices`);
  const first = Math.min(...minutes);
  const last = Math.max(...minutes);
  assert.ok(last - first > 3 * 3600_000, 'the slots cover most of the window');
});

window('a device keeps its minute from night to night', () => {
  const a = nextSlot(Date.UTC(2026, 10, 20, 12), warsaw, 'abc', 10);
  const b = nextSlot(Date.UTC(2026, 10, 21, 12), warsaw, 'abc', 10);
  assert.is(b.at - a.at, 86_400_000);
});

window('the night the clocks go forward is an hour shorter and every slot still fits in it', () => {
  const after = Date.UTC(2026, 2, 28, 12); // 28 March, the evening before
  for (const id of ids) {
    const slot = nextSlot(after, warsaw, id, 20);
    assert.is(slot.end - slot.start, 4 * 3600_000);
    const local = toLocal(slot.at, 'Europe/Warsaw');
    assert.ok(local.day === 29 && local.hour >= 1 && local.hour < 6 && local.hour !== 2, `${local.hour}:${local.minute}`);
    assert.ok(slot.at + 20 * 60_000 <= slot.end);
  }
});

window('the night the clocks go back is an hour longer and no slot falls outside it', () => {
  const after = Date.UTC(2026, 9, 24, 12);
  const slots = ids.map((id) => nextSlot(after, warsaw, id, 20));
  for (const slot of slots) {
    assert.is(slot.end - slot.start, 6 * 3600_000);
    const local = toLocal(slot.at, 'Europe/Warsaw');
    assert.ok(local.day === 25 && local.hour >= 1 && local.hour < 6);
  }
  // The repeated hour is used: some devices install in the second 02:00-03:00.
  const secondPass = slots.filter((s) => s.at >= Date.UTC(2026, 9, 25, 1) && s.at < Date.UTC(2026, 9, 25, 2));
  assert.ok(secondPass.length > 0);
});

window('a window across midnight, and a time zone far from UTC, work alike', () => {
  const fiji = { timeZone: 'Pacific/Fiji', startHour: 23, endHour: 4 };
  for (const id of ids.slice(0, 50)) {
    const slot = nextSlot(Date.UTC(2026, 10, 20, 0), fiji, id, 15);
    const h = toLocal(slot.at, 'Pacific/Fiji').hour;
    assert.ok(h >= 23 || h < 4, String(h));
    assert.ok(insideWindow(slot.at, fiji));
  }
  assert.equal(parseWindow('01:00-06:00'), { startHour: 1, endHour: 6 });
  assert.is(parseWindow('1-6'), null);
  assert.is(parseWindow('06:00-06:00'), null);
});

window('raising the rollout percent only adds devices', () => {
  const salt = 'release-1.2.0';
  let previous = new Set<string>();
  for (const percent of [0, 1, 5, 10, 25, 50, 75, 100]) {
    const now = new Set(ids.filter((id) => inRollout(id, { percent, salt })));
    for (const id of previous) assert.ok(now.has(id), `${id} dropped out at ${percent}%`);
    previous = now;
  }
  assert.is(previous.size, ids.length);
  const at10 = ids.filter((id) => inRollout(id, { percent: 10, salt })).length;
  assert.ok(at10 > 10 && at10 < 55, `${at10} of 300 at 10%`);
});

window('a new salt draws a different sample', () => {
  const a = ids.filter((id) => rolloutPosition(id, 'a') < 20);
  const b = ids.filter((id) => rolloutPosition(id, 'b') < 20);
  assert.ok(a.some((id) => !b.includes(id)));
});

window.run();

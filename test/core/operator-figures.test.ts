// The operator's balance reply set against our own count.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { operatorCorrection, validDays } from '../../device-daemon/src/core/operator-figures.ts';

const figures = suite('operator figures');
const GiB = 1024 ** 3;
const NOON = Date.UTC(2026, 10, 21, 12);

figures('the operator\'s own count of days is taken as it is', () => {
  assert.is(validDays({ days: 12, expiry: '2026-12-31' }, NOON), 12);
});

figures('from an expiry date: valid through the end of that day, so today still counts as one', () => {
  assert.is(validDays({ days: null, expiry: '2026-11-21' }, NOON), 1);
  assert.is(validDays({ days: null, expiry: '2026-11-30' }, NOON), 10);
});

figures('an expiry in the past gives 0 days, and a reply with neither gives none', () => {
  assert.is(validDays({ days: null, expiry: '2026-11-01' }, NOON), 0);
  assert.is(validDays({ days: null, expiry: null }, NOON), null);
});

figures('the correction makes what we show left equal what the operator said was left', () => {
  // 20 GiB plan; the operator says 5 GiB left when we had counted 14 GiB: it counts 15 GiB used.
  const operatorBytes = operatorCorrection({ allowance: 20 * GiB, dataLeft: 5 * GiB, usedAtReading: 14 * GiB, usedNow: 14 * GiB });
  assert.is(operatorBytes, 15 * GiB);
});

figures('data used since the reply is added on top of the operator\'s figure', () => {
  const operatorBytes = operatorCorrection({ allowance: 20 * GiB, dataLeft: 5 * GiB, usedAtReading: 14 * GiB, usedNow: 14.5 * GiB });
  assert.is(operatorBytes, 15.5 * GiB);
});

figures('no correction without an allowance or a data figure, and never below zero', () => {
  assert.is(operatorCorrection({ allowance: null, dataLeft: 5 * GiB, usedAtReading: 0, usedNow: 0 }), null);
  assert.is(operatorCorrection({ allowance: 20 * GiB, dataLeft: null, usedAtReading: 0, usedNow: 0 }), null);
  assert.is(operatorCorrection({ allowance: 1 * GiB, dataLeft: 30 * GiB, usedAtReading: 0, usedNow: 0 }), 0);
});

figures.run();

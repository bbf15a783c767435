// The usage state as stored (RAM journal and flash): the ledger the customer is
// billed on and the readings the next deltas start from. The schema checks what
// a crash would come from (a null ledger, a string where bytes should be) and
// keeps fields it does not name, so a newer ledger field is never dropped here.
import * as v from 'valibot';
import { defineStoredFile } from '../core/stored-file.ts';
import type { Saved } from './state-flusher.ts';
import type { UsageState } from './usage-sampler.ts';

const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const instant = v.pipe(v.number(), v.finite());
const bytes = v.looseObject({ down: count, up: count });

const ledger = v.looseObject({
  version: v.literal(1),
  cycleStart: instant,
  cycleEnd: instant,
  total: bytes,
  adjust: v.pipe(v.number(), v.finite()),
  daily: v.record(v.string(), bytes),
  devices: v.record(v.string(), bytes),
  topups: v.array(v.looseObject({ id: v.string(), bytes: count, at: instant, by: v.string() })),
  corrections: v.array(v.looseObject({ at: instant, by: v.string(), operatorBytes: count, countedBytes: count })),
  alerts: v.array(count),
  provisional: v.optional(v.boolean()),
  history: v.array(v.looseObject({ start: instant, end: instant, down: count, up: count, adjust: v.pipe(v.number(), v.finite()), topupBytes: count })),
});

const state = v.looseObject({
  ledger,
  wan: v.nullable(v.looseObject({ ifindex: v.number(), rxBytes: count, txBytes: count, at: v.number() })),
  clients: v.record(v.string(), bytes),
  wanWallTime: instant,
});

export const USAGE_FILE = defineStoredFile<Saved<UsageState>>({
  name: 'usage',
  version: 1,
  schema: v.looseObject({ seq: v.pipe(v.number(), v.safeInteger(), v.minValue(0)), data: state }) as v.GenericSchema<unknown, Saved<UsageState>>,
  // A ledger grows with devices and days (bounded by a cycle and 24 past ones): 2 MiB is far above that.
  maxBytes: 2 * 1024 * 1024,
});


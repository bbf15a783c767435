// The commissioning record as it is kept on flash: one record, checked on every
// read (a damaged or hand-edited file reads as "no record", never as a crash).
import * as v from 'valibot';
import type { CommissioningRecord } from '../../core/commissioning.ts';
import { defineStoredFile } from '../../core/stored-file.ts';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const maybe = (max: number) => v.nullable(text(max));
const figure = v.nullable(v.number());
const int = v.nullable(v.pipe(v.number(), v.safeInteger()));

const carrier = { pci: int, earfcn: int, band: int };
const cell = v.nullable(
  v.object({
    ...carrier,
    mcc: maybe(8),
    mnc: maybe(8),
    tac: maybe(16),
    cellId: maybe(32),
    secondary: v.nullable(v.pipe(v.array(v.object(carrier)), v.maxLength(16))),
  }),
);
const signal = v.nullable(v.object({ rsrp: figure, rsrq: figure, sinr: figure, at: text(64), cell }));
const step = v.object({
  kind: v.picklist(['ping', 'dns']),
  target: text(256),
  ok: v.boolean(),
  summary: text(512),
  detail: v.nullable(
    v.union([
      v.object({ sent: v.number(), received: v.number(), avgMs: figure }),
      v.object({ addresses: v.pipe(v.array(text(64)), v.maxLength(32)) }),
    ]),
  ),
});

const Record = v.object({
  at: text(64),
  by: text(32),
  device: v.object({ model: maybe(128), firmware: maybe(256), packageVersion: maybe(64), imei: maybe(32), iccid: maybe(32) }),
  operator: maybe(128),
  technology: maybe(64),
  apn: maybe(128),
  plan: v.object({ cycle: text(32), cap: figure, policy: text(32), timezone: text(64), units: v.optional(v.picklist(['GB', 'GiB'])) }),
  signal: v.object({ best: signal, final: signal }),
  tests: v.pipe(v.array(step), v.maxLength(16)),
  notes: text(2000),
});

export const COMMISSIONING_FILE = defineStoredFile<CommissioningRecord>({
  name: 'commissioning',
  version: 1,
  schema: Record as unknown as v.GenericSchema<unknown, CommissioningRecord>,
  maxBytes: 64 * 1024,
});

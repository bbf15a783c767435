// The names the household gave its devices, kept in the flash store by MAC.
import * as v from 'valibot';
import { defineStoredFile } from '../../core/stored-file.ts';
import { MAC } from './schemas.ts';

export const DEVICE_NAMES = defineStoredFile<Record<string, string>>({
  name: 'device-names',
  version: 1,
  schema: v.pipe(
    v.record(v.pipe(v.string(), v.regex(MAC)), v.pipe(v.string(), v.maxLength(40))),
    v.check((names) => Object.keys(names).length <= 1024, 'at most 1024 names'),
  ),
  maxBytes: 128 * 1024,
});

// Who may call what: every feature's manifest, collected. Every endpoint the app
// registers must be in it (a test checks); anything missing answers 403.
// Keys are "METHOD /path" as registered.
import { FEATURES } from '../features/index.ts';
import type { Manifest } from '../features/manifest.ts';
import type { Access } from './access-control.ts';

/** The UI's static files: the one endpoint that belongs to no feature. */
const STATIC: Record<string, Access> = { 'GET /*': 'public' };

export function accessTable(features: readonly Manifest[]): Record<string, Access> {
  const table: Record<string, Access> = {};
  for (const feature of features) {
    for (const [key, access] of Object.entries(feature.endpoints)) {
      if (key in table) throw new Error(`${key} is declared by two features (the second is ${feature.name})`);
      table[key] = access;
    }
  }
  return { ...table, ...STATIC };
}

export const ACCESS = accessTable(FEATURES);

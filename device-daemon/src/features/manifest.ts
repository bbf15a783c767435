// The shape every feature folder follows (features/<name>/manifest.ts): the
// feature's endpoints with who may call each, when its code loads, and how its
// routes are made from the parts of the device it uses. The access table
// (middleware/access-table.ts) and the app (app.ts) both read the list in
// features/index.ts, so an endpoint is written down once, in its manifest.
import type { Hono } from 'hono/tiny';
import type { FeatureParts } from '../app.ts';
import type { Access, AccessEnv } from '../middleware/access-control.ts';

type Common = {
  name: string;
  /** "METHOD /path" exactly as registered (base included), and who may call it. */
  endpoints: Record<string, Access>;
  /** Where the routes are mounted: '/api' unless the feature says otherwise. */
  base?: '/api' | '/';
};

/**
 * 'start': part of the daemon's first file (what the 1 s loop, sign-in and the
 * overview need). 'first-use': a chunk of its own, read the first time one of its
 * endpoints is called (middleware/lazy-feature.ts); its `routes` reaches its code
 * only through `import()`, so the bundler splits it off.
 */
export type Manifest =
  | (Common & { loads: 'start'; routes: (parts: FeatureParts) => Hono<AccessEnv> })
  | (Common & { loads: 'first-use'; routes: (parts: FeatureParts) => Promise<Hono<AccessEnv>> });

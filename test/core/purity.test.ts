// core/ must stay pure: no node:*, no ports, no hono, no clock or environment.
// It may read the features' request/response schemas (features/<name>/schemas.ts),
// which are held to the same rule.
import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const purity = suite('core purity');
const dir = new URL('../../device-daemon/src/core/', import.meta.url);
const features = new URL('../../device-daemon/src/features/', import.meta.url);
const schemas = readdirSync(features, { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(new URL(`${d.name}/`, features)).includes('schemas.ts'))
  .map((d) => `../features/${d.name}/schemas.ts`);
// core's sub-folders (core/ota/) too.
const files = [...(readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')), ...schemas];

purity('core has files to check', () => {
  assert.ok(files.length >= 5);
});

for (const file of files) {
  purity(`${file} imports nothing impure and reads no clock or environment`, () => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports) {
      assert.not.ok(spec.startsWith('node:'), `${file} imports ${spec}`);
      assert.not.ok(spec.startsWith('hono'), `${file} imports ${spec}`);
      const schema = /^\.\.\/(\.\.\/features\/)?[a-z-]+\/schemas\.ts$|^\.\/schemas\.ts$/.test(spec) || /^\.\.\/features\/[a-z-]+\/schemas\.ts$/.test(spec);
      assert.not.ok(!schema && /\.\.\/(ports|jobs|routes|middleware|auth|features)\//.test(spec), `${file} imports ${spec}`);
      if (file.startsWith('../features/')) assert.ok(spec === 'valibot' || /^\.\.?\/.*schemas\.ts$|^\.\.\/\.\.\/core\//.test(spec), `${file} imports ${spec}`);
    }
    assert.not.match(text, /Date\.now\(|new Date\(\)|process\.|Math\.random\(|performance\.now/);
  });
}

purity.run();

// core/ must stay pure: no node:*, no ports, no hono, no clock or environment.
import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const purity = suite('core purity');
const dir = new URL('../../device-daemon/src/core/', import.meta.url);
// Sub-folders (core/ota/) too.
const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

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
      assert.not.ok(/\.\.\/(\.\.\/)?(ports|jobs|routes|middleware|auth|features)\//.test(spec), `${file} imports ${spec}`);
    }
    assert.not.match(text, /Date\.now\(|new Date\(\)|process\.|Math\.random\(|performance\.now/);
  });
}

purity.run();

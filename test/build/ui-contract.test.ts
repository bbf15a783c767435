// The UI knows the daemon only through its contract folder (device-daemon/src/api/),
// and only as types: nothing of the daemon is bundled into the UI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const contract = suite('the UI contract');
const ui = new URL('../../firmware-ui/src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

contract('every import of daemon code in the UI is a type import from device-daemon/src/api/', () => {
  const files = sources(ui);
  assert.ok(files.length > 10);
  let seen = 0;
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']*device-daemon[^']*)'/gms)) {
      seen++;
      assert.ok(m[1], `${file}: a value import of ${m[2]}`);
      assert.match(m[2]!, /device-daemon\/src\/api\/index\.ts$/, `${file} imports ${m[2]}`);
    }
  }
  assert.ok(seen > 0, 'the UI imports the contract');
});

contract.run();

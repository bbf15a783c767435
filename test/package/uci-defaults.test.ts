// The uci-defaults script run for real (busybox-like sh) against a stand-in `uci`
// that keeps its values in a file: twice in a row it leaves the same state and
// exits 0, takes the LAN address, and never replaces an installer's choice or a
// label secret that is already there.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const defaults = suite('uci-defaults');
const script = readFileSync(new URL('../../openwrt/files/etc/uci-defaults/90-modem-admin', import.meta.url), 'utf8');

/** A `uci` that understands what the script uses: -q get, delete, add_list, commit. Values live in $UCI_DB. */
const FAKE_UCI = `#!/bin/sh
[ "$1" = "-q" ] && shift
db="$UCI_DB"; touch "$db"
case "$1" in
get) line="$(grep "^$2=" "$db" | head -n 1)"; [ -n "$line" ] || exit 1; printf '%s\\n' "\${line#*=}" ;;
delete) grep -v "^$2=" "$db" > "$db.new"; mv "$db.new" "$db" ;;
add_list) key="\${2%%=*}"; value="\${2#*=}"; grep -v "^$key=" "$db" > "$db.new"; printf '%s=%s\\n' "$key" "$value" >> "$db.new"; mv "$db.new" "$db" ;;
commit) echo "commit $2" >> "$db.log" ;;
*) echo "fake uci: $*" >&2; exit 1 ;;
esac
`;

function rig(values: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'uci-defaults-'));
  const bin = join(dir, 'bin');
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'uci'), FAKE_UCI);
  writeFileSync(join(bin, 'logger'), '#!/bin/sh\necho "$*" >> "$UCI_DB.logger"\n');
  for (const f of ['uci', 'logger']) chmodSync(join(bin, f), 0o755);
  const db = join(dir, 'uci.db');
  writeFileSync(db, Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join(''));
  const state = join(dir, 'state');
  // The script's state dir is /etc/modem-admin on the device; here a temp dir.
  const file = join(dir, '90-modem-admin');
  writeFileSync(file, script.replace('STATE_DIR=/etc/modem-admin', `STATE_DIR=${state}`));
  const run = () => execFileSync('sh', [file], { env: { PATH: `${bin}:/usr/bin:/bin`, UCI_DB: db }, encoding: 'utf8' });
  const read = () => readFileSync(db, 'utf8');
  return { run, read, state, db };
}

defaults('takes the LAN address for the shipped listen address, and a second run changes nothing', () => {
  const r = rig({ 'modem-admin.main': 'daemon', 'modem-admin.main.listen': '192.168.1.1:80', 'network.lan.ipaddr': '192.168.8.1/24' });
  r.run();
  const once = r.read();
  const secret = readFileSync(join(r.state, 'label-secret'), 'utf8');
  assert.match(once, /modem-admin\.main\.listen=192\.168\.8\.1:80/);
  assert.match(secret, /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}\n$/);
  r.run();
  assert.is(r.read(), once);
  assert.is(readFileSync(join(r.state, 'label-secret'), 'utf8'), secret, 'the label secret is never replaced');
  assert.is((readFileSync(`${r.db}.log`, 'utf8').match(/commit/g) ?? []).length, 1, 'committed once');
});

defaults("keeps an installer's own listen address and a factory label secret", () => {
  const r = rig({ 'modem-admin.main': 'daemon', 'modem-admin.main.listen': '10.0.0.1:8080', 'network.lan.ipaddr': '192.168.8.1' });
  execFileSync('mkdir', ['-p', r.state]);
  writeFileSync(join(r.state, 'label-secret'), 'FACTORY234\n');
  r.run();
  assert.match(r.read(), /modem-admin\.main\.listen=10\.0\.0\.1:8080/);
  assert.is(readFileSync(join(r.state, 'label-secret'), 'utf8'), 'FACTORY234\n');
  assert.not.ok(existsSync(`${r.db}.log`), 'nothing committed');
});

defaults.run();

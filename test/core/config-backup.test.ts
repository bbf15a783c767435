import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkBackup, makeBackup, restoreCommands } from '../../device-daemon/src/core/config-backup.ts';
import { readModemConfig } from '../../device-daemon/src/core/modem-config.ts';
import { parseUciText } from '../../device-daemon/src/core/uci-text.ts';
import { applyUci } from '../../device-daemon/src/ports/uci/apply.ts';

const shipped = parseUciText('modem-admin', readFileSync(new URL('../../openwrt/files/etc/config/modem-admin', import.meta.url), 'utf8'));
const device = { model: 'Test router', packageVersion: '0.1.0-2' };
const backup = suite('configuration backup and restore');

backup('a backup of the shipped config restores to the same settings, anonymous top-ups included', () => {
  const doc = makeBackup(shipped, '2026-11-29T16:00:00.000Z', device);
  const { problems, pkg } = checkBackup(JSON.parse(JSON.stringify(doc)), 'modem-admin');
  assert.equal(problems, []);
  const restored = applyUci(shipped, restoreCommands(shipped, pkg!));
  assert.equal(readModemConfig(restored), readModemConfig(shipped));
  assert.is(restored.sections.filter((s) => s.type === 'topup').length, 2);
  assert.equal(restored.sections.find((s) => s.name === 'plan')!.options, shipped.sections.find((s) => s.name === 'plan')!.options);
});

backup('the installer credential never leaves the device and a restore keeps the device’s own', () => {
  const withHash = applyUci(shipped, [{ op: 'set', path: 'modem-admin.main.installer_password_hash', value: 'scrypt$secret' }]);
  const doc = makeBackup(withHash, '2026-11-29T16:00:00.000Z', device);
  assert.not.match(doc.config, /scrypt\$secret|installer_password_hash/);
  const { pkg } = checkBackup(doc, 'modem-admin');
  const restored = applyUci(withHash, restoreCommands(withHash, pkg!));
  assert.is(restored.sections.find((s) => s.name === 'main')!.options.installer_password_hash, 'scrypt$secret');
});

backup('a bad file is refused with every problem named, and nothing to write', () => {
  const doc = makeBackup(shipped, '2026-11-29T16:00:00.000Z', device);
  const config = doc.config
    .replace("option cap '20G'", "option cap '20X'")
    .replace("option policy 'throttle'", "option policy 'maybe'")
    .replace("option validity '*109#'", "option validity 'rm -rf'")
    .concat("\nconfig firewall 'x'\n\toption installer_password_hash 'h'\n");
  const { problems, pkg } = checkBackup({ ...doc, config }, 'modem-admin');
  assert.is(pkg, null);
  const paths = problems.map((p) => p.path).sort();
  assert.equal(paths, ['plan.cap', 'plan.policy', 'ussd.validity', 'x', 'x.installer_password_hash'].sort());
});

backup('a file that is not a backup, or not UCI, says where', () => {
  assert.equal(checkBackup({ format: 'other' }, 'modem-admin').problems.map((p) => p.path).slice(0, 2), ['format', 'version']);
  const doc = makeBackup(shipped, 'now', device);
  const { problems } = checkBackup({ ...doc, config: "config daemon 'main'\n\tbogus line\n" }, 'modem-admin');
  assert.equal(problems, [{ path: 'config line 2', message: 'line 2: unknown keyword "bogus"' }]);
});

backup.run();

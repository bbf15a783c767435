// opkg orders versions as dpkg does (libopkg's verrevcmp is dpkg's), so this
// machine's `dpkg --compare-versions` is the reference: many random versions,
// built from the characters that matter (digits, letters, ".", "+", "~"),
// with epochs and revisions.
import { execFileSync } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compareVersions } from '../../../device-daemon/src/core/ota/opkg-version.ts';
import { missing } from '../../helpers/requires.ts';

const versions = suite('opkg version order');

versions('known orders from the opkg and dpkg manuals hold', () => {
  const ordered = ['1.0~rc1', '1.0', '1.0-1', '1.0-2', '1.0a', '1.0+b1', '1.0.1', '1.2', '1.10', '2:0.1'];
  for (let i = 0; i + 1 < ordered.length; i++) assert.ok(compareVersions(ordered[i]!, ordered[i + 1]!) < 0, `${ordered[i]} < ${ordered[i + 1]}`);
  assert.is(compareVersions('1.01', '1.1'), 0);
  assert.is(compareVersions('1.0', '1.0-0'), 0);
  assert.ok(compareVersions('24.10.0-r28427', '24.10.0-r3') > 0);
});

// A deterministic generator, so a failure is reproducible.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

function randomVersion(r: () => number): string {
  const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(r() * chars.length)]).join('');
  const part = (n: number) => pick('0123456789', 1) + pick('0012399.ab~+z', n);
  let v = part(Math.floor(r() * 6));
  if (r() < 0.2) v = `${Math.floor(r() * 3)}:${v}`;
  if (r() < 0.5) v += `-${pick('0129r~.a', 1 + Math.floor(r() * 3))}`;
  return v;
}

const reason = missing({ commands: ['dpkg'] });
(reason ? versions.skip : versions)(`agrees with dpkg --compare-versions on 250 random pairs${reason ? ` (${reason})` : ''}`, () => {
  const r = rng(15);
  const pairs: [string, string][] = [];
  for (let i = 0; i < 250; i++) {
    const a = randomVersion(r);
    // Half the pairs share a prefix, where the interesting cases are.
    const b = r() < 0.5 ? a.slice(0, Math.floor(r() * a.length)) + randomVersion(r).replace(/^\d+:/, '') : randomVersion(r);
    pairs.push([a, b]);
  }
  // One shell for all pairs: dpkg answers by exit code.
  const script = pairs.map(([a, b]) => `if dpkg --compare-versions '${a}' lt '${b}' 2>/dev/null; then echo lt; elif dpkg --compare-versions '${a}' eq '${b}' 2>/dev/null; then echo eq; else echo gt; fi`).join('\n');
  const answers = execFileSync('sh', ['-c', script], { encoding: 'utf8' }).trim().split('\n');
  let compared = 0;
  pairs.forEach(([a, b], i) => {
    const ours = Math.sign(compareVersions(a, b));
    const dpkg = { lt: -1, eq: 0, gt: 1 }[answers[i] as 'lt' | 'eq' | 'gt'];
    assert.is(ours, dpkg, `${a} vs ${b}`);
    compared++;
  });
  assert.is(compared, 250);
});

versions.run();

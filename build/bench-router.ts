// The router as `npm run bench` measures it: `--platform openwrt` (no simulator
// loaded, no installer password hashed at start) with the V8 flags of the init
// script, in a network namespace of its own where the kernel ports (ip, tc, nft,
// the /sys counters) are real and act on a wwan0 and a br-lan that exist only
// there. The tools only a router has (uci, mmcli) are stand-in shell scripts
// that answer with the config and captured real mmcli outputs.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, repo } from './daemon-process.ts';

const INIT_SCRIPT = join(repo, 'openwrt/files/etc/init.d/modem-admin');
const NS_VARIABLE = 'MODEM_ADMIN_BENCH_NS';

/**
 * The V8 flags procd passes to node, read from the init script with the
 * defaults of its config_get lines filled in (max_heap_mb 48 unless configured).
 */
export function initScriptV8Flags(script = readFileSync(INIT_SCRIPT, 'utf8')): string[] {
  const defaults = new Map<string, string>();
  for (const m of script.matchAll(/config_get\s+(\w+)\s+\w+\s+\w+\s+(\S+)/g)) defaults.set(m[1]!, m[2]!);
  const flags = [...script.matchAll(/(--max-[a-z-]+=)("?\$?\{?(\w+)\}?"?|\d+)/g)].map(([, name, value, variable]) =>
    value!.includes('$') ? `${name}${defaults.get(variable!) ?? ''}` : `${name}${value}`,
  );
  if (flags.length === 0 || flags.some((f) => f.endsWith('='))) throw new Error(`cannot read the V8 flags from ${INIT_SCRIPT}: ${flags.join(' ')}`);
  return flags;
}

const FIXTURES = join(repo, 'test/fixtures');

/** Writes `uci` and `mmcli` stand-ins into a new directory and returns it. */
export function writeStandIns(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bin-'));
  const q = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;
  const scripts = {
    // `uci -q export PKG`: our config as shipped, and firewall4's default firewall.
    uci: `#!/bin/sh
case "$*" in
  "-q export modem-admin") exec cat ${q(defaultConfig)} ;;
  "-q export firewall") exec cat ${q(join(FIXTURES, 'uci/etc-config-firewall-default-firewall4.txt'))} ;;
esac
echo "uci: Entry not found" >&2; exit 1
`,
    // A connected modem, from the captures in test/fixtures/modem (see SOURCES.md there).
    mmcli: `#!/bin/sh
case "$*" in
  "-J -L") exec cat ${q(join(FIXTURES, 'modem/mmcli-list-modems-rpi4alarm.json'))} ;;
  *--signal-setup=*) echo "successfully setup signal refresh rate"; exit 0 ;;
  *"-J --signal-get") exec cat ${q(join(FIXTURES, 'modem/mmcli-signal-get-lte-openwisp.json'))} ;;
  "-m "*" -J") exec cat ${q(join(FIXTURES, 'modem/mmcli-modem-quectel-em12g-openwisp.json'))} ;;
esac
echo "error: the bench's mmcli stand-in has no answer for: $*" >&2; exit 1
`,
  };
  for (const [name, text] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

export type RouterSetting = {
  platform: 'openwrt' | 'sim';
  /** Why the simulated platform stands in, when it does. */
  fallback: string | null;
  v8Flags: string[];
};

/**
 * Call first. As root and outside our namespace: makes the namespace, runs this
 * same bench inside it, deletes it and exits with the bench's code (never
 * returns). Inside: puts the stand-ins first on PATH and returns the setting.
 * Without root: the simulated platform, said so in the output.
 */
export function routerSetting(): RouterSetting {
  const v8Flags = initScriptV8Flags();
  const inside = process.env[NS_VARIABLE];
  if (inside) {
    process.env.PATH = `${writeStandIns()}:${process.env.PATH ?? '/usr/bin:/bin'}`;
    return { platform: 'openwrt', fallback: null, v8Flags };
  }
  if (process.getuid?.() !== 0) return { platform: 'sim', fallback: 'not root, so no namespace with real ip/tc/nft', v8Flags };
  const ns = `bench-router-${process.pid}`;
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'ignore' });
  let code = 1;
  try {
    ip('netns', 'add', ns);
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    // The devices the shipped config names; veth because this kernel may lack dummy.
    ip('-n', ns, 'link', 'add', 'wwan0', 'type', 'veth', 'peer', 'name', 'isp0');
    ip('-n', ns, 'link', 'add', 'br-lan', 'type', 'veth', 'peer', 'name', 'lan0');
    for (const dev of ['wwan0', 'isp0', 'br-lan', 'lan0']) ip('-n', ns, 'link', 'set', dev, 'up');
    const run = spawnSync('ip', ['netns', 'exec', ns, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, [NS_VARIABLE]: ns },
    });
    code = run.status ?? 1;
  } finally {
    try {
      ip('netns', 'del', ns);
    } catch {
      // Made by this run or not at all.
    }
  }
  process.exit(code);
}

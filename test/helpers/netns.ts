// Network namespaces for kernel tests: real interfaces and real traffic that
// never leave the namespaces a test creates. Every namespace is deleted when
// withNetns ends, on process exit as a last resort, and namespaces left by a
// killed earlier run are swept on first use.
//
// Addresses are private test addresses and exist only inside the namespaces:
// veth pair N gets 10.200.N.1|2/24 and fd00:200:0:N::1|2/64.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRunner } from '../../device-daemon/src/ports/runner.ts';
import type { CommandResult, CommandRunner, RunOptions } from '../../device-daemon/src/ports/types.ts';

const PREFIX = 'lte-t-';
const TCP_SCRIPT = fileURLToPath(new URL('./tcp-bytes.mjs', import.meta.url));

/** One end of a veth pair: its namespace, device name and addresses (no prefix length). */
export type VethEnd = { ns: string; dev: string; ipv4: string; ipv6: string };
export type Veth = { a: VethEnd; b: VethEnd };

export interface Netns {
  /** The runner every helper uses; `exec` is the usual way in. */
  readonly runner: CommandRunner;
  /** Creates a namespace with a unique name (`lte-t-<pid>-<n>[-label]`) and loopback up. */
  add(label?: string): Promise<string>;
  /**
   * Creates a veth pair between namespaces `a` and `b` (never in the host's),
   * addressed with the next free test subnet and up on both ends. `index`
   * gives end `a` that ifindex (as a rebooted router can give its WAN device the same one).
   */
  veth(a: string, b: string, names?: { a?: string; b?: string; index?: number }): Promise<Veth>;
  /** Deletes a veth pair: deleting one end removes the other. */
  deleteVeth(veth: Veth): Promise<void>;
  /** Runs argv inside namespace `ns` (`ip netns exec`, which also remounts /sys for it). */
  exec(ns: string, argv: readonly string[], options?: RunOptions): Promise<CommandResult>;
  /** Runs a Node script inside `ns`; `.ts` scripts run through tsx. */
  node(ns: string, script: string, args?: readonly string[], options?: RunOptions): Promise<CommandResult>;
  /**
   * Sends `bytes` over one TCP connection from namespace `from` to a server in
   * namespace `to` listening on `address` (an address of `to`). Returns the byte
   * counts both sides reported. With `warmupMs`, also `steady`: the bytes the
   * receiver got from `warmupMs` after its first byte to its last, and that
   * span in ms (for rate measurements that skip a shaper's initial burst).
   */
  sendTcp(options: { from: string; to: string; address: string; bytes: number; port?: number; timeoutMs?: number; warmupMs?: number }): Promise<{ sent: number; received: number; steady?: { bytes: number; ms: number } }>;
}

// Namespaces of this process not yet deleted, for the exit hook.
const live = new Set<string>();
let counter = 0;
let hooked = false;
let swept = false;

function sbinEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:/usr/sbin:/sbin` };
}

// 'exit' handlers must be synchronous; this runs only when withNetns could
// not clean up (a crash, process.exit, Ctrl-C in the middle of a test).
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const name of live) {
      try {
        execFileSync('ip', ['netns', 'delete', name], { stdio: 'ignore', env: sbinEnv() });
      } catch {
        // Nothing more to do this late; the next run's sweep removes it.
      }
    }
  });
  // Without handlers these signals end the process without 'exit' handlers.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes test namespaces whose process is gone (left by a run killed with SIGKILL). */
export async function sweepStale(runner: CommandRunner = createRunner()): Promise<string[]> {
  const { stdout } = await runner.run(['ip', 'netns', 'list']);
  const stale = stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => {
      const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
      return pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid));
    });
  for (const name of stale) await runner.run(['ip', 'netns', 'delete', name]).catch(() => {});
  return stale;
}

function tcpCount(result: PromiseSettledResult<CommandResult>, word: string): number {
  if (result.status === 'rejected') throw result.reason;
  const count = new RegExp(`^${word} (\\d+)$`, 'm').exec(result.value.stdout)?.[1];
  if (count === undefined) throw new Error(`tcp-bytes printed no "${word}" line: ${result.value.stdout}`);
  return Number(count);
}

/**
 * Runs `fn` with a fresh set of namespaces and deletes every namespace it
 * created when `fn` settles, whether it passed or threw.
 */
export async function withNetns<T>(fn: (net: Netns) => Promise<T>, runner: CommandRunner = createRunner()): Promise<T> {
  hookExit();
  if (!swept) {
    swept = true;
    await sweepStale(runner);
  }
  const mine: string[] = [];
  let subnet = 0;

  const net: Netns = {
    runner,
    async add(label) {
      const name = `${PREFIX}${process.pid}-${++counter}${label ? `-${label}` : ''}`;
      // Registered before the command, so a half-made namespace is still removed.
      mine.push(name);
      live.add(name);
      await runner.run(['ip', 'netns', 'add', name]);
      await runner.run(['ip', '-n', name, 'link', 'set', 'lo', 'up']);
      return name;
    },
    async veth(a, b, names = {}) {
      const n = ++subnet;
      if (n > 254) throw new RangeError('out of test subnets');
      const end = (ns: string, dev: string, host: number): VethEnd => ({
        ns,
        dev,
        ipv4: `10.200.${n}.${host}`,
        ipv6: `fd00:200:0:${n}::${host}`,
      });
      const veth = { a: end(a, names.a ?? `veth${n}a`, 1), b: end(b, names.b ?? `veth${n}b`, 2) };
      // Created inside `a` with its peer put straight into `b`: the host's
      // namespace never sees either end, so names cannot clash with it.
      const index = names.index === undefined ? [] : ['index', String(names.index)];
      await runner.run(['ip', '-n', a, 'link', 'add', veth.a.dev, ...index, 'type', 'veth', 'peer', 'name', veth.b.dev, 'netns', b]);
      // Up before addressing: an IPv6 address added while the link is down
      // answered its first neighbour solicitation only after about a second.
      for (const side of [veth.a, veth.b]) await runner.run(['ip', '-n', side.ns, 'link', 'set', side.dev, 'up']);
      for (const side of [veth.a, veth.b]) {
        await runner.run(['ip', '-n', side.ns, 'addr', 'add', `${side.ipv4}/24`, 'dev', side.dev]);
        // nodad: the address is usable at once instead of after duplicate detection.
        await runner.run(['ip', '-n', side.ns, 'addr', 'add', `${side.ipv6}/64`, 'dev', side.dev, 'nodad']);
      }
      return veth;
    },
    async deleteVeth(veth) {
      await runner.run(['ip', '-n', veth.a.ns, 'link', 'delete', veth.a.dev]);
    },
    exec(ns, argv, options) {
      return runner.run(['ip', 'netns', 'exec', ns, ...argv], options);
    },
    node(ns, script, args = [], options) {
      const loader = script.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
      return net.exec(ns, [process.execPath, ...loader, script, ...args], options);
    },
    async sendTcp({ from, to, address, bytes, port = 5201, timeoutMs = 20_000, warmupMs }) {
      const deadline = String(timeoutMs);
      const run = { timeoutMs: timeoutMs + 5000 };
      // Both start together; the sender retries until the server listens.
      // allSettled: never return while a side is still running in a namespace.
      const [server, client] = await Promise.allSettled([
        net.node(to, TCP_SCRIPT, ['serve', address, String(port), deadline, ...(warmupMs === undefined ? [] : [String(warmupMs)])], run),
        net.node(from, TCP_SCRIPT, ['send', address, String(port), String(bytes), deadline], run),
      ]);
      const moved = { sent: tcpCount(client, 'sent'), received: tcpCount(server, 'received') };
      if (warmupMs === undefined) return moved;
      const steady = server.status === 'fulfilled' ? /^steady (\d+) (\d+)$/m.exec(server.value.stdout) : null;
      return steady ? { ...moved, steady: { bytes: Number(steady[1]), ms: Number(steady[2]) } } : moved;
    },
  };

  let result: T;
  try {
    result = await fn(net);
  } catch (error) {
    await cleanup(runner, mine).catch(() => {});
    throw error;
  }
  // Only reported when the test itself passed: a cleanup error must not hide why a test failed.
  await cleanup(runner, mine);
  return result;
}

async function cleanup(runner: CommandRunner, names: string[]): Promise<void> {
  const failures: unknown[] = [];
  for (const name of names.splice(0).reverse()) {
    try {
      await runner.run(['ip', 'netns', 'delete', name]);
      live.delete(name);
    } catch (error) {
      // Already gone (the test deleted it, or `add` failed before creating it) is fine.
      if (/No such file/.test((error as Error).message)) live.delete(name);
      else failures.push(error);
    }
  }
  if (failures.length) throw new AggregateError(failures, 'could not delete test namespaces');
}

// The ISP's update channel tool: npm run ota -- <command>. See the README,
// "Updates for ISPs".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../device-daemon/src/core/ota/manifest.ts';
import { noticeAdd, noticeRemove, refresh, rollout } from './channel-commands.ts';
import { keygen, rotateKeys } from './key-commands.ts';
import { CliError } from './keyring.ts';
import { publish } from './publish.ts';
import { verifyDirectory } from './verify-channel.ts';

const USAGE = `usage: npm run ota -- <command> [options]
  keygen       --keys DIR                        root, release and notices keys (usign format) and keys.json
  publish      --keys DIR --out DIR RELEASE.json  signed manifest.json and files/<sha256>
  rollout      --keys DIR --out DIR --release ID --percent N
  notice add   --keys DIR --out DIR NOTICE.json
  notice remove --keys DIR --out DIR --id ID
  refresh      --keys DIR --out DIR              sign manifest and notices again with new expiry dates
  rotate-keys  --keys DIR [--role root,release,notices]   a new key list signed by the old root
  verify       --root ROOT.pub DIR               the device's own checks on a published directory`;

function run(argv: string[], now: number): { code: number; lines: string[] } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { keys: { type: 'string' }, out: { type: 'string' }, release: { type: 'string' }, percent: { type: 'string' }, id: { type: 'string' }, role: { type: 'string' }, root: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  const need = (name: keyof typeof values) => {
    const value = values[name];
    if (typeof value !== 'string' || value === '') throw new CliError(`${command} needs --${name}`);
    return value;
  };
  const arg = (i: number, what: string) => {
    if (!rest[i]) throw new CliError(`${command} needs ${what}`);
    return rest[i]!;
  };
  switch (command) {
    case 'keygen':
      return { code: 0, lines: keygen(need('keys'), now) };
    case 'publish':
      return { code: 0, lines: publish(need('keys'), need('out'), arg(0, 'a release description file'), now) };
    case 'rollout':
      return { code: 0, lines: rollout(need('keys'), need('out'), need('release'), Number(need('percent')), now) };
    case 'notice':
      if (rest[0] === 'add') return { code: 0, lines: noticeAdd(need('keys'), need('out'), arg(1, 'a notice file'), now) };
      if (rest[0] === 'remove') return { code: 0, lines: noticeRemove(need('keys'), need('out'), need('id'), now) };
      throw new CliError('notice add|remove');
    case 'refresh':
      return { code: 0, lines: refresh(need('keys'), need('out'), now) };
    case 'rotate-keys': {
      const roles = (values.role ?? ROLES.join(',')).split(',') as Role[];
      const bad = roles.filter((r) => !ROLES.includes(r));
      if (bad.length) throw new CliError(`--role: unknown role ${bad.join(', ')}`);
      return { code: 0, lines: rotateKeys(need('keys'), roles, now) };
    }
    case 'verify': {
      const root = values.root ?? (values.keys ? join(values.keys, 'root.pub') : undefined);
      if (!root) throw new CliError('verify needs --root (the root public key the devices hold)');
      const result = verifyDirectory(arg(0, 'a published directory'), readFileSync(root, 'utf8'), now);
      return { code: result.ok ? 0 : 1, lines: result.lines };
    }
    default:
      return { code: 2, lines: [USAGE] };
  }
}

try {
  const result = run(process.argv.slice(2), Date.now());
  for (const line of result.lines) (result.code === 0 ? console.log : console.error)(line);
  process.exitCode = result.code;
} catch (error) {
  if (!(error instanceof CliError) && !(error instanceof TypeError)) throw error;
  console.error(`ota: ${error.message}`);
  process.exitCode = 1;
}

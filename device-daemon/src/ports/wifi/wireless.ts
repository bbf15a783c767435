// Wi-Fi settings in UCI `wireless`: the access points as core/wifi-networks.ts
// reads them, changed by the commands core/wifi-change.ts plans, in one batch.
import { readWifiNetworks } from '../../core/wifi-networks.ts';
import type { UciCommand, UciPort, WirelessPort } from '../types.ts';

/** The WirelessPort over `uci`; `reload` is `wifi reload` on the device. */
export function uciWireless(uci: UciPort, reload: () => Promise<void>): WirelessPort {
  return {
    async read() {
      const networks = readWifiNetworks(await uci.show('wireless'));
      if (!networks[0]) throw new Error('no Wi-Fi access point is configured');
      return networks;
    },
    async write(commands) {
      const pkg = await uci.show('wireless');
      // What each touched option was, to put back if the reload fails.
      const undo = commands.map((c): UciCommand => {
        const [, section, option] = c.path.split('.') as [string, string, string];
        const was = pkg.sections.find((s) => s.name === section)?.options[option];
        return was === undefined ? { op: 'delete', path: c.path } : { op: 'set', path: c.path, value: [was].flat().join(' ') };
      });
      await uci.batch('wireless', commands);
      return async () => {
        try {
          await reload();
        } catch (error) {
          // uci refuses to delete what is not there: only options the change created are deleted.
          await uci.batch('wireless', undo.filter((u, i) => u.op === 'set' || commands[i]!.op === 'set'));
          await reload();
          throw error;
        }
      };
    },
  };
}

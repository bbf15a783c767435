// GET /api/clients, the block and a device's name: shared with the UI.
import * as v from 'valibot';

/** One device on the LAN, GET /api/clients. `name` is data: render it as text. */
export type ClientJson = {
  mac: string;
  name: string | null;
  ip: string | null;
  /** '2.4 GHz' | '5 GHz' | '6 GHz', or null when wired (or not seen on Wi-Fi). */
  band: string | null;
  signal: number | null;
  wired: boolean;
  since: string | null;
  down: number;
  up: number;
  blocked: boolean;
  /** On the LAN now; a device that used data this period but left is listed as offline. */
  online: boolean;
  /** The device making the request ("this device"). */
  self: boolean;
  /** The name the household gave it (kept in the flash store), else the one from DHCP. */
  named: boolean;
};

/** PUT /api/clients/:mac/name: 1 to 40 characters, one line; an empty name goes back to the DHCP one. */
export const DeviceNameInput = v.object({
  name: v.pipe(v.string(), v.maxLength(40, 'at most 40 characters'), v.regex(/^[^\u0000-\u001f\u007f]*$/, 'one line, no control characters')),
});

export const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

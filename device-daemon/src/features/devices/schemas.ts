// GET /api/clients and the block: shared with the UI.

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
};

export const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

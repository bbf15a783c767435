// The E-UTRA operating band of a downlink EARFCN (3GPP TS 36.101, table 5.7.3-1):
// what the modem reports as a channel number, turned into the band an installer
// knows ("band 20"). Each entry: band, first downlink EARFCN, last.
const BANDS: [number, number, number][] = [
  [1, 0, 599], [2, 600, 1199], [3, 1200, 1949], [4, 1950, 2399], [5, 2400, 2649],
  [7, 2750, 3449],
  [6, 2650, 2749], [8, 3450, 3799], [9, 3800, 4149], [10, 4150, 4749], [11, 4750, 4949], [12, 5010, 5179], [13, 5180, 5279], [14, 5280, 5379], [17, 5730, 5849],
  [18, 5850, 5999], [19, 6000, 6149], [20, 6150, 6449], [21, 6450, 6599], [25, 8040, 8689], [26, 8690, 9039],
  [28, 9210, 9659], [32, 9920, 10359], [38, 37750, 38249], [40, 38650, 39649], [41, 39650, 41589],
  [42, 41590, 43589], [43, 43590, 45589], [66, 66436, 67335], [71, 68586, 68935],
];

export function lteBand(earfcn: number | null): number | null {
  if (earfcn === null) return null;
  return BANDS.find(([, lo, hi]) => earfcn >= lo && earfcn <= hi)?.[0] ?? null;
}

/** ModemManager's band name for an LTE band: eutran-20. */
export const bandName = (band: number) => `eutran-${band}`;

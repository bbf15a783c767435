// Prints the linux counters port's reading of each named interface as one JSON
// line ({"dev": {...} | null}). Run inside a namespace (`net.node(ns, this, [dev])`)
// so that /sys/class/net is that namespace's.
import { linuxCounters } from '../../device-daemon/src/ports/counters/linux.ts';

const port = linuxCounters();
const readings: Record<string, unknown> = {};
for (const device of process.argv.slice(2)) readings[device] = await port.read(device);
console.log(JSON.stringify(readings));

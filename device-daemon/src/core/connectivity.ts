// Reads what `ping` and `nslookup` printed into results a person can read. Both
// BusyBox (OpenWrt) and iputils (Debian) summaries are understood: they differ in
// "3 packets received" / "3 received" and "round-trip" / "rtt ... /mdev".

export type PingResult = { sent: number; received: number; avgMs: number | null };

/** The summary of `ping -c N`, or null when the output has none (the name did not resolve). */
export function readPing(output: string): PingResult | null {
  const counts = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(output);
  if (!counts) return null;
  const rtt = /min\/avg\/max(?:\/m?dev)? = [\d.]+\/([\d.]+)\//.exec(output);
  return { sent: Number(counts[1]), received: Number(counts[2]), avgMs: rtt ? Number(rtt[1]) : null };
}

/** The addresses BusyBox `nslookup NAME SERVER` found for NAME (the server's own lines are skipped). */
export function readLookup(output: string): string[] {
  const answer = output.split(/\n\s*\n/).slice(1).join('\n');
  return [...answer.matchAll(/^Address(?:\s+\d+)?:\s*([0-9A-Fa-f.:]+)\s*$/gm)].map((m) => m[1]!);
}

export type CheckStep = {
  /** What was tried: `ping` of a target, or `dns` (a name looked up at a server). */
  kind: 'ping' | 'dns';
  target: string;
  ok: boolean;
  /** One plain sentence: what happened. */
  summary: string;
  detail: PingResult | { addresses: string[] } | null;
};

export function pingStep(target: string, output: string): CheckStep {
  const r = readPing(output);
  const ok = !!r && r.received > 0;
  const summary = !r
    ? `${target} could not be reached (no route or unknown name)`
    : ok
      ? `${target} answered ${r.received} of ${r.sent}${r.avgMs === null ? '' : `, ${Math.round(r.avgMs)} ms on average`}`
      : `${target} did not answer (${r.sent} tries)`;
  return { kind: 'ping', target, ok, summary, detail: r };
}

export function lookupStep(name: string, server: string, output: string): CheckStep {
  const addresses = readLookup(output);
  const ok = addresses.length > 0;
  const summary = ok ? `${server} resolved ${name} to ${addresses.join(', ')}` : `${server} did not resolve ${name}`;
  return { kind: 'dns', target: `${name} @ ${server}`, ok, summary, detail: { addresses } };
}

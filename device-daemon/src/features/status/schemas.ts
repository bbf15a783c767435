// The shape of GET /api/status and of the `status` server-sent event.
// Shared by the daemon and the UI (the UI imports types only).
import type { ModemState } from '../../core/device-data.ts';

export type UsageState = 'normal' | 'warning' | 'throttled' | 'blocked';

/**
 * Something the user should know. `code` names the message (the UI words it in the
 * user's language), `params` fill it in.
 *   usage-alert {percent}: that share of the allowance is used (only while it is true: a top-up,
 *     a correction, a plan change or a new period takes it away)
 *   offload-bypass {kind}: flow offloading is on, so the throttle and counts cannot hold (installer)
 *   enforcement-failed {message}: the shaper or block could not be applied
 *   state-not-saved {where, reason, failures}: the flash (or RAM journal) write keeps failing (installer)
 */
export type Notice = {
  id: string;
  level: 'info' | 'warning' | 'blocking';
  code: string;
  params: Record<string, string | number>;
  /** Who is shown it; customers never see installer notices. Default: everyone. */
  audience?: 'installer';
};

export type Status = {
  /** Device time (ISO 8601) and whether it is NTP-trusted. */
  time: string;
  timeTrusted: boolean;
  connection: {
    state: ModemState;
    operator: string | null;
    technology: string | null;
    roaming: boolean;
    /** Signal quality 0..5 for a phone-style indicator. */
    bars: number;
    rsrp: number | null;
    rsrq: number | null;
    sinr: number | null;
  };
  usage: {
    /** The plan's IANA zone: dates (reset day, daily buckets) are in it. */
    timeZone: string;
    cycleStart: string;
    cycleEnd: string;
    /** Bytes, integers. */
    down: number;
    up: number;
    total: number;
    /** Cap plus top-ups; null on plans without a cap. */
    allowance: number | null;
    left: number | null;
    daysLeft: number;
    state: UsageState;
    overCap: boolean;
    /**
     * Prepaid plans only (else null): funds are valid until `endsAt` (the period's
     * end), `daysLeft` local dates; `lapsed` once validity has ended (what was left
     * is gone until a top-up).
     */
    validity: { endsAt: string; daysLeft: number; lapsed: boolean } | null;
  };
  plan: {
    policy: 'throttle' | 'block' | 'alert';
    throttleDownKbit: number;
    throttleUpKbit: number;
    /** Top-up sizes on offer, in bytes. */
    topupSizes: number[];
    /** The unit family the plan is written in: show sizes in GB (powers of ten) or GiB (powers of two). */
    units: 'GB' | 'GiB';
  };
  notices: Notice[];
  /** How to reach the ISP (config section `support`); each null when not configured. */
  support: { name: string | null; phone: string | null; email: string | null; web: string | null; hours: string | null };
};

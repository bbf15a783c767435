// The UI's contract with the daemon: every type the UI may know of the API, and
// nothing else. The types live with their features (features/<name>/schemas.ts,
// the valibot schemas the daemon validates with, and the routes whose replies
// they describe); this file only gathers them, so the UI imports from one place.
export type { SessionInfo, SessionState, Role } from '../features/session/schemas.ts';
export type { Status } from '../features/status/schemas.ts';
export type { PlanJson } from '../features/plan/schemas.ts';
export type { WifiInputJson, WifiJson } from '../features/wifi/schemas.ts';
export type { ClientJson } from '../features/devices/schemas.ts';
export type { SignalFrame } from '../features/modem/signal-meter.ts';
export type { SignalSample } from '../core/signal-meter.ts';
export type { auditRoutes } from '../features/audit/routes.ts';
export type { usageRoutes } from '../features/usage/routes.ts';
export type { modemRoutes } from '../features/modem/routes.ts';
export type { systemRoutes } from '../features/system/routes.ts';
/** The signal bands' limits: the meter's sparklines draw them (a value, shared so both sides agree). */
export { THRESHOLDS } from '../core/signal-meter.ts';

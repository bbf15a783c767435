// The UI's contract with the daemon: every type the UI may know of the API, and
// nothing else. Request bodies are inferred from the valibot schemas the daemon
// validates with (features/<name>/schemas.ts); replies from the routes that send
// them, or the types the features declare. This file only gathers them, so the
// UI imports from one place and nothing is written twice.
import type { InferInput } from 'valibot';
import type { ExtractSchema } from 'hono/types';
import type { auditRoutes } from '../features/audit/routes.ts';
import type { modemRoutes } from '../features/modem/routes.ts';
import type { usageRoutes } from '../features/usage/routes.ts';
import type { systemRoutes } from '../features/system/routes.ts';
import type { PasswordChange, SetupRequest } from '../features/account/schemas.ts';
import type { CheckInput, MobileInput, PinInput, PurchaseInput, QuickActionInput, SmsInput, UssdAnswerInput, UssdInput } from '../features/modem/schemas.ts';
import type { CorrectionInput, TopupInput } from '../features/plan/schemas.ts';
import type { LoginRequest } from '../features/session/schemas.ts';

export type { SessionInfo, SessionState, Role } from '../features/session/schemas.ts';
export type { Status } from '../features/status/schemas.ts';
export type { PlanJson, PlanView } from '../features/plan/schemas.ts';
export type { WifiInputJson, WifiJson } from '../features/wifi/schemas.ts';
export type { ClientJson } from '../features/devices/schemas.ts';
export type { SignalFrame } from '../features/modem/signal-meter.ts';
export type { SignalSample } from '../core/signal-meter.ts';
export type { auditRoutes } from '../features/audit/routes.ts';
export type { usageRoutes } from '../features/usage/routes.ts';
export type { modemRoutes } from '../features/modem/routes.ts';
export type { ErrorCode, ErrorJson, Issue } from './errors.ts';
export type { AuditCode, AuditEntry } from './audit.ts';

// Request bodies.
export type SetupBody = InferInput<typeof SetupRequest>;
export type LoginBody = InferInput<typeof LoginRequest>;
export type PasswordBody = InferInput<typeof PasswordChange>;
export type TopupBody = InferInput<typeof TopupInput>;
export type CorrectionBody = InferInput<typeof CorrectionInput>;
export type CheckBody = InferInput<typeof CheckInput>;
export type PurchaseBody = InferInput<typeof PurchaseInput>;
export type QuickActionBody = InferInput<typeof QuickActionInput>;
export type UssdBody = InferInput<typeof UssdInput>;
export type UssdAnswerBody = InferInput<typeof UssdAnswerInput>;
export type SmsBody = InferInput<typeof SmsInput>;
export type MobileBody = InferInput<typeof MobileInput>;
export type PinBody = InferInput<typeof PinInput>;

// Replies, as the routes send them.
type UsageSchema = ExtractSchema<ReturnType<typeof usageRoutes>>;
type ModemSchema = ExtractSchema<ReturnType<typeof modemRoutes>>;
export type UsageJson = UsageSchema['/usage']['$get']['output'];
export type HistoryJson = UsageSchema['/usage/history']['$get']['output'];
export type AuditJson = ExtractSchema<ReturnType<typeof auditRoutes>>['/audit']['$get']['output'];
export type BalanceJson = ModemSchema['/balance']['$get']['output'];
export type MobileJson = ModemSchema['/mobile']['$get']['output'];
export type UssdActionsJson = ModemSchema['/ussd']['$get']['output'];
export type SmsJson = ModemSchema['/sms']['$get']['output'];
export type UssdReply = ModemSchema['/ussd']['$post']['output'];

// The installer's tools: the mobile network's scan, the System page, the commissioning record.
type SystemSchema = ExtractSchema<ReturnType<typeof systemRoutes>>;
export type ScanJson = ModemSchema['/mobile/scan']['$post']['output'];
export type SystemJson = SystemSchema['/system']['$get']['output'];
export type CheckJson = SystemSchema['/system/connectivity']['$post']['output'];
export type RecordJson = NonNullable<SystemSchema['/commissioning']['$get']['output']['record']>;
/** The signal bands' limits, sent with the first signal event: the meter's sparklines draw them. */
export type SignalLimits = typeof import('../core/signal-meter.ts').THRESHOLDS;
export type { UpdatesJson } from '../features/updates/service.ts';

// The tables the domain code queries, for the engine this process runs on (engine.ts). The
// domain layer is written once against the SQLite schema's types; on PostgreSQL each name is
// bound to the PostgreSQL table of the same shape (postgres/schema.ts), so Drizzle builds
// PostgreSQL SQL with PostgreSQL's column mappings. schema-parity.spec.ts keeps the two alike.
// Types (Role, Session, ...) come from the SQLite schema files through the star export; the
// named exports below take precedence over it for the table values.
import * as sqliteTables from './sqlite-schema';
import * as postgresTables from './postgres/schema';
import { engine } from './engine';

export * from './sqlite-schema';

const t = (engine === 'postgres' ? postgresTables : sqliteTables) as unknown as typeof sqliteTables;

export const assignment = t.assignment;
export const assignmentReminder = t.assignmentReminder;
export const assignmentUser = t.assignmentUser;
export const attempt = t.attempt;
export const auditErasure = t.auditErasure;
export const auditEvent = t.auditEvent;
export const auditRetention = t.auditRetention;
export const certificate = t.certificate;
export const certificateReminder = t.certificateReminder;
export const emailChange = t.emailChange;
export const enrolment = t.enrolment;
export const invitation = t.invitation;
export const ltiDeepLink = t.ltiDeepLink;
export const ltiGradeTarget = t.ltiGradeTarget;
export const ltiIdentity = t.ltiIdentity;
export const ltiLogin = t.ltiLogin;
export const ltiNonce = t.ltiNonce;
export const ltiPlatform = t.ltiPlatform;
export const ltiScoreOutbox = t.ltiScoreOutbox;
export const mailOutbox = t.mailOutbox;
export const membership = t.membership;
export const moduleDraft = t.moduleDraft;
export const moduleVersion = t.moduleVersion;
export const organisation = t.organisation;
export const passwordReset = t.passwordReset;
export const pendingRegistration = t.pendingRegistration;
export const recoveryCode = t.recoveryCode;
export const response = t.response;
export const serverKey = t.serverKey;
export const session = t.session;
export const signalMastery = t.signalMastery;
export const ssoIdentity = t.ssoIdentity;
export const ssoLogin = t.ssoLogin;
export const ssoPending = t.ssoPending;
export const ssoProvider = t.ssoProvider;
export const stepProgress = t.stepProgress;
export const team = t.team;
export const throttle = t.throttle;
export const twoFactor = t.twoFactor;
export const user = t.user;

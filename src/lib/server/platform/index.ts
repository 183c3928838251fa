// The public face of the platform domain: routes and hooks import only this file, and only what
// is named here. Other domains use the inner modules (log, mail, backup, ...) directly.
export { recordAudit } from './audit';
export { config } from './config';
export { clearSessionCookie, setSessionCookie } from './cookies';
export { echo, noErrors, noValues, parseForm } from './forms';
export { checkHealth } from './health';
export { outboxForAdmin } from './mail';
export { describeUserAgent } from './user-agent';
export { describeFailure, type Failure } from './failure';

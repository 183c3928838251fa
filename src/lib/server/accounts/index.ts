// The public face of the accounts domain: routes import only this file.
export * from './access';
export * from './accounts';
export * from './passwords';
export * from './guards';
export * from './auth/password';
export * from './auth/session';
export * from './auth/throttle';
export * from './auth/tokens';
export * from './auth/two-factor';
export * from './auth/secret-box';
export * from './lti-session';
export * from './auth/sudo';
export * from './email-change';

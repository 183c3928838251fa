// The public face of the LTI 1.3 domain: routes and hooks import only this file.
export * from './claims';
export * from './keys';
export * from './registrations';
export * from './validate';
export * from './launch';
export * from './deep-linking';
export * from './passback';
export * from './http';
export * from './cookies';

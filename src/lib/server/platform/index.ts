// The public face of the platform domain: routes import only this file.
export * from './audit';
export * from './backup';
export * from './config';
export * from './cookies';
export * from './forms';
export * from './headers';
export * from './health';
export * from './log';
export * from './mail';
export * from './user-agent';
export * from './lifecycle';
export * from './failure';

// The public face of the single sign-on domain: routes import only this file.
export * from './providers';
export * from './flow';
export * from './first-sign-in';
export type { CompleteResult, Context, Refusal } from './session';
export * from './links';
export * from './cookies';

// The public face of the single sign-on domain: routes import only this file.
export * from './providers';
export * from './flow';
export * from './links';
export * from './cookies';

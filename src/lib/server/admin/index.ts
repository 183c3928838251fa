// The public face of the admin domain: routes import only this file.
export * from './admin';

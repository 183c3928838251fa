// The public face of the manager domain: routes import only this file.
export * from './assignments';
export * from './dashboard';
export * from './reports';

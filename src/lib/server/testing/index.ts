// The public face of the testing domain: routes import only this file.
export * from './smtp';
export * from './testing';

// The public face of the privacy domain: routes import only this file.
export * from './privacy';

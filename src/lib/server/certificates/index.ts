// The public face of the certificates domain: routes import only this file.
export * from './certificates';
export * from './openbadges';
export * from './pdf';
export * from './rules';
export * from './woff';

// The public face of the organisations domain: routes import only this file.
export * from './invitations';
export * from './organisations';
export * from './teams';

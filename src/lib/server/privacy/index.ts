// The public face of the privacy domain: routes import only this file, and only what is named here.
export { deleteOwnAccount, exportUserData } from './privacy';

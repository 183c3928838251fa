// The public face of the privacy domain: routes and scripts import only this file, and only what
// is named here.
export { exportUserData } from './export';
export { deleteOwnAccount } from './erasure';
export { retentionPolicy, runRetention } from './retention';

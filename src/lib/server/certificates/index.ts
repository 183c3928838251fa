// The public face of the certificates domain: what routes, hooks and scripts use.
export { issueOnPass } from './issue';
export { refresherStatus, type RefresherModule, type RefresherStatus } from './refresher';
export {
	dashboardCertificates,
	getOwnCertificate,
	learnerCertificates,
	setShowOrganisation,
	type CertificateDocument,
	type CertificateView
} from './views';
export {
	findForAdmin,
	revokeCertificate,
	verifyCertificate,
	type PublicCertificate,
	type VerifyResult
} from './verification';
export { sendDueReminders } from './reminders';
export { ensureSigningKey, issuerProfile, publicJwks, signCredential } from './openbadges';
export { renderCertificatePdf } from './pdf';
export { signedStatusList, STATUS_LIST_PATH } from './status-list';
export { formatCode, type CertificateStatus } from './rules';
export {
	FIXED_CONTACTS,
	renderSignalCard,
	signalCardFor,
	type SignalCardInput
} from './signal-card';

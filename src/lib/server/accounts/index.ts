// The public face of the accounts domain: routes, hooks and scripts import only this file, and
// only what is named here. Inner modules (password hashing, throttles, tokens, the secret box)
// stay free to change.
export { getAccess, getUser, isStaff } from './access';
export {
	confirmRegistration,
	createAdminAccount,
	isRegistrationLinkValid,
	register,
	setupLinkHours,
	signIn
} from './accounts';
export {
	changePassword,
	findValidReset,
	hasPassword,
	requestPasswordReset,
	resetPassword
} from './passwords';
export {
	homeFor,
	mustEnrolTwoFactor,
	organisationFor,
	requireRole,
	requireUser,
	safeRedirectPath
} from './guards';
export {
	createSession,
	invalidateOwnSession,
	invalidateSession,
	invalidateUserSessions,
	listUserSessions
} from './auth/session';
export {
	confirmEnrolment,
	disable,
	getStatus,
	regenerateRecoveryCodes,
	startEnrolment,
	verifySignIn
} from './auth/two-factor';
export { startLaunchSession } from './lti-session';
export { isInSudoMode, reauthenticate, requireSudo, safeReturnPath } from './auth/sudo';
export {
	confirmEmailChange,
	emailChangeLinkHours,
	findEmailChange,
	requestEmailChange
} from './email-change';

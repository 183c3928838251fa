// The public face of the admin domain: routes import only this file, and only what is named here.
export {
	addUserMembership,
	changeMembershipRole,
	endUserSessions,
	getUserDetail,
	listOrganisations,
	removeMembership,
	renameOrganisation,
	resetUserTwoFactor,
	searchAudit,
	searchUsers,
	setOrganisationArchived,
	setUserAdmin,
	setUserDisabled,
	type AdminResult
} from './admin';

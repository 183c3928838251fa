// The public face of the organisations domain: what routes use.
export { createOrganisation, getOrganisation, listMembers, listTeams } from './organisations';
export {
	acceptInvitation,
	attachInvitationToAccount,
	findOpenInvitation,
	inviteMember,
	listAllInvitations,
	listInvitationViews,
	resendInvitation,
	revokeInvitation,
	type AcceptResult,
	type InviteResult,
	type OpenInvitation,
	type PlatformInvitation
} from './invitations';
export {
	importInvitations,
	maxCsvBytes,
	maxCsvRows,
	openRows,
	parseInvitationCsv,
	previewInvitations,
	sealRows,
	type CsvRow,
	type PreviewRow
} from './csv-import';
export { createTeam, listTeamsWithCounts, moveLearner, renameTeam, type TeamResult } from './teams';

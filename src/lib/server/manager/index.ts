// The public face of the manager domain: routes import only this file, and only what is named here.
export { createAssignment, deleteAssignment } from './assignments';
export { listAssignments, listAssignmentsForLearner } from './assignment-lists';
export { learnerDashboard, signalMap } from './dashboard';
export {
	expiryWindowDays,
	formatDate,
	minimumGroupSize,
	moduleTitle,
	reportModules,
	statusKinds,
	statusLabel,
	statusOf,
	type ModuleStatus,
	type ReportModule,
	type StatusKind
} from './status';
export {
	defaultQuery,
	pageSizes,
	parseLearnerQuery,
	queryString,
	sortKeys,
	type LearnerQuery,
	type SortKey
} from './learner-query';
export { listLearners, type LearnerPage, type LearnerRow } from './learners';
export { csvCell, csvChunkSize, csvLine, exportLearnersCsv, learnersCsv } from './csv';
export { getLearnerDetail, type LearnerDetail } from './learner-detail';
export { extraAttemptModules, giveExtraAttempt } from './extra-attempts';
export { getDashboard, lastMonths, type Dashboard } from './overview';
export { getTeamSignalMap, type TeamSignalMap } from './signal-map';

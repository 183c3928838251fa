// The public face of the testing domain, for specs, e2e support and scripts (never routes).
export { startSmtpSink, type ReceivedMail, type SmtpSink } from './smtp';
export {
	freshDatabase,
	makeCertificate,
	makeEnrolment,
	makeLearner,
	makeMastery,
	makeMember,
	makeOrganisation,
	makeTeam,
	makeUser,
	syncCourse,
	testPassword
} from './testing';

// The server's entry point to course content: load and check modules/ from disk.
export {
	ContentError,
	formatIssue,
	fileTree,
	loadCourse,
	memoryTree,
	validateCourse,
	validateTree,
	type ContentCounts,
	type ContentIssue,
	type ContentTree,
	type Course,
	type CourseModule,
	type CourseStep,
	type CourseValidation,
	type ValidateOptions
} from './load';
export { MAX_FILE_BYTES, ParseError, parseFrontMatter } from './parse';
export { COURSE_RULES, CONTACTS_FILE, findContacts, hasFullSentence, isHomePage } from './rules';
export { getCourse, loadShippedCourse } from './course';
export { syncShippedModules } from './versions';

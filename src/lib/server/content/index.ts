// The server's entry point to course content: load and check modules/ from disk.
export {
	ContentError,
	formatIssue,
	loadCourse,
	validateCourse,
	type ContentCounts,
	type ContentIssue,
	type Course,
	type CourseModule,
	type CourseStep,
	type CourseValidation
} from './load';
export { MAX_FILE_BYTES, ParseError } from './parse';

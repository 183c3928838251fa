// Dutch messages for a refused module archive: the zip reader's problem codes, and the content
// loader's issue codes (shared with `npm run modules:check`) said in Dutch.
import { messages } from '$lib/i18n';
import type { ContentIssue } from '../../content';
import type { IssueCode } from '../../content/parse';
import { describeFailure, type Failure, type FailureCode } from '../../platform/failure';
import type { ZipProblem } from './zip';
import { MAX_ENTRIES, MAX_FILE_BYTES, MAX_MESSAGES, MAX_UNPACKED_BYTES } from './limits';

const t = messages.authoringZip;

export function zipMessage(p: ZipProblem): string {
	switch (p.code) {
		case 'not-zip':
			return t.notZip;
		case 'corrupt':
			return t.corrupt;
		case 'unsupported':
			return t.unsupported(p.feature);
		case 'too-many-entries':
			return t.tooManyEntries(p.count, MAX_ENTRIES);
		case 'too-large':
			return t.tooLarge(MAX_UNPACKED_BYTES / 1024 / 1024);
		case 'file-too-large':
			return t.fileTooLarge(p.name, MAX_FILE_BYTES / 1024);
		case 'traversal':
			return t.traversal(p.name);
		case 'absolute':
			return t.absolute(p.name);
		case 'backslash':
			return t.backslash(p.name);
		case 'bad-name':
			return t.badName(p.name);
		case 'symlink':
			return t.symlink(p.name);
		case 'duplicate':
			return t.duplicate(p.name);
	}
}

/**
 * A content issue said in Dutch, from its code (src/lib/i18n/nl/codes.ts); the loader's English
 * message is for `npm run modules:check` only.
 */
export function contentMessage(issue: Pick<ContentIssue, 'code' | 'params'>): string {
	return describeFailure({ code: issue.code, params: issue.params } as Failure);
}

// Every code the content loader uses has a Dutch message (a type error otherwise).
const _everyCodeSaid: FailureCode = '' as IssueCode;
void _everyCodeSaid;

export function issueMessage(issue: ContentIssue): string {
	return t.inFile(issue.file, issue.path, contentMessage(issue));
}

export function capped(errors: string[]): string[] {
	if (errors.length <= MAX_MESSAGES) return errors;
	return [...errors.slice(0, MAX_MESSAGES), t.moreProblems(errors.length - MAX_MESSAGES)];
}

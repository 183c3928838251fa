// The course as the loader returns it (modules, steps, signals) and the problems it reports.
import type {
	Assessment,
	ContentParams,
	ModuleMeta,
	Quiz,
	Signal,
	StepMeta,
	Vignette
} from '$lib/content/schema';
import type { IssueCode } from './parse';

export interface CourseStep {
	slug: string;
	folder: string;
	order: number;
	meta: StepMeta;
	/** Path of its index.md from the project root, as `import.meta.glob` keys it. */
	indexPath: string;
	vignette?: Vignette;
	quiz?: Quiz;
	assessment?: Assessment;
}

export interface CourseModule {
	slug: string;
	folder: string;
	order: number;
	meta: ModuleMeta;
	indexPath: string;
	/** sha256 (hex) over all the module's files: a new hash is a new version. */
	contentHash: string;
	steps: CourseStep[];
	stepBySlug: Map<string, CourseStep>;
}

export interface Course {
	signals: Signal[];
	signalById: Map<string, Signal>;
	modules: CourseModule[];
	moduleBySlug: Map<string, CourseModule>;
}

export interface ContentIssue {
	/** Relative to process.cwd(), with forward slashes. */
	file: string;
	/** Field path inside the file (`nodes.n4.choices[1].next`), or '' for the whole file. */
	path: string;
	/** English, for developers (`npm run modules:check`). */
	message: string;
	/** What users read: a catalogue code (src/lib/i18n/nl/codes.ts) and its values. */
	code: IssueCode;
	params: ContentParams;
}

export interface ContentCounts {
	modules: number;
	steps: number;
	vignettes: number;
	items: number;
	signals: number;
}

export interface CourseValidation {
	course: Course | null;
	issues: ContentIssue[];
	counts: ContentCounts;
}

export function formatIssue(issue: ContentIssue): string {
	return issue.path
		? `${issue.file}: ${issue.path}: ${issue.message}`
		: `${issue.file}: ${issue.message}`;
}

export class ContentError extends Error {
	constructor(readonly issues: ContentIssue[]) {
		super(
			`invalid course content (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}):\n` +
				issues.map(formatIssue).join('\n')
		);
		this.name = 'ContentError';
	}
}

export interface ValidateOptions {
	/**
	 * The signal ids tags are checked against. Without it they come from the tree's signals.yaml,
	 * which is then required; with it a signals.yaml in the tree is only checked for its shape.
	 */
	signalIds?: Set<string>;
	/** Check refresher links between modules (off for a single imported module). */
	refresherLinks?: boolean;
	/**
	 * The editorial rules of the shipped course (rules.ts: help line, feedback, contacts.yaml,
	 * definitions, names, sources); on for `npm run modules:check` and the course tests.
	 */
	courseRules?: boolean;
}

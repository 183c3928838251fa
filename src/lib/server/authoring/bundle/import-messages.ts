// Dutch messages for a refused module archive: the zip reader's problem codes, and the content
// loader's English messages (shared with `npm run modules:check`) said in Dutch.
import { messages } from '$lib/i18n';
import type { ContentIssue } from '../../content';
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

const c = t.content;
type Rule = [RegExp, (m: RegExpMatchArray) => string];

// The loader's messages are English (for `npm run modules:check`); these rules say each in Dutch.
const RULES: Rule[] = [
	[/^file is too large: (\d+) KB, the limit is (\d+) KB$/, (m) => c.fileTooLarge(m[1], m[2])],
	[/^file starts with a byte order mark/, () => c.bom],
	[/^file is not valid UTF-8 \(first invalid byte on line (\d+)\)/, (m) => c.notUtf8(m[1])],
	[
		/^YAML tags are not allowed: (\S+)/,
		(m) => c.yamlTag(m[1].replace(/^tag:yaml\.org,2002:/, '!!'))
	],
	[/^too many YAML aliases \(more than (\d+)/, (m) => c.yamlAliases(m[1])],
	[/^missing front matter/, () => c.frontMatterMissing],
	[
		/^front matter must open with "---" alone; "(.*)" is refused/,
		(m) => c.frontMatterLanguage(m[1])
	],
	[/^front matter is not closed/, () => c.frontMatterOpen],
	[/^front matter must be a YAML mapping/, () => c.frontMatterMapping],
	[/^file is missing$/, () => c.missing],
	[/^unexpected file;/, () => c.unexpectedFile],
	[/^folder name must be <nn>-<slug>/, () => c.folderName],
	[/^slug "(.+)" is also used by (.+)$/, (m) => c.slugUsed(m[1], m[2])],
	[/^number (\d+) is also used by (.+)$/, (m) => c.numberUsed(m[1], m[2])],
	[/^unknown signal "(.+)"$/, (m) => c.unknownSignal(m[1])],
	[/^duplicate signal id "(.+)"$/, (m) => c.duplicateSignal(m[1])],
	[
		/^only a vignette step has a vignette\.yaml; this step is kind: (\w+)$/,
		(m) => c.onlyVignette(m[1])
	],
	[
		/^only a quiz or assessment step has a quiz\.yaml; this step is kind: (\w+)$/,
		(m) => c.onlyQuiz(m[1])
	],
	[/^a vignette step needs a vignette\.yaml/, () => c.needsVignette],
	[/^a (\w+) step needs a quiz\.yaml/, (m) => c.needsQuiz(m[1])],
	[/^a quiz step lists its questions under items/, () => c.quizNotPool],
	[/^an assessment step needs draw: and pool/, () => c.assessmentNotItems],
	[/^duplicate item id "(.+)", also used in (.+)$/, (m) => c.duplicateItem(m[1], m[2])],
	[/^module has no steps$/, () => c.noSteps],
	[
		/^pretest draws (\d+) items, but the assessment pool has only (\d+)$/,
		(m) => c.pretestTooLarge(m[1], m[2])
	],
	[/^the step name "voortoets" is reserved/, () => c.reservedStep],
	[/^module has no assessment step/, () => c.noAssessment],
	[/^a module has exactly one assessment step/, () => c.secondAssessment],
	[/^the assessment step must be the last step/, () => c.assessmentLast],
	[/^must be lowercase letters and digits/, () => c.kebab],
	[/^must be between 0 and 1$/, () => c.between01],
	[/^duplicate id "(.+)"$/, (m) => c.duplicateId(m[1])],
	[/^id "(.+)" is used by a node and an ending$/, (m) => c.nodeAndEnding(m[1])],
	[/^unknown node "(.+)"$/, (m) => c.unknownNode(m[1])],
	[/^cannot be reached from start$/, () => c.unreachable],
	[/^no ending can be reached from this node/, () => c.deadEnd],
	[/^needs at least (\d+) reachable endings, has (\d+)$/, (m) => c.endings(m[1], m[2])],
	[
		/^the longest path from start has (\d+) decision points, needs at least (\d+)$/,
		(m) => c.decisionPoints(m[1], m[2])
	],
	[/^exactly one option must be correct, found (\d+)$/, (m) => c.exactlyOne(m[1])],
	[/^at least one option must be correct$/, () => c.atLeastOneCorrect],
	[/^needs at least one phrase with a signal$/, () => c.phraseWithSignal],
	[/^needs at least one phrase without a signal/, () => c.phraseDistractor],
	[/^"(.*)" does not occur in the text$/, (m) => c.phraseMissing(m[1])],
	[/^"(.*)" occurs more than once in the text$/, (m) => c.phraseTwice(m[1])],
	[/^overlaps with phrase "(.+)"$/, (m) => c.phraseOverlap(m[1])],
	[/^pool has (\d+) items, needs at least 2 x draw = (\d+)$/, (m) => c.poolSize(m[1], m[2])],
	[
		/^unknown key "(.+?)"(?: \(did you mean "(.+)"\?\))?$/,
		(m) => c.unknownKey(m[1], m[2] || undefined)
	],
	[/^is required$/, () => c.required],
	// before the type rule: both say "must be …, got …"
	[/^must be one of (.+?)(?:, got .*)?$/, (m) => c.oneOf(m[1])],
	[/^must be (.+), got (.+)$/, (m) => c.wrongType(c.types[m[1]] ?? m[1], gotValue(m[2]))],
	[/^must not be empty$/, () => c.notEmpty],
	[/^must be at least (.+)$/, (m) => c.min(m[1])],
	[/^must be at most (.+)$/, (m) => c.max(m[1])],
	[/^needs at least (\d+) (\w+)$/, (m) => c.atLeast(m[1], c.things[m[2]] ?? m[2])],
	[/^is too long: at most (\d+) (\w+)$/, (m) => c.tooLong(m[1], c.things[m[2]] ?? m[2])],
	[/^"(.+)" is not a valid id/, (m) => c.invalidId(m[1])],
	[/^must be an http\(s\) address$/, () => c.url],
	// YAML syntax errors from the parser: keep where, drop the English detail.
	[/ at line (\d+), column (\d+)$/, (m) => c.yamlInvalid(c.where(m[1], m[2]))],
	[/^invalid YAML/, () => c.yamlInvalid('')]
];

function gotValue(described: string): string {
	const text = /^text (".*")$/.exec(described);
	if (text) return `de tekst ${text[1]}`;
	const value = /^(?:number|boolean|bigint) (.+)$/.exec(described);
	if (value) return value[1];
	return c.types[described] ?? described;
}

/** The loader's English message in Dutch; unknown ones keep their English inside a Dutch frame. */
export function dutchContentMessage(message: string): string {
	for (const [pattern, say] of RULES) {
		const m = message.match(pattern);
		if (m) return say(m);
	}
	return c.other(message);
}

export function issueMessage(issue: ContentIssue): string {
	return t.inFile(issue.file, issue.path, dutchContentMessage(issue.message));
}

export function capped(errors: string[]): string[] {
	if (errors.length <= MAX_MESSAGES) return errors;
	return [...errors.slice(0, MAX_MESSAGES), t.moreProblems(errors.length - MAX_MESSAGES)];
}

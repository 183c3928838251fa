// `npm run modules:check [-- --dir PATH]`: validates a modules folder with the course rules, prints
// every problem to stderr and exits 1, or prints the summary line (other checks read its format)
// and the rules that held, and exits 0.
import { COURSE_RULES, formatIssue, validateCourse } from '$lib/server/content';

function parseDir(args: string[]): string {
	const at = args.indexOf('--dir');
	if (at >= 0) {
		const dir = args[at + 1];
		if (!dir) {
			console.error('usage: modules-check [--dir PATH]');
			process.exit(2);
		}
		return dir;
	}
	const inline = args.find((a) => a.startsWith('--dir='));
	return inline ? inline.slice('--dir='.length) : 'modules';
}

const { issues, counts } = validateCourse(parseDir(process.argv.slice(2)), { courseRules: true });
if (issues.length > 0) {
	for (const issue of issues) console.error(formatIssue(issue));
	console.error(`${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} found`);
	process.exit(1);
}
console.log(
	`modules: ${counts.modules}, steps: ${counts.steps}, vignettes: ${counts.vignettes}, items: ${counts.items}, signals: ${counts.signals}`
);
console.log(`checks: ${COURSE_RULES.join('; ')}`);

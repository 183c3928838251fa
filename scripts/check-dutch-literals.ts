// Fails on Dutch text written outside the message catalogue. Every string a user reads comes
// from src/lib/i18n/nl/ (see docs/architecture.md): a Dutch literal in a route, component or
// server module is text that a translation or a wording change would miss.
//
// It reads every .ts and .svelte file under src/ except the catalogue, tests (*.spec.ts and the
// spec-support.ts set-up beside them) and the demo data (src/lib/server/demo: names and a sample
// module, data like modules/), takes the string literals, template text and markup text, and
// reports those that read as Dutch: a word from the list below that English text does not use.
// Proper names and other allowed strings are listed in ALLOWED with the reason. Usage: `npm run check:dutch` (part of `npm run lint`).
//
// Where the text goes: short interface text in a catalogue section; long static prose (the
// privacy page, the accessibility statement) as Markdown in pages/, compiled by mdsvex like the
// lessons in modules/ (outside src/, so not read here): paragraphs, lists and links stay readable
// and reviewable as one document, where dozens of keys would scatter a legal text. Markup
// attributes that reference rather than say (id, href, for, name, ...), keys passed to
// get/has/set (URL query and form field names) and quoted identifiers in an English sentence are
// not text.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse } from 'svelte/compiler';

const ROOT = 'src';
const SKIP = [
	/^src\/lib\/i18n\//,
	/\.spec\.ts$/,
	/\/spec-support\.ts$/, // set-up shared by the specs of one folder: test data, like testing/
	/^src\/lib\/server\/demo\//,
	/^src\/lib\/server\/testing\//,
	/\.d\.ts$/,
	// A word list that password-guessing attacks try first, in several languages: data, not text.
	/^src\/lib\/server\/accounts\/auth\/common-passwords(-10k)?\.ts$/
];

/** Literal strings that may stay: proper names, and text that is not a sentence. */
const ALLOWED = new Set<string>([
	'Signaalwijs', // the product's name
	'Child Focus', // an organisation's name
	// Stored identifiers; the label a user reads comes from messages.audiences.
	'leerkracht', // stored identifier; label from messages.audiences
	'hulpverlener', // stored identifier; label from messages.audiences
	// The content vocabulary of modules/ (front matter and YAML that trainers write); the label a
	// user reads comes from the catalogue.
	'signaal', // classify answer in modules/ items; label from messages.learn.classify
	// The URL scheme is Dutch by design (/leren, /beheer): path segments and #fragments.
	'voortoets', // the pre-test page /leren/<module>/voortoets and its #voortoets fragment
	'casus', // the #casus fragment of a case step
	'toets' // the #toets fragment of an assessment step, and a step folder name in modules/
]);

/** Markup attributes whose values are references (ids, URLs, field names), never text. */
const CODE_ATTRIBUTES = new Set([
	'id',
	'href',
	'for',
	'name',
	'action',
	'class',
	'aria-labelledby',
	'aria-describedby',
	'aria-controls'
]);

// Words that mark Dutch text and that English interface text does not contain.
const DUTCH = new Set(
	(
		'de het een en van niet je jij jouw jou u uw met voor naar wordt worden zijn is deze dit dat ' +
		'die geen nog ook maar wat wie hoe waar wanneer bij uit over onder tussen tot door om als dan ' +
		'kan kunt moet mag mogen heeft hebt heb wil wilt ben bent ons onze jullie alle alles meer ' +
		'eerst eerste later opnieuw terug verder volgende vorige opslaan bewaar bewaren kies kiezen ' +
		'aanmelden afmelden registreren wachtwoord gebruiker deelnemer deelnemers beheerder organisatie ' +
		'leerkracht hulpverlener module modules stap stappen vraag vragen antwoord antwoorden juist fout ' +
		'verlopen geldig certificaat certificaten opdracht opdrachten uitnodiging uitnodigingen ' +
		'gelukt mislukt probeer nieuw nieuwe oude naam adres datum tijd dagen weken maanden jaar ' +
		'signaal signalen casus situatie keuze keuzes toets voortoets score geslaagd niet-geslaagd ' +
		'bekijk bekijken wijzig wijzigen verwijder verwijderen toevoegen voeg annuleren sluiten ' +
		'zoeken filter filteren alleen geen enkel ja nee hier daar welke waarom omdat zodat ' +
		'graag even eerst pagina gevonden fout foutmelding leeg team teams graad ' +
		'concept gepubliceerd versie versies voorbeeld inhoud les lessen'
	).split(/\s+/)
);
// Words shared with English (or code) that alone prove nothing.
const SHARED = new Set([
	'is',
	'die',
	'over',
	'module',
	'modules',
	'team',
	'teams',
	'score',
	'filter'
]);

function dutchWords(text: string): string[] {
	// A quoted single word in a sentence ('the step name "voortoets" is reserved') names an
	// identifier; it does not make the sentence Dutch.
	const words =
		text
			.replace(/"[\w-]+"/g, ' ')
			.toLowerCase()
			.match(/[a-zà-ÿ-]+/g) ?? [];
	return words.filter((w) => DUTCH.has(w) && !SHARED.has(w));
}

export function readsAsDutch(text: string): boolean {
	const trimmed = text.trim();
	if (trimmed.length < 2 || ALLOWED.has(trimmed)) return false;
	// Paths, identifiers, CSS, SQL and URLs are code, not text.
	if (/^[\w./:#?=&%@$*-]+$/.test(trimmed) && !/\s/.test(trimmed) && !/^[A-Z][a-z]+$/.test(trimmed))
		return dutchWords(trimmed).length > 0 && /^[a-zà-ÿ]+$/i.test(trimmed);
	if (/^(select|insert|update|delete|create|with)\s/i.test(trimmed)) return false;
	return dutchWords(trimmed).length > 0;
}

export interface Finding {
	file: string;
	line: number;
	text: string;
}

function lineOf(source: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
	return line;
}

/** Methods whose first argument is a key (URL query and form field names, map keys): a name, not text. */
const LOOKUPS = new Set(['get', 'getAll', 'has', 'set', 'append', 'delete']);

function isLookupKey(node: ts.Node): boolean {
	const call = node.parent;
	return (
		ts.isStringLiteral(node) &&
		!/\s/.test(node.text) &&
		call !== undefined &&
		ts.isCallExpression(call) &&
		call.arguments[0] === node &&
		ts.isPropertyAccessExpression(call.expression) &&
		LOOKUPS.has(call.expression.name.text)
	);
}

function fromTypeScript(file: string, source: string, base = 0, full = source): Finding[] {
	const found: Finding[] = [];
	const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
	const visit = (node: ts.Node) => {
		if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
		if (isLookupKey(node)) return;
		if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
		let text: string | undefined;
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
		else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
			text = node.text;
		if (text !== undefined && readsAsDutch(text)) {
			found.push({ file, line: lineOf(full, base + node.getStart(sf)), text: text.slice(0, 80) });
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return found;
}

function fromSvelte(file: string, source: string): Finding[] {
	const found: Finding[] = [];
	const ast = parse(source, { modern: true }) as unknown as Record<string, unknown>;
	// Scripts: read with the TypeScript reader so types and comments are handled the same way.
	for (const key of ['instance', 'module']) {
		const script = ast[key] as { content: { start: number; end: number } } | null;
		if (script) {
			const { start, end } = script.content;
			found.push(...fromTypeScript(file, source.slice(start, end), start, source));
		}
	}
	const walk = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(walk);
		const n = node as Record<string, unknown>;
		if (n.type === 'Script' || n.type === 'StyleSheet') return;
		if (n.type === 'Attribute' && CODE_ATTRIBUTES.has(n.name as string)) return;
		if (n.type === 'Text' && typeof n.data === 'string' && readsAsDutch(n.data)) {
			found.push({
				file,
				line: lineOf(source, n.start as number),
				text: n.data.trim().slice(0, 80)
			});
		}
		if (
			(n.type === 'Literal' && typeof n.value === 'string' && readsAsDutch(n.value)) ||
			(n.type === 'TemplateElement' &&
				typeof (n.value as { cooked?: string })?.cooked === 'string' &&
				readsAsDutch((n.value as { cooked: string }).cooked))
		) {
			const text =
				n.type === 'Literal' ? (n.value as string) : (n.value as { cooked: string }).cooked;
			found.push({ file, line: lineOf(source, n.start as number), text: text.slice(0, 80) });
		}
		for (const [k, v] of Object.entries(n)) if (k !== 'parent' && k !== 'metadata') walk(v);
	};
	walk(ast.fragment);
	return found;
}

export function checkFile(file: string): Finding[] {
	const source = fs.readFileSync(file, 'utf8');
	return file.endsWith('.svelte') ? fromSvelte(file, source) : fromTypeScript(file, source);
}

function files(dir: string, out: string[] = []): string[] {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name).split(path.sep).join('/');
		if (entry.isDirectory()) files(full, out);
		else if (/\.(ts|svelte)$/.test(entry.name) && !SKIP.some((re) => re.test(full))) out.push(full);
	}
	return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
	const only = process.argv.slice(2);
	const targets = only.length
		? only.flatMap((p) => (fs.statSync(p).isDirectory() ? files(p) : [p]))
		: files(ROOT);
	const findings = targets.flatMap(checkFile);
	for (const f of findings) console.log(`${f.file}:${f.line}: ${JSON.stringify(f.text)}`);
	if (findings.length) {
		console.error(
			`\n${findings.length} Dutch literal(s) outside the catalogue (src/lib/i18n/nl/).`
		);
		process.exit(1);
	}
	console.log(`check:dutch: ${targets.length} files, no Dutch outside the catalogue`);
}

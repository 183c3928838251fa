// Vite plugin: ship to the browser only the sections of the message catalogue a page uses.
//
// src/lib/i18n/nl.ts is one object literal `export const nl = { app: {...}, learn: {...}, ... }`
// so that all interface text stays in one place. Bundlers neither drop unused properties of an
// object nor split one module over chunks, so every page used to download the whole catalogue
// (9 KB gzip, most of it for staff pages). In the client build this plugin turns each top-level
// section into a module of its own (a virtual module `\0catalogue-section:<name>`) and makes `nl`
// the namespace object of the rewritten nl.ts. `messages.learn.next` then reads a namespace
// member, which Rolldown resolves statically, and each section lands in the chunk of the pages
// that read it. The server build and the unit tests keep the plain object; both shapes hold the
// same sections with the same values (scripts/vite-catalogue-sections.spec.ts checks this and
// the splitting). A file whose shape is not recognised is left alone with a warning: the build
// stays correct, only larger.
import ts from 'typescript';
import type { Plugin } from 'vite';

const catalogue = /\/src\/lib\/i18n\/nl\.ts$/;
const prefix = '\0catalogue-section:';

export interface SplitCatalogue {
	/** The rewritten nl.ts: one re-export per section and `nl` as the module's namespace. */
	index: string;
	/** Each section as a JavaScript module with a default export. */
	sections: Map<string, string>;
}

/**
 * Splits `export const nl = { ... } [as const];` into modules, or returns null when the file has
 * any other shape (other statements, spreads, computed keys, methods).
 */
export function splitCatalogue(source: string, selfPath: string): SplitCatalogue | null {
	const file = ts.createSourceFile('nl.ts', source, ts.ScriptTarget.Latest, true);
	if (file.statements.length !== 1) return null;
	const [statement] = file.statements;
	if (!ts.isVariableStatement(statement)) return null;
	const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
	const [declaration] = statement.declarationList.declarations;
	if (!exported || !declaration || declaration.name.getText() !== 'nl') return null;
	let init = declaration.initializer;
	if (init && ts.isAsExpression(init) && init.type.getText() === 'const') init = init.expression;
	if (!init || !ts.isObjectLiteralExpression(init)) return null;
	const sections = new Map<string, string>();
	for (const property of init.properties) {
		if (!ts.isPropertyAssignment(property)) return null;
		const key = property.name;
		if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) return null;
		if (!/^[A-Za-z_$][\w$]*$/.test(key.text) || sections.has(key.text)) return null;
		const module = ts.transpileModule(
			`const section = ${property.initializer.getText()};\nexport default section;\n`,
			{ compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }
		);
		sections.set(key.text, module.outputText);
	}
	const index = [
		`import * as __catalogue from ${JSON.stringify(selfPath)};`,
		...[...sections.keys()].map(
			(name) => `export { default as ${name} } from ${JSON.stringify(prefix + name)};`
		),
		'export { __catalogue as nl };'
	].join('\n');
	return { index, sections };
}

export function catalogueSections(): Plugin {
	let split: SplitCatalogue | null = null;
	return {
		name: 'signaalwijs:catalogue-sections',
		enforce: 'pre',
		resolveId(id) {
			return id.startsWith(prefix) ? id : null;
		},
		load(id) {
			if (!id.startsWith(prefix)) return null;
			const section = split?.sections.get(id.slice(prefix.length));
			if (section === undefined) throw new Error(`unknown catalogue section ${id}`);
			return section;
		},
		transform(code, id, options) {
			if (options?.ssr || !catalogue.test(id.split('?')[0])) return null;
			split = splitCatalogue(code, './nl.ts');
			if (!split) this.warn('nl.ts has an unexpected shape: the whole catalogue is shipped');
			return split?.index ?? null;
		}
	};
}

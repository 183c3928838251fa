import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, readsAsDutch } from './check-dutch-literals';

describe('the Dutch-literal check', () => {
	it('recognises Dutch interface text and leaves code and names alone', () => {
		expect(readsAsDutch('Kies eerst een antwoord')).toBe(true);
		expect(readsAsDutch('Opslaan')).toBe(true);
		expect(readsAsDutch('Niet gevonden')).toBe(true);
		expect(readsAsDutch('Signaalwijs')).toBe(false);
		expect(readsAsDutch('select id from user where email = ?')).toBe(false);
		expect(readsAsDutch('learning.answerEmpty')).toBe(false);
		expect(readsAsDutch('Cannot open the database')).toBe(false);
		expect(readsAsDutch('the step name "voortoets" is reserved; rename the folder')).toBe(false);
		expect(readsAsDutch('Kies een "casus" uit de lijst')).toBe(true);
	});

	it('finds Dutch in a component’s markup, attributes and script, not in comments', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dutch-'));
		const file = path.join(dir, 'Demo.svelte');
		fs.writeFileSync(
			file,
			`<script lang="ts">\n\t// Dit is een opmerking.\n\tconst label: string = 'Bewaar je antwoord';\n</script>\n\n<h1>Welkom terug</h1>\n<button aria-label="Sluiten">{label}</button>\n`
		);
		const texts = checkFile(file).map((f) => `${f.line}:${f.text}`);
		expect(texts).toEqual(['3:Bewaar je antwoord', '6:Welkom terug', '7:Sluiten']);
	});

	it('leaves query and form keys alone but reads the text around them', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dutch-'));
		const file = path.join(dir, 'keys.ts');
		fs.writeFileSync(
			file,
			`const from = url.searchParams.get('van');\nconst label = format('van', 'Vul de datum in');\n`
		);
		expect(checkFile(file).map((f) => `${f.line}:${f.text}`)).toEqual([
			'2:van',
			'2:Vul de datum in'
		]);
	});

	it('leaves ids, links and field names alone but still reads labels', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dutch-'));
		const file = path.join(dir, 'Ids.svelte');
		fs.writeFileSync(
			file,
			`<section id="inhoud" aria-labelledby="voor-wie">\n\t<a href="/wachtwoord">x</a>\n\t<input name="naam" aria-label="Je naam" />\n</section>\n`
		);
		expect(checkFile(file).map((f) => `${f.line}:${f.text}`)).toEqual(['3:Je naam']);
	});
});

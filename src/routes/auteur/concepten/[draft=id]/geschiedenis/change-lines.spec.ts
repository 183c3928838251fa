import { describe, expect, it } from 'vitest';
import { changeLine, storedChangeLine } from './change-lines';

const none = { added: 0, removed: 0, changed: 0 };

describe('version history lines', () => {
	it('names a first version and the module it was based on', () => {
		expect(changeLine({ kind: 'first' })).toBe('Eerste versie.');
		expect(changeLine({ kind: 'first', basedOn: { title: 'Tienerpooiers', version: 3 } })).toBe(
			'Eerste versie, gebaseerd op "Tienerpooiers" (versie 3).'
		);
	});

	it('counts what changed in a step, in singular and plural', () => {
		expect(
			changeLine({
				kind: 'stepChanged',
				title: 'De casus van Lisa',
				parts: [
					{ kind: 'title', was: 'Lisa' },
					{
						kind: 'vignette',
						nodes: { ...none, changed: 1 },
						endings: { ...none, added: 2 },
						start: true
					},
					{ kind: 'assessment', pool: { ...none, removed: 1 }, draw: { from: 4, to: 3 } }
				]
			})
		).toBe(
			'Stap "De casus van Lisa": nieuwe titel (was "Lisa"); casus: 1 situatie gewijzigd, 2 eindes toegevoegd, ander begin; eindtoets: 1 vraag verwijderd, trekking 4 → 3 vragen.'
		);
		expect(
			changeLine({ kind: 'stepChanged', title: 'Quiz', parts: [{ kind: 'quiz', items: none }] })
		).toBe('Stap "Quiz": oefenvragen: gewijzigd.');
	});

	it('labels settings and keeps stored Dutch lines of older versions as they are', () => {
		expect(changeLine({ kind: 'meta', field: 'certificate' })).toBe(
			'Geldigheid van het attest gewijzigd.'
		);
		expect(changeLine({ kind: 'none' })).toBe('Geen inhoudelijke wijzigingen.');
		expect(storedChangeLine('Titel gewijzigd.')).toBe('Titel gewijzigd.');
	});
});

import { describe, expect, it } from 'vitest';
import { vignetteSchema } from './schema';

const choices = (next: string) => [
	{ label: 'Praten', feedback: 'Goed.', score: 2, next },
	{ label: 'Wachten', feedback: 'Jammer.', score: 0, next: 'e2' }
];
const base = {
	start: 'n1',
	nodes: {
		n1: { text: 'Een.', choices: choices('n2') },
		n2: { text: 'Twee.', choices: choices('n3') },
		n3: { text: 'Drie.', choices: choices('e1') }
	},
	endings: { e1: { title: 'Goed', summary: 'Ja.' }, e2: { title: 'Minder', summary: 'Nee.' } }
};

describe('case header and messages in vignette.yaml', () => {
	it('accepts a header and a short exchange of messages, and keeps them', () => {
		const v = vignetteSchema.parse({
			header: { name: 'Robbe', age: 15, setting: 'School', narrator: 'Jij' },
			...base,
			nodes: {
				...base.nodes,
				n1: { ...base.nodes.n1, messages: [{ sender: 'Robbe', time: '22:49', text: 'Hoi' }] }
			}
		});
		expect(v.header?.name).toBe('Robbe');
		expect(v.nodes.n1.messages).toEqual([{ sender: 'Robbe', time: '22:49', text: 'Hoi' }]);
	});

	it('points at the message that lacks a time or has an unknown field', () => {
		const r = vignetteSchema.safeParse({
			...base,
			nodes: {
				...base.nodes,
				n2: {
					...base.nodes.n2,
					messages: [
						{ sender: 'Robbe', text: 'Hoi' },
						{ sender: 'X', time: '1', text: 'Y', photo: 'a.png' }
					]
				}
			}
		});
		expect(r.success).toBe(false);
		const paths = r.error!.issues.map((i) => i.path.join('.'));
		expect(paths).toContain('nodes.n2.messages.0.time');
		expect(paths).toContain('nodes.n2.messages.1');
	});

	it('needs a name in a header', () => {
		const r = vignetteSchema.safeParse({ header: { age: 15 }, ...base });
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('header.name');
	});
});

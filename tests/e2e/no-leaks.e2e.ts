import fs from 'node:fs';
import path from 'node:path';
import { expect, signedInLearner, test } from './fixtures';
import { course } from './course';
import { fingerprints, itemSecrets, vignetteSecrets } from './secrets';

function files(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? files(full) : [full];
	});
}

const allSecrets = fingerprints(
	course.modules.flatMap((m) =>
		m.steps.flatMap((s) => [
			...(s.quiz?.items.flatMap(itemSecrets) ?? []),
			...(s.assessment?.pool.flatMap(itemSecrets) ?? []),
			...(s.vignette ? vignetteSecrets(s.vignette) : [])
		])
	)
);

test('no client bundle holds feedback, correct flags or scores of any item', () => {
	expect(allSecrets.length).toBeGreaterThan(100);
	const bundle = files('build/client')
		.filter((f) => /\.(js|json|html)$/.test(f))
		.map((f) => fs.readFileSync(f, 'utf8'))
		.join('\n');
	expect(bundle.length).toBeGreaterThan(10_000);
	const leaked = allSecrets.filter((s) =>
		bundle.includes(s.replace(/&amp;/g, '&').replace(/&quot;/g, '"'))
	);
	expect(leaked).toEqual([]);
});

test('before answering, no step page or its __data.json holds feedback of its items', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signedInLearner(page, {
		name: 'Nieuwsgierige Leerkracht',
		emailPrefix: 'lek',
		password: 'een lange zin om te testen'
	});
	let checked = 0;
	for (const mod of course.modules) {
		for (const step of mod.steps) {
			const secrets = fingerprints([
				...(step.quiz?.items.flatMap(itemSecrets) ?? []),
				...(step.assessment?.pool.flatMap(itemSecrets) ?? []),
				...(step.vignette ? vignetteSecrets(step.vignette) : [])
			]);
			if (secrets.length === 0) continue;
			const url = `/leren/${mod.slug}/${step.slug}`;
			for (const target of [url, `${url}/__data.json`]) {
				const response = await page.request.get(target);
				expect(response.status(), target).toBe(200);
				const body = await response.text();
				const raw = target.endsWith('.json') ? body : body;
				for (const secret of secrets) {
					const plain = secret
						.replace(/&amp;/g, '&')
						.replace(/&quot;/g, '"')
						.replace(/&lt;/g, '<');
					expect(raw.includes(secret) || raw.includes(plain), `${target}: ${plain}`).toBe(false);
				}
				expect(raw).not.toMatch(/"correct"|\bcorrect:true/);
				checked += 1;
			}
		}
	}
	expect(checked).toBeGreaterThanOrEqual(40);
});

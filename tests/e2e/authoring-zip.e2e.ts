// Export and import of a module as a zip: a trainer downloads a shipped module, imports it back
// as a new draft, and a hostile archive is refused with a Dutch message beside the field.
import Database from 'better-sqlite3';
import { readZip, writeZip } from '../../src/lib/server/authoring/bundle/zip';
import { demo, expect, expectAccessible, signIn, test } from './fixtures';

function shippedVersionId(database: string, slug: string): number {
	const db = new Database(database, { readonly: true });
	try {
		const row = db
			.prepare(
				"select id from module_version where module_slug = ? and source = 'shipped' order by version desc limit 1"
			)
			.get(slug) as { id: number };
		return row.id;
	} finally {
		db.close();
	}
}

const limits = { maxEntries: 400, maxFileBytes: 256 * 1024, maxTotalBytes: 2 * 1024 * 1024 };

test('a trainer exports a shipped module, imports it as a draft and is told why a bad archive is refused', async ({
	page,
	e2eServer
}) => {
	await signIn(page, demo.trainer);

	// Export: a zip attachment with a safe file name, in the modules/ layout.
	const exported = await page.request.get(
		`/auteur/versies/${shippedVersionId(e2eServer.database, 'handelen')}/export.zip`
	);
	expect(exported.status()).toBe(200);
	expect(exported.headers()['content-type']).toBe('application/zip');
	expect(exported.headers()['content-disposition']).toBe('attachment; filename="04-handelen.zip"');
	const archive = await exported.body();
	const files = readZip(archive, limits);
	expect(files.ok && files.files.map((f) => f.name)).toContain('04-handelen/index.md');

	// The import page, reached from the authoring home.
	await page.goto('/auteur');
	await page.getByRole('link', { name: 'Module importeren' }).click();
	await expect(page).toHaveURL(/\/auteur\/importeren$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Module importeren');
	await expectAccessible(page);

	// Submitting without a file.
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.locator('#veld-archief-fout')).toHaveText(
		'Kies een zip-bestand om te importeren.'
	);
	await expectAccessible(page);

	// A hostile archive: the module plus an entry that climbs out of the folder.
	if (!files.ok) throw new Error('export unreadable');
	const hostile = writeZip([
		...files.files,
		{ name: '../../etc/cron.d/signaalwijs', data: new TextEncoder().encode('* * * * * root id') }
	]);
	await page.getByLabel('Zip-archief').setInputFiles({
		name: 'module.zip',
		mimeType: 'application/zip',
		buffer: Buffer.from(hostile)
	});
	await page.getByRole('button', { name: 'Importeren' }).click();
	const message =
		'../../etc/cron.d/signaalwijs: het pad bevat "..". Zo\'n pad kan buiten de module wijzen; dat weigeren we.';
	await expect(page.getByRole('alert')).toContainText('Het archief kon niet worden geïmporteerd.');
	await expect(page.getByRole('alert')).toContainText(message);
	await expect(page.locator('#veld-archief-fout')).toHaveText(message);
	await expect(page.getByLabel('Zip-archief')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	// Not a zip at all.
	await page.getByLabel('Zip-archief').setInputFiles({
		name: 'foto.zip',
		mimeType: 'application/zip',
		buffer: Buffer.from('<html><script>alert(1)</script></html>')
	});
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.locator('#veld-archief-fout')).toContainText(
		'Dit bestand is geen zip-archief.'
	);
	await expectAccessible(page);

	// Over the upload limit: refused in the browser before it is sent.
	await page.getByLabel('Zip-archief').setInputFiles({
		name: 'groot.zip',
		mimeType: 'application/zip',
		buffer: Buffer.alloc(450 * 1024, 1)
	});
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.locator('#veld-archief-fout')).toHaveText(
		'Het bestand is groter dan 400 KB. Een module-archief is meestal veel kleiner; controleer of je het juiste bestand koos.'
	);
	await expectAccessible(page);

	// The exported archive itself imports as a new draft, which opens in the editor.
	await page
		.getByLabel('Zip-archief')
		.setInputFiles({ name: '04-handelen.zip', mimeType: 'application/zip', buffer: archive });
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page).toHaveURL(/\/auteur\/concepten\/\d+$/);
	const draftId = /concepten\/(\d+)$/.exec(page.url())![1];

	// The new draft exports again: the same module under its own free slug, texts as Markdown.
	const again = await page.request.get(`/auteur/concepten/${draftId}/export.zip`);
	expect(again.status()).toBe(200);
	expect(again.headers()['content-disposition']).toMatch(
		/^attachment; filename="01-handelen-kopie(-\d+)?\.zip"$/
	);
	const draftFiles = readZip(await again.body(), limits);
	if (!draftFiles.ok) throw new Error('draft export unreadable');
	// Shipped lesson components became Markdown; every step is still there.
	const texts = draftFiles.files.filter((f) => f.name.endsWith('/index.md'));
	expect(texts).toHaveLength(files.files.filter((f) => f.name.endsWith('/index.md')).length);
	for (const text of texts) {
		expect(new TextDecoder().decode(text.data)).not.toMatch(/<script|<Callout|<HelpLine/);
	}
	expect(files.files.some((f) => /<Callout|<HelpLine/.test(new TextDecoder().decode(f.data)))).toBe(
		true
	);
});

test('a learner cannot open the import page or export a module', async ({ page, e2eServer }) => {
	await signIn(page, demo.teacher);
	const response = await page.goto('/auteur/importeren');
	expect(response?.status()).toBe(403);
	await expectAccessible(page);
	const exported = await page.request.get(
		`/auteur/versies/${shippedVersionId(e2eServer.database, 'handelen')}/export.zip`,
		{ maxRedirects: 0 }
	);
	expect(exported.status()).toBe(403);
});

// Demo data for trainer authoring, made with the real authoring and progress functions: Tom
// Verbeke (Sint-Jansschool) has one draft that was never published and one organisation module
// with two versions. Pieter De Smet started version 1 and keeps it; Anouk Vermeulen started
// version 2 after Tom changed a vignette node.
import { eq } from 'drizzle-orm';
import { db, first } from '../db';
import { organisation, user } from '../db/schema';
import { latestVersionId } from '../content/versions';
import type { Author } from '../authoring/access';
import {
	draftContent,
	duplicateAsDraft,
	getDraft,
	saveDraft,
	type DraftContent
} from '../authoring/drafts';
import { publishDraft } from '../authoring/publish';
import { demoAccounts } from './seed';
import { workThrough } from './walkthrough';

export const demoOrganisationModule = {
	slug: 'signalen-op-sint-jans',
	title: 'Signalen herkennen op Sint-Jans',
	/** Text added to the module introduction (version 1 and later). */
	introNote: 'Op Sint-Jans is de zorgcoördinator je eerste aanspreekpunt',
	/** The start node of the first vignette in version 2. */
	changedNode:
		'Op maandagochtend merk je dat Lina (15) opnieuw te laat is. Ze ziet er moe uit en heeft een nieuwe, dure gsm. In de pauze staat ze alleen aan de poort en kijkt ze telkens naar een auto aan de overkant.'
} as const;

export const demoDraftTitle = 'Handelen op Sint-Jans (concept)';

const day = 24 * 3600 * 1000;

async function userId(email: string): Promise<number | undefined> {
	return (await first(db.select({ id: user.id }).from(user).where(eq(user.email, email))))?.id;
}

async function save(
	author: Author,
	draftId: number,
	change: (content: DraftContent) => void
): Promise<void> {
	const draft = await getDraft(author, draftId);
	const content = structuredClone(draftContent(draft));
	change(content);
	await saveDraft(author, draftId, content, draft.revision);
}

export async function seedDemoAuthoring(now = Date.now()): Promise<void> {
	const school = (
		await first(
			db
				.select({ id: organisation.id })
				.from(organisation)
				.where(eq(organisation.name, 'Sint-Jansschool (demo)'))
		)
	)?.id;
	const tom = await userId(demoAccounts.trainer);
	if (!school || !tom) return;
	const author: Author = { id: tom, memberships: [{ organisationId: school, role: 'trainer' }] };

	// The organisation module: a copy of module 2 with the school's own contact person.
	const copy = await duplicateAsDraft(
		author,
		school,
		(await latestVersionId('signalen-op-school'))!
	);
	await save(author, copy.id, (content) => {
		content.slug = demoOrganisationModule.slug;
		content.meta.title = demoOrganisationModule.title;
		content.markdown = `${demoOrganisationModule.introNote}: zij luistert, denkt mee en beslist samen met jou over de volgende stap. Je vindt haar in lokaal A014 of via Smartschool.\n\n${content.markdown ?? ''}`;
	});
	const v1 = await publishDraft(author, copy.id);
	if (!v1.ok) throw new Error('demo: the organisation module did not publish');

	const school1 = await userId('pieter.de.smet@sint-jans.demo.signaalwijs.be');
	const school2 = await userId('anouk.vermeulen@sint-jans.demo.signaalwijs.be');
	if (school1) await workThrough(school1, demoOrganisationModule.slug, 2, now - 6 * day, 3);

	// Version 2: a changed vignette node. Pieter keeps version 1; Anouk starts version 2.
	await save(author, copy.id, (content) => {
		const vignette = content.steps.find((s) => s.vignette)?.vignette;
		if (vignette) vignette.nodes[vignette.start].text = demoOrganisationModule.changedNode;
	});
	const v2 = await publishDraft(author, copy.id);
	if (!v2.ok) throw new Error('demo: version 2 did not publish');
	if (school2) await workThrough(school2, demoOrganisationModule.slug, 4, now - day, 4);

	// A draft that was never published.
	const draft = await duplicateAsDraft(author, school, (await latestVersionId('handelen'))!);
	await save(author, draft.id, (content) => {
		content.meta.title = demoDraftTitle;
	});
}

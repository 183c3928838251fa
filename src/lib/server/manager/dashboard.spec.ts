import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ModuleMeta } from '$lib/content/schema';
import { db } from '../db';
import { enrolment, moduleVersion, organisation, stepProgress } from '../db/schema';
import { getCourse } from '../content/course';
import { organisationIdsOf, versionsSeenBy } from '../content/versions';
import { publishedAuthoredModules } from '../authoring/published';
import { resumeStep } from '../learning/enrolment';
import { addMembership } from '../organisations/organisations';
import {
	freshDatabase,
	makeEnrolment,
	makeLearner,
	makeMastery,
	makeOrganisation,
	syncCourse
} from '../testing/testing';
import { learnerDashboard, signalMap } from './dashboard';
import { signalMapOf } from '$lib/content/signal-map';

const day = 24 * 3600 * 1000;
let org: number;

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	org = await makeOrganisation('School A');
});

describe('learnerDashboard', () => {
	it('suggests modules for the learner’s profession only, never the refresher', async () => {
		const teacher = await makeLearner({ organisation: org, audience: 'leerkracht' });
		const slugs = (await learnerDashboard(teacher.id, 'leerkracht')).suggested.map((m) => m.slug);
		expect(slugs).toContain('signalen-op-school');
		expect(slugs).not.toContain('signalen-in-de-hulpverlening');
		expect(slugs).not.toContain('opfrissing');
	});

	it('shows the newest work first and moves finished modules out of the suggestions', async () => {
		const u = await makeLearner({ organisation: org });
		await makeEnrolment({
			user: u.id,
			module: 'wat-en-hoe',
			updatedAt: new Date(Date.now() - 3 * day)
		});
		await makeEnrolment({ user: u.id, module: 'handelen', updatedAt: new Date(Date.now() - day) });
		await makeEnrolment({
			user: u.id,
			module: 'signalen-op-school',
			completedAt: new Date(Date.now() - 2 * day)
		});
		const dashboard = await learnerDashboard(u.id, 'leerkracht');
		expect(dashboard.inProgress.map((m) => m.slug)).toEqual(['handelen', 'wat-en-hoe']);
		expect(dashboard.completed.map((m) => m.slug)).toEqual(['signalen-op-school']);
		const suggested = dashboard.suggested.map((m) => m.slug);
		for (const slug of ['handelen', 'wat-en-hoe', 'signalen-op-school']) {
			expect(suggested).not.toContain(slug);
		}
		// "Verder gaan" leads into the module, to one of its steps.
		const steps = getCourse()
			.moduleBySlug.get('handelen')!
			.steps.map((s) => s.slug);
		expect(steps).toContain(dashboard.inProgress[0].resumeStep);
	});

	it('lists completed modules in the order of their versions', async () => {
		const u = await makeLearner({ organisation: org });
		const slugs = getCourse().modules.map((m) => m.slug);
		const versionOf = new Map(
			(await db.select().from(moduleVersion)).map((v) => [v.moduleSlug, v.id])
		);
		const [first, second, third] = slugs
			.filter((slug) => versionOf.has(slug))
			.sort((a, b) => versionOf.get(a)! - versionOf.get(b)!);
		// Completed in another order than their versions were registered in.
		for (const [i, slug] of [third, first, second].entries())
			await makeEnrolment({
				user: u.id,
				module: slug,
				completedAt: new Date(Date.now() - i * day)
			});
		expect((await learnerDashboard(u.id, null)).completed.map((m) => m.slug)).toEqual([
			first,
			second,
			third
		]);
	});

	it('suggests only the candidate modules that have a version', async () => {
		const u = await makeLearner({ organisation: org, audience: 'leerkracht' });
		const before = (await learnerDashboard(u.id, 'leerkracht')).suggested.map((m) => m.slug);
		expect(before).toEqual(expect.arrayContaining(['wat-en-hoe', 'handelen']));
		// A module whose files are there but that was never registered as a version.
		await db.delete(moduleVersion).where(eq(moduleVersion.moduleSlug, 'handelen'));
		const after = (await learnerDashboard(u.id, 'leerkracht')).suggested.map((m) => m.slug);
		expect(after).toEqual(before.filter((slug) => slug !== 'handelen'));
	});

	it('resumes each module in progress at its first step not done, from the current step on', async () => {
		const u = await makeLearner({ organisation: org });
		const steps = (slug: string) =>
			getCourse()
				.moduleBySlug.get(slug)!
				.steps.map((s) => s.slug);
		const a = await makeEnrolment({ user: u.id, module: 'wat-en-hoe', updatedAt: new Date() });
		const b = await makeEnrolment({
			user: u.id,
			module: 'handelen',
			updatedAt: new Date(Date.now() - day)
		});
		const c = await makeEnrolment({
			user: u.id,
			module: 'signalen-op-school',
			updatedAt: new Date(Date.now() - 2 * day)
		});
		const done = async (id: number, slugs: string[], status: 'done' | 'started' = 'done') => {
			for (const stepSlug of slugs)
				await db
					.insert(stepProgress)
					.values({ enrolmentId: id, stepSlug, status, updatedAt: new Date() });
		};
		// wat-en-hoe: the first two steps done, the third only started.
		await done(a, steps('wat-en-hoe').slice(0, 2));
		await done(a, [steps('wat-en-hoe')[2]], 'started');
		// handelen: at its last step, done, as is the first: the first not done from the start.
		const last = steps('handelen').at(-1)!;
		await done(b, [steps('handelen')[0], last]);
		await db.update(enrolment).set({ currentStep: last }).where(eq(enrolment.id, b));
		// signalen-op-school: nothing done yet.
		const dashboard = await learnerDashboard(u.id, 'leerkracht');
		expect(dashboard.inProgress.map((m) => [m.slug, m.resumeStep])).toEqual([
			['wat-en-hoe', steps('wat-en-hoe')[2]],
			['handelen', steps('handelen')[1]],
			['signalen-op-school', steps('signalen-op-school')[0]]
		]);
		// The same step as the step pages' own `resumeStep` gives.
		for (const id of [a, b, c]) {
			const e = (await db.select().from(enrolment).where(eq(enrolment.id, id)))[0];
			const card = dashboard.inProgress.find((m) => m.slug === e.moduleSlug)!;
			expect(card.resumeStep).toBe(await resumeStep(e));
		}
	});

	it('suggests the newest published version of the authored modules a learner may see', async () => {
		const other = await makeOrganisation('School B');
		const archived = await makeOrganisation('School C');
		const u = await makeLearner({ organisation: org, audience: 'leerkracht' });
		await addMembership({
			userId: u.id,
			organisationId: archived,
			role: 'learner',
			audience: 'leerkracht'
		});
		await db
			.update(organisation)
			.set({ archivedAt: new Date() })
			.where(eq(organisation.id, archived));
		const meta = getCourse().modules[0].meta;
		let hash = 0;
		const publish = async (
			slug: string,
			version: number,
			organisationId: number | null,
			title: string,
			changes: Partial<ModuleMeta> = {}
		) =>
			await db.insert(moduleVersion).values({
				moduleSlug: slug,
				version,
				source: 'authored',
				contentHash: `hash-${++hash}`,
				title,
				organisationId,
				content: { slug, meta: { ...meta, title, refreshes: [], ...changes }, steps: [] }
			});
		await publish('eigen-module', 1, org, 'Zorg op school');
		await publish('platform-module', 1, null, 'Algemene module');
		await publish('andere-school', 1, other, 'Module van school B');
		await publish('gearchiveerd', 1, archived, 'Bewaarde module');
		await publish('hulpverlening', 1, org, 'Voor de hulpverlening', { audience: 'hulpverlener' });
		// Moved: the newest version belongs to another organisation, an older one to the learner's.
		await publish('verhuisd', 1, org, 'Verhuisde module');
		await publish('verhuisd', 2, other, 'Verhuisde module');
		// Newer version, new title: the newest counts.
		await publish('vernieuwd', 1, org, 'Oude titel');
		await publish('vernieuwd', 2, org, 'Nieuwe titel');
		await publish('gestart', 1, null, 'Al gestart');
		const started = await makeEnrolment({ user: u.id, module: 'gestart' });
		expect(started).toBeGreaterThan(0);

		const suggested = (await learnerDashboard(u.id, 'leerkracht')).suggested;
		const shipped = new Set(getCourse().modules.map((m) => m.slug));
		const authored = suggested.filter((m) => !shipped.has(m.slug));
		// After the course, by title; the archived organisation's module is still offered (as
		// organisationIdsOf counts archived organisations).
		expect(authored.map((m) => [m.slug, m.title])).toEqual([
			['platform-module', 'Algemene module'],
			['gearchiveerd', 'Bewaarde module'],
			['vernieuwd', 'Nieuwe titel'],
			['eigen-module', 'Zorg op school']
		]);
		expect(suggested.slice(-authored.length)).toEqual(authored);
		// The same modules as the authoring domain's list for the learner's organisations.
		const published = (await publishedAuthoredModules(await organisationIdsOf(u.id)))
			.filter((m) => m.slug !== 'gestart' && m.meta.audience !== 'hulpverlener')
			.map((m) => m.slug);
		expect(authored.map((m) => m.slug)).toEqual(published);
		// A learner of another organisation sees that one's module, not this one's.
		const b = await makeLearner({ organisation: other, audience: 'leerkracht' });
		const theirs = (await learnerDashboard(b.id, 'leerkracht')).suggested
			.map((m) => m.slug)
			.filter((slug) => !shipped.has(slug));
		expect(theirs).toEqual(['gestart', 'platform-module', 'andere-school', 'verhuisd']);
		expect(
			(await versionsSeenBy(b.id)).filter((v) => v.visible && v.organisationId === org)
		).toEqual([]);
	});
});

describe('signal map', () => {
	it('sends the learner’s own records and the course’s signals, and the page lists them all', async () => {
		const u = await makeLearner({ organisation: org });
		const other = await makeLearner({ organisation: org });
		const signal = getCourse().signals[0];
		await makeMastery(u.id, signal.id, 3, 3);
		await makeMastery(other.id, signal.id, 4, 0);
		const data = await signalMap(u.id);
		expect(data.counts).toBe(`${signal.id}:3:3`);
		expect(data.signals).toBe(getCourse().signals);
		const all = signalMapOf(data.signals, data.counts).flatMap((c) => c.signals);
		expect(all).toHaveLength(getCourse().signals.length);
		expect(all.find((s) => s.id === signal.id)).toMatchObject({
			seen: 3,
			correct: 3,
			level: 'strong'
		});
		expect(all.filter((s) => s.id !== signal.id).every((s) => s.level === 'unseen')).toBe(true);
	});
});

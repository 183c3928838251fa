import { isHttpError } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { messages } from '$lib/i18n';
import { describeFailure } from '../platform/failure';
import { sqlFirst } from '../db';
import { freshDatabase, makeMember, makeOrganisation, syncCourse } from '../testing/testing';
import { latestVersionId } from '../content/versions';
import type { Author } from './access';
import { draftContent, duplicateAsDraft, getDraft, saveDraft, type DraftContent } from './drafts';
import { publishDraft } from './publish';
import { correctAnswer } from '../learning/grading';
import * as assignments from '../manager/assignments';
import * as dashboard from '../manager/dashboard';
import * as pages from '../learning/learner-pages';
import * as preview from './preview';
import * as reports from '../manager';
import { statisticsModules } from './statistics/statistics';
import { dashboardCertificates } from '../certificates/views';
import { workThrough } from '../demo/walkthrough';

let orgA: number;
let orgB: number;
let trainerA: Author;
let learnerA: number;
let learnerB: number;
let managerA: number;

const asAuthor = (id: number, organisationId: number): Author => ({
	id,
	memberships: [{ organisationId, role: 'trainer' }]
});

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	orgA = await makeOrganisation('School A');
	orgB = await makeOrganisation('School B');
	trainerA = asAuthor((await makeMember({ organisation: orgA, role: 'trainer' })).id, orgA);
	learnerA = (await makeMember({ organisation: orgA })).id;
	learnerB = (await makeMember({ organisation: orgB })).id;
	managerA = (await makeMember({ organisation: orgA, role: 'manager' })).id;
});

/** A published organisation module of school A whose texts say something a learner can find. */
async function publishOrganisationModule(): Promise<{ slug: string; draftId: number }> {
	const draft = await duplicateAsDraft(
		trainerA,
		orgA,
		(await latestVersionId('signalen-op-school'))!
	);
	await edit(draft.id, (c) => {
		c.meta.title = 'Signalen op school A';
		c.markdown = 'Welkom op **school A**.\n\n<script>alert(1)</script>';
		c.steps[0].markdown = 'Eerste les van *school A*.';
	});
	const result = await publishDraft(trainerA, draft.id);
	expect(result.ok).toBe(true);
	return { slug: draft.moduleSlug, draftId: draft.id };
}

async function edit(draftId: number, change: (content: DraftContent) => void) {
	const draft = await getDraft(trainerA, draftId);
	const content = structuredClone(draftContent(draft));
	change(content);
	await saveDraft(trainerA, draftId, content, draft.revision);
}

async function statusOf(fn: () => unknown): Promise<number | 'ok'> {
	try {
		await fn();
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('learners and authored modules', () => {
	it('shows an organisation module to its own learners only, with sanitised Markdown', async () => {
		const { slug } = await publishOrganisationModule();
		const suggestedA = (await dashboard.learnerDashboard(learnerA, 'leerkracht')).suggested;
		expect(suggestedA.map((m) => m.slug)).toContain(slug);
		expect(
			(await dashboard.learnerDashboard(learnerB, 'leerkracht')).suggested.map((m) => m.slug)
		).not.toContain(slug);

		const page = await pages.modulePage(learnerA, slug);
		expect(page.module.title).toBe('Signalen op school A');
		expect(page.introHtml).toContain('<strong>school A</strong>');
		expect(page.introHtml).not.toContain('<script');
		const step = await pages.stepPage(learnerA, slug, page.steps[0].slug);
		expect(step.html).toContain('<em>school A</em>');
		expect(step.indexPath).toBeNull();

		expect(await statusOf(async () => await pages.modulePage(learnerB, slug))).toBe(404);
		expect(
			await statusOf(async () => await pages.stepPage(learnerB, slug, page.steps[0].slug))
		).toBe(404);
	});

	it('lets a learner complete an authored module, earn a certificate and see it as completed', async () => {
		const { slug } = await publishOrganisationModule();
		await workThrough(learnerA, slug);
		const overview = await dashboard.learnerDashboard(learnerA, 'leerkracht');
		expect(overview.completed.map((m) => m.slug)).toContain(slug);
		expect(overview.suggested.map((m) => m.slug)).not.toContain(slug);
		const certificate = (await dashboardCertificates(learnerA)).find((c) => c.moduleSlug === slug);
		expect(certificate?.moduleTitle).toBe('Signalen op school A');
	});

	it('keeps a learner on the version they started while new learners get the newest', async () => {
		const { slug, draftId } = await publishOrganisationModule();
		await workThrough(learnerA, slug, 1);
		await edit(draftId, (c) => {
			c.meta.title = 'Signalen op school A, versie 2';
		});
		expect((await publishDraft(trainerA, draftId)).ok).toBe(true);
		const second = (await makeMember({ organisation: orgA })).id;
		expect((await pages.modulePage(learnerA, slug)).module.title).toBe('Signalen op school A');
		expect((await pages.modulePage(second, slug)).module.title).toBe(
			'Signalen op school A, versie 2'
		);
	});
});

describe('managers and trainers see their own organisation modules only', () => {
	it('lists the module in manager A reports and never in manager B reports', async () => {
		const { slug } = await publishOrganisationModule();
		await workThrough(learnerA, slug, 2);
		expect((await reports.reportModules(orgA)).map((m) => m.slug)).toContain(slug);
		expect((await reports.reportModules(orgB)).map((m) => m.slug)).not.toContain(slug);

		const query = await reports.parseLearnerQuery(new URLSearchParams({ module: slug }), orgA);
		expect(query.module).toBe(slug);
		const rows = (await reports.listLearners(orgA, query)).rows;
		expect(rows.find((r) => r.id === learnerA)?.statuses[slug]?.kind).toBe('in_progress');
		expect(
			(await reports.parseLearnerQuery(new URLSearchParams({ module: slug }), orgB)).module
		).toBe(null);
		expect(
			(await reports.listLearners(orgB, reports.defaultQuery)).rows.every(
				(r) => !(slug in r.statuses)
			)
		).toBe(true);
		const detail = (await reports.getLearnerDetail(orgA, learnerA))!;
		expect(detail.modules.find((m) => m.slug === slug)?.title).toBe('Signalen op school A');
	});

	it('lets manager A assign the module, and refuses it to manager B', async () => {
		const { slug } = await publishOrganisationModule();
		const mine = await assignments.createAssignment({
			organisationId: orgA,
			moduleSlug: slug,
			target: 'organisation',
			createdBy: managerA
		});
		expect(mine.ok).toBe(true);
		expect((await assignments.listAssignments(orgA))[0].title).toBe('Signalen op school A');
		expect((await assignments.listAssignmentsForLearner(learnerA)).map((a) => a.title)).toContain(
			'Signalen op school A'
		);
		const theirs = await assignments.createAssignment({
			organisationId: orgB,
			moduleSlug: slug,
			target: 'organisation',
			createdBy: managerA
		});
		expect(theirs).toMatchObject({ ok: false, field: 'module' });
		expect(await assignments.listAssignments(orgB)).toEqual([]);
	});

	it('gives trainers statistics of their organisation modules, not of others', async () => {
		const { slug } = await publishOrganisationModule();
		expect((await statisticsModules([orgA])).map((m) => m.slug)).toContain(slug);
		expect((await statisticsModules([orgB])).map((m) => m.slug)).not.toContain(slug);
		expect((await statisticsModules([])).map((m) => m.slug)).not.toContain(slug);
	});
});

describe('the preview', () => {
	const tables = [
		'enrolment',
		'step_progress',
		'response',
		'attempt',
		'signal_mastery',
		'certificate'
	];
	const counts = async () =>
		await Promise.all(
			tables.map(async (t) =>
				Number((await sqlFirst<{ n: number }>(sql.raw(`select count(*) as n from ${t}`))).n)
			)
		);

	it('grades quiz answers and vignette choices and draws an assessment, and writes nothing', async () => {
		const draft = await duplicateAsDraft(
			trainerA,
			orgA,
			(await latestVersionId('signalen-op-school'))!
		);
		const content = draftContent(draft);
		const before = await counts();

		const quizStep = content.steps.find((s) => s.quiz)!;
		const item = quizStep.quiz!.items[0];
		const quizPage = preview.previewStep(content, quizStep.slug);
		expect('quiz' in quizPage && quizPage.quiz?.items.length).toBe(quizStep.quiz!.items.length);
		const form = new FormData();
		const right = correctAnswer(item);
		if (item.type === 'classify') {
			for (const [id, value] of Object.entries(right.classified ?? {}))
				form.append(`classify-${id}`, value);
		} else if (item.type === 'judge') {
			form.append('concern', right.selected[0]);
			form.append('action', right.selected[1]);
		} else for (const id of right.selected) form.append('choice', id);
		const graded = preview.previewAnswer(content, quizStep.slug, item.id, form);
		expect(graded.result.verdict).toBe('right');
		expect(graded.result.feedback).toBeTruthy();
		// An empty answer is refused with a code whose Dutch depends on the item type.
		const empty = (() => {
			try {
				preview.previewAnswer(content, quizStep.slug, item.id, new FormData());
			} catch (e) {
				return e;
			}
		})();
		expect(empty).toBeInstanceOf(preview.PreviewError);
		const refused = (empty as InstanceType<typeof preview.PreviewError>).failure;
		expect(refused).toEqual({
			code: 'authoring.previewAnswerEmpty',
			params: { itemType: item.type }
		});
		expect(describeFailure(refused)).toBe(
			item.type === 'classify'
				? messages.learn.errors.emptyClassify
				: item.type === 'judge'
					? messages.learn.errors.emptyJudge
					: messages.learn.errors.empty
		);

		const vignetteStep = content.steps.find((s) => s.vignette)!;
		const v = vignetteStep.vignette!;
		const chosen = preview.previewChoose(content, vignetteStep.slug, null, v.start, 0);
		expect(chosen.pad).toBe('0');
		const after = preview.previewStep(content, vignetteStep.slug, { pad: chosen.pad });
		expect('vignette' in after && after.vignette?.last?.feedback).toBe(
			v.nodes[v.start].choices[0].feedback
		);
		// A stale node (another tab) is refused instead of moving on.
		expect(() => preview.previewChoose(content, vignetteStep.slug, chosen.pad, v.start, 0)).toThrow(
			preview.PreviewError
		);

		const assessmentStep = content.steps.find((s) => s.assessment)!;
		const drawn = preview.previewStep(content, assessmentStep.slug);
		const a = 'assessmentPreview' in drawn ? drawn.assessmentPreview : undefined;
		expect(a?.items.length).toBe(assessmentStep.assessment!.draw);
		const ids = a!.items.map((i) => i.view.id).join(',');
		const again = preview.previewStep(content, assessmentStep.slug, { draw: ids });
		expect(
			'assessmentPreview' in again && again.assessmentPreview?.items.map((i) => i.view.id).join(',')
		).toBe(ids);

		expect(await counts()).toEqual(before);
	});

	it('shows what it can of an invalid draft, with a calm notice for the broken part', async () => {
		const draft = await duplicateAsDraft(
			trainerA,
			orgA,
			(await latestVersionId('signalen-op-school'))!
		);
		const content = structuredClone(draftContent(draft));
		const vignetteStep = content.steps.find((s) => s.vignette)!;
		const v = vignetteStep.vignette!;
		v.nodes[v.start].choices[0].next = 'bestaat-niet';
		const quizStep = content.steps.find((s) => s.quiz)!;
		(quizStep.quiz!.items[0] as { options?: unknown }).options = undefined;
		content.meta.title = '';
		content.meta.sources = [
			{ title: 'Bron', publisher: 'X', year: 2024, url: 'javascript:alert(1)' }
		];

		const moduleView = preview.previewModule(content);
		expect(moduleView.module.title).toBe('(nog zonder titel)');
		expect(moduleView.module.sources).toEqual([
			{ title: 'Bron', publisher: 'X', year: 2024, url: undefined }
		]);
		const broken = preview.previewStep(content, vignetteStep.slug, { pad: '0' });
		expect(broken.notice).toMatch(/casus kan nog niet/);
		expect(() => preview.previewStep(content, quizStep.slug)).not.toThrow();
		expect(preview.previewStep(content, quizStep.slug).notice).toBeTruthy();
		expect(() => preview.previewStep(content, 'bestaat-niet')).toThrow(preview.PreviewError);
	});

	it('opens only drafts of the trainer organisation', async () => {
		const draft = await duplicateAsDraft(
			trainerA,
			orgA,
			(await latestVersionId('signalen-op-school'))!
		);
		const trainerB = asAuthor((await makeMember({ organisation: orgB, role: 'trainer' })).id, orgB);
		expect((await preview.draftForPreview(trainerA, String(draft.id))).slug).toBe(draft.moduleSlug);
		await expect(preview.draftForPreview(trainerB, String(draft.id))).rejects.toThrow(
			preview.PreviewError
		);
	});
});

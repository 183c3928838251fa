import { beforeEach, describe, expect, it } from 'vitest';
import {
	freshDatabase,
	makeMember,
	makeOrganisation,
	makeUser,
	syncCourse
} from '../testing/testing';
import { latestVersionId, loadVersion } from '../content/versions';
import { renderMarkdown } from '../content/markdown';
import * as progress from '../learning';
import { AuthoringError, setPlatformTrainer, type Author } from './access';
import { describeChanges } from './changes';
import { mdsvexToMarkdown } from './bundle/lesson-markdown';
import {
	authoringOverview,
	createDraftFromSnapshot,
	draftContent,
	draftIssues,
	duplicateAsDraft,
	getDraft,
	saveDraft,
	setDraftScope,
	type DraftContent
} from './drafts';
import { publishDraft, versionHistory } from './publish';
import { publishedAuthoredModules } from './published';
import { describeFailure, failure } from '../platform/failure';

let orgA: number;
let orgB: number;
let trainer: Author;
let trainerB: Author;

const asAuthor = (id: number, organisationId: number): Author => ({
	id,
	memberships: [{ organisationId, role: 'trainer' }]
});

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	orgA = await makeOrganisation('School A');
	orgB = await makeOrganisation('School B');
	trainer = asAuthor((await makeMember({ organisation: orgA, role: 'trainer' })).id, orgA);
	trainerB = asAuthor((await makeMember({ organisation: orgB, role: 'trainer' })).id, orgB);
});

async function duplicateShipped(slug = 'signalen-op-school') {
	return await duplicateAsDraft(trainer, orgA, (await latestVersionId(slug))!);
}

/** Changes the first vignette's start node text, as a trainer in the editor would. */
function editVignette(content: DraftContent, text: string): DraftContent {
	const next = structuredClone(content);
	const step = next.steps.find((s) => s.vignette)!;
	step.vignette!.nodes[step.vignette!.start].text = text;
	return next;
}

describe('duplicating a shipped module', () => {
	it('makes an editable, valid draft with Markdown instead of lesson components', async () => {
		const draft = await duplicateShipped();
		const content = draftContent(draft);
		expect(draft.moduleSlug).toBe('signalen-op-school-kopie');
		expect(content.meta.title).toMatch(/\(kopie\)$/);
		expect(content.steps.every((s) => typeof s.markdown === 'string' && !s.indexPath)).toBe(true);
		const all = content.steps.map((s) => s.markdown).join('\n');
		expect(all).not.toMatch(/<(Callout|SignalCard|HelpLine|PhaseTimeline|script)/);
		expect(await draftIssues(draft)).toEqual([]);
		// A second copy gets its own slug.
		expect((await duplicateShipped()).moduleSlug).toBe('signalen-op-school-kopie-2');
	});

	it('keeps what the components said', () => {
		const md = mdsvexToMarkdown(
			'---\nkind: lesson\ntitle: X\n---\n<script>\n\timport A from "a";\n</script>\n\nIntro.\n\n<Callout kind="tip" title="Denk in combinaties">\n\tEén signaal zegt weinig.\n</Callout>\n\n<HelpLine />\n'
		);
		expect(md).toContain('> **Denk in combinaties**');
		expect(md).toContain('> Eén signaal zegt weinig.');
		expect(md).toContain('116 000');
		expect(md).not.toContain('kind: lesson');
		expect(renderMarkdown(md)).toContain('<blockquote>');
	});

	it('is refused in an organisation where the user is not a trainer', async () => {
		await expect(
			duplicateAsDraft(trainer, orgB, (await latestVersionId('wat-en-hoe'))!)
		).rejects.toThrow(AuthoringError);
	});
});

describe('editing', () => {
	it('saves with a revision and refuses a stale save instead of overwriting it', async () => {
		const draft = await duplicateShipped();
		const content = editVignette(draftContent(draft), 'Nieuwe openingstekst van de casus.');
		const first = await saveDraft(trainer, draft.id, content, draft.revision);
		expect(first.revision).toBe(draft.revision + 1);
		await expect(saveDraft(trainer, draft.id, content, draft.revision)).rejects.toThrow(
			expect.objectContaining({ code: 'conflict' })
		);
		expect(
			draftContent(await getDraft(trainer, draft.id)).steps.find((s) => s.vignette)!.vignette!.nodes
		).toBeDefined();
	});

	it('reports problems in Dutch with the path of the field', async () => {
		const draft = await duplicateShipped();
		const content = structuredClone(draftContent(draft));
		content.meta.title = '';
		const v = content.steps.find((s) => s.vignette)!;
		const vIndex = content.steps.indexOf(v);
		const start = v.vignette!.start;
		v.vignette!.nodes[start].choices[0].next = 'bestaat-niet';
		const { issues, revision } = await saveDraft(trainer, draft.id, content, draft.revision);
		const at = (p: string) => {
			const issue = issues.find((i) => i.path === p);
			return issue && describeFailure(issue);
		};
		expect(at('meta.title')).toBe('Vul dit in.');
		expect(at(`steps.${vIndex}.vignette.nodes.${start}.choices.0.next`)).toContain(
			'"bestaat-niet" bestaat niet'
		);

		// An island node: unreachable, and a dead end (its choices only loop back to itself).
		const island = structuredClone(draftContent(draft));
		const iv = island.steps[vIndex].vignette!;
		iv.nodes['los'] = {
			text: 'Een situatie die niemand bereikt.',
			choices: iv.nodes[iv.start].choices.map((c) => ({ ...c, next: 'los' }))
		};
		const second = (await saveDraft(trainer, draft.id, island, revision)).issues;
		expect(second).toContainEqual({
			path: `steps.${vIndex}.vignette.nodes.los`,
			code: 'authoring.unreachable',
			params: {}
		});
		expect(describeFailure(failure('authoring.unreachable'))).toBe(
			'Niet te bereiken vanaf het begin van de casus.'
		);

		// The pre-test draws from the assessment pool, and its page owns the step name "voortoets".
		const odd = structuredClone(draftContent(draft));
		odd.meta.pretest = 20;
		odd.steps[0].slug = 'voortoets';
		const third = (await saveDraft(trainer, draft.id, odd, revision + 1)).issues;
		const said = (p: string) => describeFailure(third.find((i) => i.path === p)!);
		expect(said('meta.pretest')).toMatch(/voortoets trekt 20/);
		expect(said('steps.0.slug')).toMatch(/voorbehouden/);
	});

	it('never lets a trainer of another organisation read or change the draft', async () => {
		const draft = await duplicateShipped();
		await expect(getDraft(trainerB, draft.id)).rejects.toThrow(
			expect.objectContaining({ code: 'not-found' })
		);
		await expect(
			saveDraft(trainerB, draft.id, draftContent(draft), draft.revision)
		).rejects.toThrow(AuthoringError);
		expect((await authoringOverview(trainerB)).drafts).toEqual([]);
		expect((await authoringOverview(trainer)).drafts.map((d) => d.state)).toEqual(['draft']);
	});
});

describe('publishing', () => {
	it('refuses an invalid draft and publishes nothing', async () => {
		const draft = await duplicateShipped();
		const content = structuredClone(draftContent(draft));
		content.steps = content.steps.filter((s) => s.meta.kind !== 'assessment');
		await saveDraft(trainer, draft.id, content, draft.revision);
		const result = await publishDraft(trainer, draft.id);
		expect(result.ok).toBe(false);
		expect(!result.ok && describeFailure(result.issues[0])).toMatch(/eindtoets/);
		expect(await latestVersionId(draft.moduleSlug)).toBeUndefined();
	});

	it('creates immutable versions; learners keep the version they started', async () => {
		const draft = await duplicateShipped();
		const v1 = await publishDraft(trainer, draft.id);
		expect(v1.ok).toBe(true);
		const slug = draft.moduleSlug;
		const early = await makeMember({ organisation: orgA });
		const started = await progress.startModule(early.id, slug);

		const current = await getDraft(trainer, draft.id);
		await saveDraft(
			trainer,
			draft.id,
			editVignette(draftContent(current), 'Versie twee begint anders.'),
			current.revision
		);
		expect((await authoringOverview(trainer)).drafts[0].state).toBe('changed');
		const v2 = await publishDraft(trainer, draft.id);
		expect(v2.ok && v2.version.version).toBe(2);

		const late = await makeMember({ organisation: orgA });
		const lateStart = await progress.startModule(late.id, slug);
		expect(lateStart.moduleVersionId).toBe(v2.ok && v2.version.id);
		expect((await progress.moduleContext(early.id, slug)).version.row.id).toBe(
			started.moduleVersionId
		);
		const startText = async (id: number) => {
			const m = (await loadVersion(id))!.module;
			const v = m.steps.find((s) => s.vignette)!.vignette!;
			return v.nodes[v.start].text;
		};
		expect(await startText(started.moduleVersionId)).not.toBe('Versie twee begint anders.');
		expect(await startText(lateStart.moduleVersionId)).toBe('Versie twee begint anders.');

		const history = await versionHistory(trainer, draft.id);
		expect(history.map((h) => h.version)).toEqual([2, 1]);
		expect(history[0].changes).toContainEqual(
			expect.objectContaining({
				kind: 'stepChanged',
				parts: [
					expect.objectContaining({ kind: 'vignette', nodes: { added: 0, removed: 0, changed: 1 } })
				]
			})
		);
		expect(history[1].changes).toEqual([
			{ kind: 'first', basedOn: { title: expect.any(String), version: 1 } }
		]);
		expect(history[1].inProgress).toBe(1);
	});

	it('shows an organisation module only to that organisation', async () => {
		const draft = await duplicateShipped();
		await publishDraft(trainer, draft.id);
		const outsider = await makeMember({ organisation: orgB });
		await expect(progress.startModule(outsider.id, draft.moduleSlug)).rejects.toThrow(
			expect.objectContaining({ status: 404 })
		);
		await expect(progress.moduleContext(outsider.id, draft.moduleSlug)).rejects.toThrow(
			progress.ProgressError
		);
		expect(await publishedAuthoredModules([orgB])).toEqual([]);
		expect((await publishedAuthoredModules([orgA])).map((m) => m.slug)).toEqual([draft.moduleSlug]);
	});

	it('publishes for everyone only as a platform trainer', async () => {
		const admin = await makeUser({ isAdmin: true });
		const draft = await duplicateShipped();
		await expect(setDraftScope(trainer, draft.id, 'platform')).rejects.toThrow(
			expect.objectContaining({ code: 'forbidden' })
		);
		await setPlatformTrainer(admin.id, trainer.id, true);
		await setDraftScope(trainer, draft.id, 'platform');
		const result = await publishDraft(trainer, draft.id);
		expect(result.ok && result.version.organisationId).toBeNull();
		const outsider = await makeMember({ organisation: orgB });
		expect((await progress.startModule(outsider.id, draft.moduleSlug)).moduleSlug).toBe(
			draft.moduleSlug
		);
	});
});

describe('the change lines', () => {
	it('do not count a different order of the same signal tags as a change', async () => {
		const before = draftContent(await duplicateShipped());
		const after = structuredClone(before);
		const v = after.steps.find((s) => s.vignette)!.vignette!;
		const node = Object.values(v.nodes).find((n) => (n.signals?.length ?? 0) > 1)!;
		node.signals = [...node.signals!].reverse();
		expect(describeChanges(before, after)).toEqual([{ kind: 'none' }]);
		node.signals = node.signals.slice(1);
		const [change] = describeChanges(before, after);
		expect(change).toMatchObject({
			kind: 'stepChanged',
			parts: [{ kind: 'vignette', nodes: { added: 0, removed: 0, changed: 1 }, start: false }]
		});
	});
});

describe('imported modules', () => {
	it('become a draft with a free slug', async () => {
		const shipped = (await loadVersion((await latestVersionId('wat-en-hoe'))!))!.module;
		const draft = await createDraftFromSnapshot(trainer, orgA, shipped);
		expect(draft.moduleSlug).toBe('wat-en-hoe-kopie');
		expect(await draftIssues(draft)).toEqual([]);
	});
});

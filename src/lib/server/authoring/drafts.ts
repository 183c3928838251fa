// Drafts of authored modules: creating (duplicate, import), reading, saving with a revision
// check, scope and deletion, and what /auteur lists.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { desc, eq, inArray } from 'drizzle-orm';
import { db, transaction, first } from '../db';
import { moduleDraft, moduleVersion, organisation, user, type ModuleDraft } from '../db/schema';
import { loadVersion, type ModuleSnapshot } from '../content/versions';
import { getCourse } from '../content/course';
import { recordAudit } from '../platform/audit';
import {
	AuthoringError,
	authorOrganisations,
	isPlatformTrainer,
	mustAuthorIn,
	visibleTo,
	type Author
} from './access';
import { mdsvexToMarkdown } from './bundle/lesson-markdown';
import { latestOf, publishedAuthoredModules } from './published';
import { validateDraft, type DraftIssue } from './validate';

/** The draft's content: a module snapshot whose texts are Markdown (`markdown`, no `indexPath`). */
export type DraftContent = ModuleSnapshot;

/** Larger drafts are refused on save (the biggest shipped module is about 60 KB as JSON). */
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

export type DraftState = 'draft' | 'published' | 'changed';

export interface DraftSummary {
	id: number;
	slug: string;
	title: string;
	scope: ModuleDraft['scope'];
	organisationId: number;
	organisationName: string;
	state: DraftState;
	latestVersion: number | null;
	latestVersionId: number | null;
	updatedAt: Date;
	updatedByName: string | null;
}

export function hashContent(content: DraftContent): string {
	return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Not published yet, published as it is, or published with later edits. */
export function stateOf(d: Pick<ModuleDraft, 'publishedHash' | 'content'>): DraftState {
	if (!d.publishedHash) return 'draft';
	return d.publishedHash === hashContent(d.content as DraftContent) ? 'published' : 'changed';
}

/** What /auteur lists: the trainer's authored modules and the shipped modules (read-only). */
export async function authoringOverview(author: Author) {
	const orgIds = authorOrganisations(author);
	const drafts: DraftSummary[] = orgIds.length
		? await Promise.all(
				(
					await db
						.select({
							draft: moduleDraft,
							organisationName: organisation.name,
							updatedByName: user.name
						})
						.from(moduleDraft)
						.innerJoin(organisation, eq(organisation.id, moduleDraft.organisationId))
						.leftJoin(user, eq(user.id, moduleDraft.updatedBy))
						.where(inArray(moduleDraft.organisationId, orgIds))
						.orderBy(desc(moduleDraft.updatedAt))
				).map(async ({ draft, organisationName, updatedByName }) => {
					const latest = await latestOf(draft.moduleSlug);
					return {
						id: draft.id,
						slug: draft.moduleSlug,
						title: (draft.content as DraftContent).meta?.title || draft.moduleSlug,
						scope: draft.scope,
						organisationId: draft.organisationId,
						organisationName,
						state: stateOf(draft),
						latestVersion: latest?.version ?? null,
						latestVersionId: latest?.id ?? null,
						updatedAt: draft.updatedAt,
						updatedByName
					};
				})
			)
		: [];
	const ownSlugs = new Set(drafts.map((d) => d.slug));
	const shipped = await Promise.all(
		getCourse().modules.map(async (m) => {
			const latest = await latestOf(m.slug);
			return {
				slug: m.slug,
				title: m.meta.title,
				summary: m.meta.summary,
				versionId: latest?.id ?? null,
				version: latest?.version ?? null
			};
		})
	);
	// Platform modules and other trainers' modules of the same organisations can be duplicated too.
	const others = (await publishedAuthoredModules(orgIds))
		.filter((m) => !ownSlugs.has(m.slug))
		.map((m) => ({ slug: m.slug, title: m.title, versionId: m.versionId, version: m.version }));
	return { drafts, shipped, others, platformTrainer: await isPlatformTrainer(author.id), orgIds };
}

/** Used by a shipped module, another draft, or a published version (of a draft since deleted). */
async function slugTaken(slug: string, exceptDraftId?: number): Promise<boolean> {
	if (getCourse().moduleBySlug.has(slug)) return true;
	const draft = await first(
		db.select({ id: moduleDraft.id }).from(moduleDraft).where(eq(moduleDraft.moduleSlug, slug))
	);
	if (draft) return draft.id !== exceptDraftId;
	return !!(await first(
		db
			.select({ id: moduleVersion.id })
			.from(moduleVersion)
			.where(eq(moduleVersion.moduleSlug, slug))
			.limit(1)
	));
}

async function freeSlug(base: string): Promise<string> {
	const stem = base.replace(/-kopie(-\d+)?$/, '').slice(0, 60) || 'module';
	for (let i = 1; ; i++) {
		const candidate = i === 1 ? `${stem}-kopie` : `${stem}-kopie-${i}`;
		if (!(await slugTaken(candidate))) return candidate;
	}
}

/** A version's content as an editable draft: Markdown instead of compiled lesson components. */
export function toDraftContent(snapshot: ModuleSnapshot, root = process.cwd()): DraftContent {
	const read = (indexPath: string) =>
		mdsvexToMarkdown(readFileSync(path.join(root, indexPath), 'utf8'));
	return {
		slug: snapshot.slug,
		meta: structuredClone(snapshot.meta),
		markdown: snapshot.markdown ?? (snapshot.indexPath ? read(snapshot.indexPath) : ''),
		steps: snapshot.steps.map((s) => ({
			slug: s.slug,
			order: s.order,
			meta: structuredClone(s.meta),
			markdown: s.markdown ?? (s.indexPath ? read(s.indexPath) : ''),
			...(s.vignette ? { vignette: structuredClone(s.vignette) } : {}),
			...(s.quiz ? { quiz: structuredClone(s.quiz) } : {}),
			...(s.assessment ? { assessment: structuredClone(s.assessment) } : {})
		}))
	};
}

async function insertDraft(
	author: Author,
	organisationId: number,
	content: DraftContent,
	basedOnVersionId: number | null
): Promise<ModuleDraft> {
	// An authored module renews no certificate: refresher links belong to the shipped course.
	delete content.meta.refresher;
	content.meta.refreshes = [];
	const id = Number(
		(
			await db
				.insert(moduleDraft)
				.values({
					moduleSlug: content.slug,
					organisationId,
					content,
					basedOnVersionId,
					createdBy: author.id,
					updatedBy: author.id
				})
				.returning({ id: moduleDraft.id })
		)[0]?.id
	);
	await recordAudit({
		action: 'authoring.draft.create',
		actorUserId: author.id,
		targetType: 'module_draft',
		targetId: id,
		organisationId,
		details: { slug: content.slug, basedOnVersionId }
	});
	return (await first(db.select().from(moduleDraft).where(eq(moduleDraft.id, id))))!;
}

/** "Dupliceer als concept": a new draft from any version the author may see. */
export async function duplicateAsDraft(
	author: Author,
	organisationId: number,
	versionId: number
): Promise<ModuleDraft> {
	mustAuthorIn(author, organisationId);
	const version = await loadVersion(versionId);
	if (!version || !visibleTo(version.row, authorOrganisations(author)))
		throw new AuthoringError('not-found');
	return await transaction(async () => {
		const content = toDraftContent(version.module);
		content.slug = await freeSlug(version.module.slug);
		content.meta.title = `${content.meta.title} (kopie)`.slice(0, 120);
		return await insertDraft(author, organisationId, content, versionId);
	});
}

/** A new draft from an imported module (the zip import validates the files first). */
export async function createDraftFromSnapshot(
	author: Author,
	organisationId: number,
	snapshot: ModuleSnapshot
): Promise<ModuleDraft> {
	mustAuthorIn(author, organisationId);
	return await transaction(async () => {
		const content = toDraftContent(snapshot);
		if (await slugTaken(content.slug)) content.slug = await freeSlug(content.slug);
		return await insertDraft(author, organisationId, content, null);
	});
}

/** A draft this author may edit (one of their trainer organisations), else not-found. */
export async function getDraft(author: Author, draftId: number): Promise<ModuleDraft> {
	const draft = Number.isSafeInteger(draftId)
		? await first(db.select().from(moduleDraft).where(eq(moduleDraft.id, draftId)))
		: undefined;
	if (!draft || !authorOrganisations(author).includes(draft.organisationId))
		throw new AuthoringError('not-found');
	return draft;
}

export function draftContent(draft: ModuleDraft): DraftContent {
	return draft.content as DraftContent;
}

/** Issues of a draft as the editor shows them (the same rules as publishing). */
export async function draftIssues(draft: ModuleDraft): Promise<DraftIssue[]> {
	return await validateDraft(draftContent(draft), {
		signalIds: new Set(getCourse().signals.map((s) => s.id)),
		slugTaken: async (slug) => await slugTaken(slug, draft.id)
	});
}

/**
 * Saves the editor's content. `expectedRevision` is the revision the editor loaded: a save on top
 * of someone else's newer save is refused (conflict) instead of silently overwriting it. The slug
 * is fixed once a version is published (learners' enrolments refer to it).
 */
export async function saveDraft(
	author: Author,
	draftId: number,
	content: DraftContent,
	expectedRevision: number
): Promise<{ revision: number; issues: DraftIssue[] }> {
	const json = JSON.stringify(content);
	if (json.length > MAX_DRAFT_BYTES) throw new AuthoringError('too-large');
	return await transaction(async (tx) => {
		const draft = await getDraft(author, draftId);
		if (draft.revision !== expectedRevision) throw new AuthoringError('conflict');
		if (draft.publishedHash || (await slugTaken(content.slug, draft.id)) || !content.slug) {
			content = { ...content, slug: draft.moduleSlug };
		}
		await tx
			.update(moduleDraft)
			.set({
				content,
				moduleSlug: content.slug,
				revision: draft.revision + 1,
				updatedBy: author.id,
				updatedAt: new Date()
			})
			.where(eq(moduleDraft.id, draft.id));
		const saved = { ...draft, content, moduleSlug: content.slug };
		return { revision: draft.revision + 1, issues: await draftIssues(saved) };
	});
}

/** Organisation or platform; only a platform trainer may choose platform. */
export async function setDraftScope(author: Author, draftId: number, scope: ModuleDraft['scope']) {
	const draft = await getDraft(author, draftId);
	if (scope === 'platform' && !(await isPlatformTrainer(author.id)))
		throw new AuthoringError('forbidden');
	await db.update(moduleDraft).set({ scope }).where(eq(moduleDraft.id, draft.id));
}

/** A draft that was never published can be thrown away; published modules stay. */
export async function deleteDraft(author: Author, draftId: number): Promise<void> {
	const draft = await getDraft(author, draftId);
	if (draft.publishedHash) throw new AuthoringError('conflict');
	await db.delete(moduleDraft).where(eq(moduleDraft.id, draft.id));
	await recordAudit({
		action: 'authoring.draft.delete',
		actorUserId: author.id,
		targetType: 'module_draft',
		targetId: draft.id,
		organisationId: draft.organisationId
	});
}

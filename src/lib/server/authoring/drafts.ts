// Trainer authoring: drafts of authored modules, publishing them as immutable module versions,
// the version history and who may see which module. A trainer authors for the organisations where
// they hold the trainer role; a platform trainer (set by an admin) may also publish for everyone.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { db, transaction } from '../db';
import { prepared } from '../db/prepared';
import {
	moduleDraft,
	moduleVersion,
	organisation,
	user,
	type ModuleDraft,
	type ModuleVersion
} from '../db/schema';
import { loadVersion, type ModuleSnapshot } from '../content/versions';

export { newestVisibleVersionId, organisationIdsOf } from '../content/versions';
import { getCourse } from '../content/course';
import { recordAudit } from '../platform/audit';
import { describeChanges } from './changes';
import { mdsvexToMarkdown } from './lesson-markdown';
import { validateDraft, type DraftIssue } from './validate';

export { describeChanges } from './changes';
export { mdsvexToMarkdown } from './lesson-markdown';
export { dutchMessage, validateDraft, type DraftIssue } from './validate';

/** The draft's content: a module snapshot whose texts are Markdown (`markdown`, no `indexPath`). */
export type DraftContent = ModuleSnapshot;

/** Larger drafts are refused on save (the biggest shipped module is about 60 KB as JSON). */
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

export class AuthoringError extends Error {
	constructor(
		readonly code: 'not-found' | 'conflict' | 'forbidden' | 'too-large',
		message = code
	) {
		super(message);
		this.name = 'AuthoringError';
	}
}

/** Who is authoring: a user id and memberships (a LocalUser fits). */
export interface Author {
	id: number;
	memberships: readonly { organisationId: number; role: string }[];
}

/** The organisations where this user holds the trainer role. */
export function authorOrganisations(author: Author): number[] {
	return author.memberships.filter((m) => m.role === 'trainer').map((m) => m.organisationId);
}

export function isPlatformTrainer(userId: number): boolean {
	return !!db.select({ flag: user.isPlatformTrainer }).from(user).where(eq(user.id, userId)).get()
		?.flag;
}

/** Admin: mark or unmark a trainer as platform trainer (may publish for every organisation). */
export function setPlatformTrainer(adminId: number, userId: number, on: boolean): void {
	const changed = db
		.update(user)
		.set({ isPlatformTrainer: on })
		.where(eq(user.id, userId))
		.run().changes;
	if (!changed) throw new AuthoringError('not-found');
	recordAudit({
		action: on ? 'authoring.platform_trainer.grant' : 'authoring.platform_trainer.revoke',
		actorUserId: adminId,
		targetType: 'user',
		targetId: userId
	});
}

// ---- visibility

/** Shipped and platform modules are for everyone; an organisation module for its members only. */
export function visibleTo(row: Pick<ModuleVersion, 'organisationId'>, orgIds: readonly number[]) {
	return row.organisationId === null || orgIds.includes(row.organisationId);
}

export interface AuthoredModuleSummary {
	slug: string;
	versionId: number;
	version: number;
	title: string;
	organisationId: number | null;
	meta: ModuleSnapshot['meta'];
}

// /leren asks this on every visit: one prepared query over the (few) authored versions, newest
// first, instead of a query per module.
const selectAuthored = prepared((database) =>
	database
		.select({
			id: moduleVersion.id,
			slug: moduleVersion.moduleSlug,
			version: moduleVersion.version,
			organisationId: moduleVersion.organisationId
		})
		.from(moduleVersion)
		.where(eq(moduleVersion.source, 'authored'))
		.orderBy(moduleVersion.moduleSlug, desc(moduleVersion.version))
		.prepare()
);

/** The newest version of every published authored module visible to these organisations. */
export function publishedAuthoredModules(orgIds: readonly number[]): AuthoredModuleSummary[] {
	const seen = new Set<string>();
	const out: AuthoredModuleSummary[] = [];
	for (const row of selectAuthored().all()) {
		if (seen.has(row.slug)) continue; // an older version of a module already handled
		seen.add(row.slug);
		if (!visibleTo(row, orgIds)) continue;
		const meta = loadVersion(row.id)!.module.meta;
		out.push({
			slug: row.slug,
			versionId: row.id,
			version: row.version,
			title: meta.title,
			organisationId: row.organisationId,
			meta
		});
	}
	return out.sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

// ---- drafts

export type DraftState = 'concept' | 'gepubliceerd' | 'gewijzigd';

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

function stateOf(d: ModuleDraft): DraftState {
	if (!d.publishedHash) return 'concept';
	return d.publishedHash === hashContent(d.content as DraftContent) ? 'gepubliceerd' : 'gewijzigd';
}

function latestOf(slug: string) {
	return db
		.select()
		.from(moduleVersion)
		.where(eq(moduleVersion.moduleSlug, slug))
		.orderBy(desc(moduleVersion.version))
		.limit(1)
		.get();
}

/** What /auteur lists: the trainer's authored modules and the shipped modules (read-only). */
export function authoringOverview(author: Author) {
	const orgIds = authorOrganisations(author);
	const drafts: DraftSummary[] = orgIds.length
		? db
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
				.all()
				.map(({ draft, organisationName, updatedByName }) => {
					const latest = latestOf(draft.moduleSlug);
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
		: [];
	const ownSlugs = new Set(drafts.map((d) => d.slug));
	const shipped = getCourse().modules.map((m) => {
		const latest = latestOf(m.slug);
		return {
			slug: m.slug,
			title: m.meta.title,
			summary: m.meta.summary,
			versionId: latest?.id ?? null,
			version: latest?.version ?? null
		};
	});
	// Platform modules and other trainers' modules of the same organisations can be duplicated too.
	const others = publishedAuthoredModules(orgIds)
		.filter((m) => !ownSlugs.has(m.slug))
		.map((m) => ({ slug: m.slug, title: m.title, versionId: m.versionId, version: m.version }));
	return { drafts, shipped, others, platformTrainer: isPlatformTrainer(author.id), orgIds };
}

/** Used by a shipped module, another draft, or a published version (of a draft since deleted). */
function slugTaken(slug: string, exceptDraftId?: number): boolean {
	if (getCourse().moduleBySlug.has(slug)) return true;
	const draft = db
		.select({ id: moduleDraft.id })
		.from(moduleDraft)
		.where(eq(moduleDraft.moduleSlug, slug))
		.get();
	if (draft) return draft.id !== exceptDraftId;
	return !!db
		.select({ id: moduleVersion.id })
		.from(moduleVersion)
		.where(eq(moduleVersion.moduleSlug, slug))
		.limit(1)
		.get();
}

function freeSlug(base: string): string {
	const stem = base.replace(/-kopie(-\d+)?$/, '').slice(0, 60) || 'module';
	for (let i = 1; ; i++) {
		const candidate = i === 1 ? `${stem}-kopie` : `${stem}-kopie-${i}`;
		if (!slugTaken(candidate)) return candidate;
	}
}

function mustAuthorIn(author: Author, organisationId: number): void {
	if (!authorOrganisations(author).includes(organisationId)) throw new AuthoringError('forbidden');
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

function insertDraft(
	author: Author,
	organisationId: number,
	content: DraftContent,
	basedOnVersionId: number | null
): ModuleDraft {
	// An authored module renews no certificate: refresher links belong to the shipped course.
	delete content.meta.refresher;
	content.meta.refreshes = [];
	const id = Number(
		db
			.insert(moduleDraft)
			.values({
				moduleSlug: content.slug,
				organisationId,
				content,
				basedOnVersionId,
				createdBy: author.id,
				updatedBy: author.id
			})
			.run().lastInsertRowid
	);
	recordAudit({
		action: 'authoring.draft.create',
		actorUserId: author.id,
		targetType: 'module_draft',
		targetId: id,
		organisationId,
		details: { slug: content.slug, basedOnVersionId }
	});
	return db.select().from(moduleDraft).where(eq(moduleDraft.id, id)).get()!;
}

/** "Dupliceer als concept": a new draft from any version the author may see. */
export function duplicateAsDraft(
	author: Author,
	organisationId: number,
	versionId: number
): ModuleDraft {
	mustAuthorIn(author, organisationId);
	const version = loadVersion(versionId);
	if (!version || !visibleTo(version.row, authorOrganisations(author)))
		throw new AuthoringError('not-found');
	return transaction(() => {
		const content = toDraftContent(version.module);
		content.slug = freeSlug(version.module.slug);
		content.meta.title = `${content.meta.title} (kopie)`.slice(0, 120);
		return insertDraft(author, organisationId, content, versionId);
	});
}

/** A new draft from an imported module (the zip import validates the files first). */
export function createDraftFromSnapshot(
	author: Author,
	organisationId: number,
	snapshot: ModuleSnapshot
): ModuleDraft {
	mustAuthorIn(author, organisationId);
	return transaction(() => {
		const content = toDraftContent(snapshot);
		if (slugTaken(content.slug)) content.slug = freeSlug(content.slug);
		return insertDraft(author, organisationId, content, null);
	});
}

/** A draft this author may edit (one of their trainer organisations), else not-found. */
export function getDraft(author: Author, draftId: number): ModuleDraft {
	const draft = Number.isSafeInteger(draftId)
		? db.select().from(moduleDraft).where(eq(moduleDraft.id, draftId)).get()
		: undefined;
	if (!draft || !authorOrganisations(author).includes(draft.organisationId))
		throw new AuthoringError('not-found');
	return draft;
}

export function draftContent(draft: ModuleDraft): DraftContent {
	return draft.content as DraftContent;
}

/** Issues of a draft as the editor shows them (the same rules as publishing). */
export function draftIssues(draft: ModuleDraft): DraftIssue[] {
	return validateDraft(draftContent(draft), {
		signalIds: new Set(getCourse().signals.map((s) => s.id)),
		slugTaken: (slug) => slugTaken(slug, draft.id)
	});
}

/**
 * Saves the editor's content. `expectedRevision` is the revision the editor loaded: a save on top
 * of someone else's newer save is refused (conflict) instead of silently overwriting it. The slug
 * is fixed once a version is published (learners' enrolments refer to it).
 */
export function saveDraft(
	author: Author,
	draftId: number,
	content: DraftContent,
	expectedRevision: number
): { revision: number; issues: DraftIssue[] } {
	const json = JSON.stringify(content);
	if (json.length > MAX_DRAFT_BYTES) throw new AuthoringError('too-large');
	return transaction((tx) => {
		const draft = getDraft(author, draftId);
		if (draft.revision !== expectedRevision) throw new AuthoringError('conflict');
		if (draft.publishedHash || slugTaken(content.slug, draft.id) || !content.slug) {
			content = { ...content, slug: draft.moduleSlug };
		}
		tx.update(moduleDraft)
			.set({
				content,
				moduleSlug: content.slug,
				revision: draft.revision + 1,
				updatedBy: author.id,
				updatedAt: new Date()
			})
			.where(eq(moduleDraft.id, draft.id))
			.run();
		const saved = { ...draft, content, moduleSlug: content.slug };
		return { revision: draft.revision + 1, issues: draftIssues(saved) };
	});
}

/** Organisation or platform; only a platform trainer may choose platform. */
export function setDraftScope(author: Author, draftId: number, scope: ModuleDraft['scope']) {
	const draft = getDraft(author, draftId);
	if (scope === 'platform' && !isPlatformTrainer(author.id)) throw new AuthoringError('forbidden');
	db.update(moduleDraft).set({ scope }).where(eq(moduleDraft.id, draft.id)).run();
}

/** A draft that was never published can be thrown away; published modules stay. */
export function deleteDraft(author: Author, draftId: number): void {
	const draft = getDraft(author, draftId);
	if (draft.publishedHash) throw new AuthoringError('conflict');
	db.delete(moduleDraft).where(eq(moduleDraft.id, draft.id)).run();
	recordAudit({
		action: 'authoring.draft.delete',
		actorUserId: author.id,
		targetType: 'module_draft',
		targetId: draft.id,
		organisationId: draft.organisationId
	});
}

export type PublishResult =
	{ ok: true; version: ModuleVersion } | { ok: false; issues: DraftIssue[] };

/**
 * Publishes the draft as a new immutable version. Learners in progress keep the version they
 * started (their enrolment points at it); new enrolments get this one.
 */
export function publishDraft(author: Author, draftId: number): PublishResult {
	return transaction((tx) => {
		const draft = getDraft(author, draftId);
		if (draft.scope === 'platform' && !isPlatformTrainer(author.id))
			throw new AuthoringError('forbidden');
		const issues = draftIssues(draft);
		if (issues.length) return { ok: false as const, issues };
		const content = draftContent(draft);
		const hash = hashContent(content);
		const previous = latestOf(draft.moduleSlug);
		if (previous && previous.contentHash === hash) return { ok: true as const, version: previous };
		const basedOn = draft.basedOnVersionId ? loadVersion(draft.basedOnVersionId) : undefined;
		const changes = describeChanges(
			previous ? (previous.content as ModuleSnapshot) : undefined,
			content,
			basedOn ? { title: basedOn.module.meta.title, version: basedOn.row.version } : undefined
		);
		const id = Number(
			tx
				.insert(moduleVersion)
				.values({
					moduleSlug: draft.moduleSlug,
					version: (previous?.version ?? 0) + 1,
					source: 'authored',
					contentHash: hash,
					title: content.meta.title,
					organisationId: draft.scope === 'platform' ? null : draft.organisationId,
					content,
					changes,
					publishedBy: author.id
				})
				.run().lastInsertRowid
		);
		tx.update(moduleDraft).set({ publishedHash: hash }).where(eq(moduleDraft.id, draft.id)).run();
		recordAudit({
			action: 'authoring.publish',
			actorUserId: author.id,
			targetType: 'module_version',
			targetId: id,
			organisationId: draft.organisationId,
			details: { slug: draft.moduleSlug, version: (previous?.version ?? 0) + 1 }
		});
		return {
			ok: true as const,
			version: tx.select().from(moduleVersion).where(eq(moduleVersion.id, id)).get()!
		};
	});
}

export interface HistoryEntry {
	versionId: number;
	version: number;
	createdAt: Date;
	publishedByName: string | null;
	scope: 'organisation' | 'platform';
	changes: string[];
	/** Learners who started this version and are still in it. */
	inProgress: number;
}

/** Every published version of a draft's module, newest first. */
export function versionHistory(author: Author, draftId: number): HistoryEntry[] {
	const draft = getDraft(author, draftId);
	return db
		.select({
			id: moduleVersion.id,
			version: moduleVersion.version,
			createdAt: moduleVersion.createdAt,
			organisationId: moduleVersion.organisationId,
			changes: moduleVersion.changes,
			name: user.name,
			inProgress: sql<number>`(select count(*) from enrolment e where e.module_version_id = ${moduleVersion.id} and e.status = 'in_progress')`
		})
		.from(moduleVersion)
		.leftJoin(user, eq(user.id, moduleVersion.publishedBy))
		.where(
			and(eq(moduleVersion.moduleSlug, draft.moduleSlug), eq(moduleVersion.source, 'authored'))
		)
		.orderBy(desc(moduleVersion.version))
		.all()
		.map((r) => ({
			versionId: r.id,
			version: r.version,
			createdAt: r.createdAt,
			publishedByName: r.name,
			scope: r.organisationId === null ? ('platform' as const) : ('organisation' as const),
			changes: r.changes ?? [],
			inProgress: r.inProgress
		}));
}

/** A version the author may look at (to export or duplicate): shipped, platform or their own. */
export function versionForAuthor(author: Author, versionId: number) {
	const version = Number.isSafeInteger(versionId) ? loadVersion(versionId) : undefined;
	if (!version || !visibleTo(version.row, authorOrganisations(author)))
		throw new AuthoringError('not-found');
	return version;
}

/** Organisation modules a manager may assign: the newest visible authored versions. */
export function assignableAuthoredModules(organisationId: number) {
	return publishedAuthoredModules([organisationId]);
}

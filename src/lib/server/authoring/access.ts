// Who may author what: a trainer authors for the organisations where they hold the trainer role;
// a platform trainer (set by an admin) may also publish for everyone.
import { eq } from 'drizzle-orm';
import { affected, db, first } from '../db';
import { user, type ModuleVersion } from '../db/schema';
import { recordAudit } from '../platform/audit';

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

export async function isPlatformTrainer(userId: number): Promise<boolean> {
	return !!(
		await first(db.select({ flag: user.isPlatformTrainer }).from(user).where(eq(user.id, userId)))
	)?.flag;
}

/** Admin: mark or unmark a trainer as platform trainer (may publish for every organisation). */
export async function setPlatformTrainer(
	adminId: number,
	userId: number,
	on: boolean
): Promise<void> {
	const changed = affected(
		await db.update(user).set({ isPlatformTrainer: on }).where(eq(user.id, userId))
	);
	if (!changed) throw new AuthoringError('not-found');
	await recordAudit({
		action: on ? 'authoring.platform_trainer.grant' : 'authoring.platform_trainer.revoke',
		actorUserId: adminId,
		targetType: 'user',
		targetId: userId
	});
}

/** Refuses an author who holds no trainer role in this organisation. */
export function mustAuthorIn(author: Author, organisationId: number): void {
	if (!authorOrganisations(author).includes(organisationId)) throw new AuthoringError('forbidden');
}

/** Shipped and platform modules are for everyone; an organisation module for its members only. */
export function visibleTo(row: Pick<ModuleVersion, 'organisationId'>, orgIds: readonly number[]) {
	return row.organisationId === null || orgIds.includes(row.organisationId);
}

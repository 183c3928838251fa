// The certificate rows of one learner, the facts of a certificate's module, and the shared
// helpers issuing, listing and verification build on.
import { and, desc, eq, sql } from 'drizzle-orm';
import { db, first } from '../db';
import { prepared } from '../db/prepared';
import { certificate, membership, type Certificate } from '../db/schema';
import { loadVersion } from '../content/versions';
import { randomToken } from '../accounts/auth/tokens';
import {
	CODE_LENGTH,
	SOON_DAYS,
	certificateStatus,
	type CertificateStatus,
	type RefresherRule
} from './rules';

export function generateCode(): string {
	return randomToken(CODE_LENGTH);
}

export interface ModuleFacts {
	title: string;
	validityMonths: number;
	refresher: RefresherRule | undefined;
	refreshes: string[];
}

export async function moduleFacts(moduleVersionId: number): Promise<ModuleFacts> {
	const version = await loadVersion(moduleVersionId);
	if (!version) throw new Error(`certificates: unknown module version ${moduleVersionId}`);
	const meta = version.module.meta;
	return {
		title: version.row.title,
		validityMonths: meta.certificate.validityMonths,
		refresher: meta.refresher,
		refreshes: meta.refreshes ?? []
	};
}

export async function statusOf(
	cert: Certificate,
	renewed: boolean,
	now: Date
): Promise<CertificateStatus> {
	const rule = (await moduleFacts(cert.moduleVersionId)).refresher;
	return certificateStatus(
		{ expiresAt: cert.expiresAt, revokedAt: cert.revokedAt, renewed },
		now,
		rule?.opensDaysBefore ?? SOON_DAYS
	);
}

const selectUserCertificates = prepared((database) =>
	database
		.select()
		.from(certificate)
		.where(eq(certificate.userId, sql.placeholder('userId')))
		.orderBy(desc(certificate.issuedAt), desc(certificate.id))
		.prepare()
);

/** The learner's certificates, newest first, with the ids that a newer certificate replaced. */
/** A learner's certificates and the ids of those a later one renewed. */
export interface HeldCertificates {
	rows: Certificate[];
	renewed: Set<number>;
}

export async function certificatesOf(userId: number): Promise<HeldCertificates> {
	const rows = await selectUserCertificates().all({ userId });
	const renewed = new Set<number>();
	for (const row of rows) if (row.renewedFromId !== null) renewed.add(row.renewedFromId);
	return { rows, renewed };
}

export async function learnerOrganisation(userId: number): Promise<number | null> {
	const row = await first(
		db
			.select({ organisationId: membership.organisationId })
			.from(membership)
			.where(and(eq(membership.userId, userId), eq(membership.role, 'learner')))
			.orderBy(membership.id)
			.limit(1)
	);
	return row?.organisationId ?? null;
}

export interface NewCertificate {
	userId: number;
	organisationId: number | null;
	moduleSlug: string;
	moduleVersionId: number;
	attemptId: number | null;
	issuedAt: Date;
	expiresAt: Date;
	renewedFromId: number | null;
	showOrganisation?: boolean;
}

export async function insertCertificate(values: NewCertificate): Promise<number> {
	const result = await db
		.insert(certificate)
		.values({
			...values,
			code: generateCode(),
			showOrganisation: values.showOrganisation ?? false
		})
		.returning({ id: certificate.id });
	return Number(result[0]?.id);
}

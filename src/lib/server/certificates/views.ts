// What the learner sees of their certificates (/leren, /certificaten, the PDF and the badge),
// and their choice to show their organisation on the public verify page.
import { and, eq, sql } from 'drizzle-orm';
import { affected, db, first } from '../db';
import { prepared } from '../db/prepared';
import { certificate, organisation, user, type Certificate } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { formatCode, type CertificateStatus } from './rules';
import { certificatesOf, moduleFacts, statusOf, type HeldCertificates } from './records';
import { refresherFrom, type RefresherStatus } from './refresher';

export interface CertificateView {
	id: number;
	moduleSlug: string;
	moduleVersionId: number;
	moduleTitle: string;
	status: CertificateStatus;
	issuedAt: Date;
	expiresAt: Date;
	/** Grouped for reading aloud, e.g. ABCD-EFGH-... */
	code: string;
	/** The code as it appears in the verify link. */
	rawCode: string;
	showOrganisation: boolean;
	revokedReason: string | null;
	renewedFromId: number | null;
}

async function viewOf(
	cert: Certificate,
	renewed: Set<number>,
	now: Date
): Promise<CertificateView> {
	return {
		id: cert.id,
		moduleSlug: cert.moduleSlug,
		moduleVersionId: cert.moduleVersionId,
		moduleTitle: (await moduleFacts(cert.moduleVersionId)).title,
		status: await statusOf(cert, renewed.has(cert.id), now),
		issuedAt: cert.issuedAt,
		expiresAt: cert.expiresAt,
		code: formatCode(cert.code),
		rawCode: cert.code,
		showOrganisation: cert.showOrganisation,
		revokedReason: cert.revokedReason,
		renewedFromId: cert.renewedFromId
	};
}

/** Everything /leren and /certificaten show about the learner's certificates, newest first. */
export async function dashboardCertificates(
	userId: number,
	now: Date = new Date()
): Promise<CertificateView[]> {
	return await viewsOf(await certificatesOf(userId), now);
}

async function viewsOf(held: HeldCertificates, now: Date): Promise<CertificateView[]> {
	return await Promise.all(held.rows.map(async (row) => await viewOf(row, held.renewed, now)));
}

/**
 * The learner dashboard's certificate cards and refresher state, from one read of the learner's
 * certificates (`dashboardCertificates` and `refresherStatus` each read them again).
 */
export async function learnerCertificates(
	userId: number,
	now: Date = new Date()
): Promise<{ certificates: CertificateView[]; refresher: RefresherStatus }> {
	const held = await certificatesOf(userId);
	const [certificates, refresher] = await Promise.all([
		viewsOf(held, now),
		refresherFrom(held, now)
	]);
	return { certificates, refresher };
}

export interface CertificateDocument extends CertificateView {
	learnerName: string;
	organisationName: string | null;
}

const selectOwn = prepared((database) =>
	database
		.select()
		.from(certificate)
		.where(
			and(
				eq(certificate.id, sql.placeholder('id')),
				eq(certificate.userId, sql.placeholder('userId'))
			)
		)
		.prepare()
);

/** One certificate of this learner (another user's id gives undefined: the route answers 404). */
export async function getOwnCertificate(
	userId: number,
	id: number,
	now: Date = new Date()
): Promise<CertificateDocument | undefined> {
	const cert = await selectOwn().get({ id, userId });
	if (!cert) return undefined;
	return await documentOf(cert, now);
}

export async function documentOf(cert: Certificate, now: Date): Promise<CertificateDocument> {
	const renewedBy = await first(
		db
			.select({ id: certificate.id })
			.from(certificate)
			.where(eq(certificate.renewedFromId, cert.id))
	);
	const renewed = new Set<number>(renewedBy ? [cert.id] : []);
	const owner = await first(
		db.select({ name: user.name }).from(user).where(eq(user.id, cert.userId))
	);
	const org = cert.organisationId
		? await first(
				db
					.select({ name: organisation.name })
					.from(organisation)
					.where(eq(organisation.id, cert.organisationId))
			)
		: undefined;
	return {
		...(await viewOf(cert, renewed, now)),
		learnerName: owner?.name ?? '',
		organisationName: org?.name ?? null
	};
}

/** The learner allows (or no longer allows) the public verify page to name their organisation. */
export async function setShowOrganisation(
	userId: number,
	id: number,
	show: boolean,
	requestId?: string
): Promise<boolean> {
	const result = await db
		.update(certificate)
		.set({ showOrganisation: show })
		.where(and(eq(certificate.id, id), eq(certificate.userId, userId)));
	if (affected(result) !== 1) return false;
	await recordAudit({
		action: show ? 'certificate.organisation_shown' : 'certificate.organisation_hidden',
		actorUserId: userId,
		targetType: 'certificate',
		targetId: id,
		requestId
	});
	return true;
}

// Inviting many learners at once from a CSV file: parse, preview per row, then import on
// confirmation (the rows travel sealed between the two steps).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { db, first } from '../db';
import { cachedSharedKey } from '../db/server-key';
import { invitation, membership, team, user, type Audience } from '../db/schema';
import { inviteMember } from './invitations';
import { recordAudit } from '../platform/audit';
import { emailField, nameField } from '$lib/schemas/fields';
import { messages } from '$lib/i18n';

export const maxCsvBytes = 200 * 1024;
export const maxCsvRows = 500;

const t = () => messages.manager.bulk;

export interface CsvRow {
	line: number;
	email: string;
	name: string;
	team: string;
	audience: string;
}

export type CsvParse = { ok: true; rows: CsvRow[] } | { ok: false; message: string };

/** Splits CSV text into records; quoted cells may hold separators, quotes and line breaks. */
function records(text: string, separator: string): string[][] {
	const out: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === separator) {
			row.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(cell);
			out.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	if (cell !== '' || row.length) {
		row.push(cell);
		out.push(row);
	}
	return out;
}

/** The header names managers may type, per column (the input vocabulary beside the catalogue). */
const headerNames: Record<keyof Omit<CsvRow, 'line'>, readonly string[]> =
	messages.csvInput.headers;

/**
 * Reads an uploaded CSV (UTF-8, with or without BOM; ';' or ',' between cells; a header row with
 * e-mail, naam, team and beroep in any order). Only the shape is checked here.
 */
export function parseInvitationCsv(bytes: Uint8Array): CsvParse {
	if (bytes.byteLength > maxCsvBytes)
		return { ok: false, message: t().tooLarge(maxCsvBytes / 1024) };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, message: t().notUtf8 };
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	const separator =
		(firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	const all = records(text, separator).filter((r) => r.some((c) => c.trim() !== ''));
	if (all.length === 0) return { ok: false, message: t().empty };
	const header = all[0].map((h) => h.trim().toLowerCase());
	const index = {} as Record<keyof typeof headerNames, number>;
	for (const [key, names] of Object.entries(headerNames) as [
		keyof typeof headerNames,
		string[]
	][]) {
		index[key] = header.findIndex((h) => names.includes(h));
	}
	if (index.email < 0) return { ok: false, message: t().noHeader };
	const body = all.slice(1);
	if (body.length === 0) return { ok: false, message: t().empty };
	if (body.length > maxCsvRows) return { ok: false, message: t().tooManyRows(maxCsvRows) };
	const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
	return {
		ok: true,
		rows: body.map((r, i) => ({
			line: i + 2,
			email: cell(r, index.email).slice(0, 300),
			name: cell(r, index.name).slice(0, 300),
			team: cell(r, index.team).slice(0, 300),
			audience: cell(r, index.audience).slice(0, 300)
		}))
	};
}

export interface PreviewRow extends CsvRow {
	state: 'new' | 'skip' | 'error';
	message: string;
	teamId: number | null;
	normalisedEmail: string;
	normalisedName: string | null;
	normalisedAudience: Audience | null;
}

/** Checks each row against the organisation: what would be invited, skipped or refused, and why. */
export async function previewInvitations(
	organisationId: number,
	rows: CsvRow[]
): Promise<PreviewRow[]> {
	const teams = new Map(
		(
			await db
				.select({ id: team.id, name: team.name })
				.from(team)
				.where(eq(team.organisationId, organisationId))
		).map((x) => [x.name.toLowerCase(), x.id])
	);
	const seen = new Map<string, number>();
	return await Promise.all(
		rows.map(async (row) => {
			const result: PreviewRow = {
				...row,
				state: 'new',
				message: '',
				teamId: null,
				normalisedEmail: row.email,
				normalisedName: null,
				normalisedAudience: null
			};
			const fail = (message: string): PreviewRow => ({ ...result, state: 'error', message });
			const email = emailField.safeParse(row.email);
			if (!email.success) return fail(row.email ? t().badEmail : t().missingEmail);
			result.normalisedEmail = email.data;
			if (row.name) {
				const name = nameField.safeParse(row.name);
				if (!name.success) return fail(name.error.issues[0]?.message ?? t().badName);
				result.normalisedName = name.data;
			}
			if (row.team) {
				const id = teams.get(row.team.toLowerCase());
				if (!id) return fail(t().unknownTeam(row.team));
				result.teamId = id;
			}
			if (row.audience) {
				const value = row.audience.toLowerCase();
				if (value !== 'leerkracht' && value !== 'hulpverlener') return fail(t().badAudience);
				result.normalisedAudience = value;
			}
			const earlier = seen.get(email.data);
			if (earlier) return fail(t().duplicate(earlier));
			seen.set(email.data, row.line);
			const member = await first(
				db
					.select({ id: membership.id })
					.from(membership)
					.innerJoin(user, eq(user.id, membership.userId))
					.where(and(eq(membership.organisationId, organisationId), eq(user.email, email.data)))
			);
			if (member) return { ...result, state: 'skip', message: t().alreadyMember };
			const open = await first(
				db
					.select({ id: invitation.id })
					.from(invitation)
					.where(
						and(
							eq(invitation.organisationId, organisationId),
							eq(invitation.email, email.data),
							isNull(invitation.acceptedAt),
							isNull(invitation.revokedAt),
							gt(invitation.expiresAt, new Date())
						)
					)
			);
			if (open) return { ...result, state: 'skip', message: t().alreadyInvited };
			return result;
		})
	);
}

// The preview travels back to the browser and returns on confirmation; the signature proves it is
// a preview the platform made for this manager and organisation. The key is shared by every
// server (db/server-key.ts), so a preview made on one server is accepted on another.
const previewKey = () => cachedSharedKey('invitation-preview', () => randomBytes(32));

async function sign(organisationId: number, userId: number, payload: string): Promise<string> {
	return createHmac('sha256', await previewKey())
		.update(`${organisationId}:${userId}:${payload}`)
		.digest('base64url');
}

export async function sealRows(organisationId: number, userId: number, rows: CsvRow[]) {
	const payload = Buffer.from(JSON.stringify(rows)).toString('base64url');
	return { payload, signature: await sign(organisationId, userId, payload) };
}

export async function openRows(
	organisationId: number,
	userId: number,
	payload: string,
	signature: string
): Promise<CsvRow[] | undefined> {
	const expected = Buffer.from(await sign(organisationId, userId, payload));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
	try {
		const rows = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CsvRow[];
		return Array.isArray(rows) && rows.length <= maxCsvRows ? rows : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Invites every row that is still new when the manager confirms (checked again, so a second
 * confirmation or the same file uploaded twice invites nobody twice).
 */
export async function importInvitations(input: {
	organisationId: number;
	rows: CsvRow[];
	invitedBy: number;
	requestId?: string;
}): Promise<{ invited: number; skipped: number; failed: number }> {
	let invited = 0;
	let skipped = 0;
	let failed = 0;
	for (const row of await previewInvitations(input.organisationId, input.rows)) {
		if (row.state === 'skip') skipped += 1;
		if (row.state === 'error') failed += 1;
		if (row.state !== 'new') continue;
		const result = await inviteMember({
			organisationId: input.organisationId,
			email: row.normalisedEmail,
			name: row.normalisedName,
			role: 'learner',
			audience: row.normalisedAudience,
			teamId: row.teamId,
			invitedBy: input.invitedBy,
			requestId: input.requestId
		});
		if (result.ok) invited += 1;
		else failed += 1;
	}
	await recordAudit({
		action: 'invitation.bulk_imported',
		actorUserId: input.invitedBy,
		organisationId: input.organisationId,
		requestId: input.requestId,
		details: { invited, skipped, failed }
	});
	return { invited, skipped, failed };
}

import { beforeEach, describe, expect, it } from 'vitest';
import {
	freshDatabase,
	makeLearner,
	makeOrganisation,
	makeTeam,
	makeUser
} from '../testing/testing';
import {
	importInvitations,
	maxCsvRows,
	openRows,
	parseInvitationCsv,
	previewInvitations,
	sealRows
} from './csv-import';
import { resendInvitation, listInvitationViews } from './invitations';
import { listOutbox } from '../platform/mail';
import { revokeInvitation } from './invitations';

const encode = (text: string) => new TextEncoder().encode(text);

let orgA: number;
let orgB: number;
let manager: number;

beforeEach(async () => {
	await freshDatabase();
	orgA = await makeOrganisation('School A');
	orgB = await makeOrganisation('Horizon B');
	await makeTeam(orgA, 'Tweede graad');
	await makeTeam(orgB, 'Leefgroep');
	manager = (await makeUser()).id;
});

describe('CSV upload', () => {
	it('reads ; or , separated UTF-8 with or without BOM', () => {
		const semicolon = parseInvitationCsv(
			encode(
				'\uFEFFE-mail;Naam;Team;Beroep\r\nan@school.be;"Peeters; An";Tweede graad;leerkracht\r\n'
			)
		);
		expect(semicolon).toEqual({
			ok: true,
			rows: [
				{
					line: 2,
					email: 'an@school.be',
					name: 'Peeters; An',
					team: 'Tweede graad',
					audience: 'leerkracht'
				}
			]
		});
		const comma = parseInvitationCsv(encode('naam,email\n"Jef ""de"" Smet",jef@school.be\n\n'));
		expect(comma).toMatchObject({
			ok: true,
			rows: [{ email: 'jef@school.be', name: 'Jef "de" Smet' }]
		});
	});

	it('refuses files that are not UTF-8, too long or without a header', () => {
		expect(parseInvitationCsv(new Uint8Array([0x65, 0xff, 0x0a]))).toMatchObject({ ok: false });
		expect(parseInvitationCsv(encode('an@school.be;An\n'))).toMatchObject({
			ok: false,
			message: expect.stringContaining('kolomnamen')
		});
		const many =
			'email\n' + Array.from({ length: maxCsvRows + 1 }, (_, i) => `p${i}@x.be`).join('\n');
		expect(parseInvitationCsv(encode(many))).toMatchObject({
			ok: false,
			message: expect.stringContaining('te veel')
		});
		expect(parseInvitationCsv(new Uint8Array(300 * 1024))).toMatchObject({ ok: false });
	});

	it('previews per row with Dutch errors, imports on confirmation and never twice', async () => {
		await makeLearner({ organisation: orgA, email: 'lid@school.be' });
		const file = encode(
			[
				'email;naam;team;beroep',
				'nieuw@school.be;Nieuw;Tweede graad;Leerkracht',
				'geen-adres;X;;',
				'ander@school.be;;Leefgroep;',
				'nieuw@school.be;Dubbel;;',
				'lid@school.be;;;',
				'zorg@school.be;;;dokter',
				'=cmd@school.be;=HYPERLINK("x");;'
			].join('\n')
		);
		const parsed = parseInvitationCsv(file);
		if (!parsed.ok) throw new Error(parsed.message);
		const preview = await previewInvitations(orgA, parsed.rows);
		expect(preview.map((r) => [r.line, r.state])).toEqual([
			[2, 'new'],
			[3, 'error'],
			[4, 'error'],
			[5, 'error'],
			[6, 'skip'],
			[7, 'error'],
			// A formula-like name is harmless here: exports neutralise it.
			[8, 'new']
		]);
		expect(preview[1].message).toBe('Dit is geen geldig e-mailadres.');
		expect(preview[2].message).toContain('Het team Leefgroep bestaat niet');
		expect(preview[3].message).toBe('Dit e-mailadres staat al op regel 2.');
		expect(preview[5].message).toContain('leerkracht of hulpverlener');
		expect(await listInvitationViews(orgA)).toHaveLength(0);

		const sealed = await sealRows(orgA, manager, parsed.rows);
		expect(await openRows(orgB, manager, sealed.payload, sealed.signature)).toBeUndefined();
		expect(await openRows(orgA, manager + 1, sealed.payload, sealed.signature)).toBeUndefined();
		const rows = (await openRows(orgA, manager, sealed.payload, sealed.signature))!;
		expect(await importInvitations({ organisationId: orgA, rows, invitedBy: manager })).toEqual({
			invited: 2,
			skipped: 1,
			failed: 4
		});
		expect(
			(await importInvitations({ organisationId: orgA, rows, invitedBy: manager })).invited
		).toBe(0);
		expect((await listInvitationViews(orgA)).map((i) => i.email)).toEqual([
			'=cmd@school.be',
			'nieuw@school.be'
		]);
		expect((await listOutbox()).filter((m) => m.kind === 'invitation')).toHaveLength(2);
	});

	it('resends and revokes only within the own organisation', async () => {
		const rows = [{ line: 2, email: 'an@school.be', name: '', team: '', audience: '' }];
		await importInvitations({ organisationId: orgA, rows, invitedBy: manager });
		const [first] = await listInvitationViews(orgA);
		expect(await resendInvitation(orgB, first.id, manager)).toBe(false);
		expect(await resendInvitation(orgA, first.id, manager)).toBe(true);
		const views = await listInvitationViews(orgA);
		expect(views.map((v) => v.status)).toEqual(['open', 'revoked']);
		expect(await revokeInvitation(orgB, views[0].id, manager)).toBe(false);
		expect(await revokeInvitation(orgA, views[0].id, manager)).toBe(true);
	});
});

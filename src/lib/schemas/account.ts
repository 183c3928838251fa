// Form schemas for the profile (password change, account deletion), two-factor codes and the
// platform admin forms.
import { z } from 'zod';
import { messages } from '$lib/i18n';
import { emailField, idField, passwordField, roleField } from './fields';

const m = messages.form;

export const totpSchema = z.object({
	code: z
		.string({ error: m.required('de code') })
		.transform((v) => v.replace(/\s/g, ''))
		.pipe(z.string().regex(/^[0-9]{6}$/, messages.account.twoFactor.codeWrong))
});

export const recoverySchema = z.object({
	recovery: z
		.string({ error: m.required('een herstelcode') })
		.trim()
		.min(1, m.required('een herstelcode'))
		.max(40, messages.account.twoFactor.recoveryWrong)
});

export const passwordOnlySchema = z.object({ password: passwordField });

export const changePasswordSchema = z
	.object({ current: passwordField, password: passwordField, confirm: passwordField })
	.refine((v) => v.password === v.confirm, {
		message: messages.password.mismatch,
		path: ['confirm']
	});

export const sessionIdSchema = z.object({ id: z.string().min(1).max(40) });

export const organisationNameSchema = z.object({
	name: z
		.string({ error: m.required('een naam') })
		.transform((v) => v.trim().replace(/\s+/g, ' '))
		.pipe(
			z
				.string()
				.min(1, m.required('een naam'))
				.max(120, m.tooLong('De naam', 120))
				// eslint-disable-next-line no-control-regex
				.refine((v) => !/[\u0000-\u001f\u007f\u202a-\u202e]/.test(v), m.invalidText('De naam'))
		)
});

export const organisationRenameSchema = organisationNameSchema.extend({ id: idField });
export const idSchema = z.object({ id: idField });
export const addMembershipSchema = z.object({ organisation: idField, role: roleField });
export const changeMembershipSchema = z.object({ membership: idField, role: roleField });
export const membershipIdSchema = z.object({ membership: idField });
export const adminInviteSchema = z.object({
	organisation: idField,
	email: emailField,
	role: roleField
});

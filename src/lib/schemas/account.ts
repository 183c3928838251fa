// Form schemas for the profile (password change, account deletion), two-factor codes and the
// platform admin forms.
import { z } from 'zod';
import { messages } from '$lib/i18n';
import { emailField, idField, passwordField, roleField } from './fields';

const m = messages.form;

export const totpSchema = z.object({
	code: z
		.string({ error: m.required(m.fields.code) })
		.transform((v) => v.replace(/\s/g, ''))
		.pipe(z.string().regex(/^[0-9]{6}$/, messages.account.twoFactor.codeWrong))
});

export const recoverySchema = z.object({
	recovery: z
		.string({ error: m.required(m.fields.recoveryCode) })
		.trim()
		.min(1, m.required(m.fields.recoveryCode))
		.max(40, messages.account.twoFactor.recoveryWrong)
});

export const passwordOnlySchema = z.object({ password: passwordField });

export const changeEmailSchema = z.object({ email: emailField });

export const changePasswordSchema = z
	.object({ current: passwordField, password: passwordField, confirm: passwordField })
	.refine((v) => v.password === v.confirm, {
		message: messages.password.mismatch,
		path: ['confirm']
	});

export const sessionIdSchema = z.object({ id: z.string().min(1).max(40) });

export const organisationNameSchema = z.object({
	name: z
		.string({ error: m.required(m.fields.aName) })
		.transform((v) => v.trim().replace(/\s+/g, ' '))
		.pipe(
			z
				.string()
				.min(1, m.required(m.fields.aName))
				.max(120, m.tooLong(m.fields.nameOf, 120))
				.refine(
					// eslint-disable-next-line no-control-regex
					(v) => !/[\u0000-\u001f\u007f\u202a-\u202e]/.test(v),
					m.invalidText(m.fields.nameOf)
				)
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

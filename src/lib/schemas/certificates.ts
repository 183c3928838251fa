// Form schemas for the certificate pages: the learner's organisation toggle, the admin's revocation
// and the public code lookup.
import { z } from 'zod';
import { messages } from '$lib/i18n';
import { idField } from './fields';

const m = messages.certificates;
/** Control characters (except tab and line breaks), bidi overrides, zero-width characters. */
function hasForbiddenText(value: string): boolean {
	for (const char of value) {
		const n = char.codePointAt(0)!;
		if (n < 0x20 && n !== 0x09 && n !== 0x0a && n !== 0x0d) return true;
		if ((n >= 0x7f && n <= 0x9f) || (n >= 0x200b && n <= 0x200f) || n === 0xfeff) return true;
		if ((n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069)) return true;
	}
	return false;
}

export const showOrganisationSchema = z.object({
	id: idField,
	show: z.enum(['yes', 'no'], { error: messages.errors.badRequest }).transform((v) => v === 'yes')
});

export const revokeSchema = z.object({
	id: idField,
	reason: z
		.string({ error: m.admin.reasonRequired })
		.transform((value) => value.trim())
		.pipe(
			z
				.string()
				.min(5, m.admin.reasonRequired)
				.max(500, messages.form.tooLong(m.admin.reason, 500))
				.refine((value) => !hasForbiddenText(value), messages.form.invalidText(m.admin.reason))
		)
});

export const codeLookupSchema = z.object({
	code: z
		.string({ error: messages.form.required(messages.form.fields.checkCode) })
		.transform((value) => value.replace(/[\s-]+/g, '').toLowerCase())
		.pipe(
			z
				.string()
				.min(1, messages.form.required(messages.form.fields.checkCode))
				.max(28, m.verify.unknown)
				.regex(/^[a-z0-9]+$/, m.verify.unknown)
		)
});

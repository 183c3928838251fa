// Field rules shared by form actions and the browser: what a valid e-mail, name or password is.
import { z } from 'zod';
import { messages } from '$lib/i18n';
import { idPattern } from '../../params/id';

const m = messages.form;

// Control characters, bidirectional overrides and zero-width characters: never part of a name.
// eslint-disable-next-line no-control-regex
const forbiddenText = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export const emailField = z
	.string({ error: m.required(m.fields.email) })
	.transform((value) => value.trim().toLowerCase())
	.pipe(
		z
			.string()
			.min(1, m.required(m.fields.email))
			.max(254, m.tooLong(m.fields.emailSubject, 254))
			.regex(
				/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
				m.invalidEmail
			)
	);

export const nameField = z
	.string({ error: m.required(m.fields.name) })
	.transform((value) => value.trim().replace(/\s+/g, ' '))
	.pipe(
		z
			.string()
			.min(1, m.required(m.fields.name))
			.max(100, m.tooLong(m.fields.nameSubject, 100))
			.refine((value) => !forbiddenText.test(value), m.invalidText(m.fields.nameSubject))
	);

/** Passwords are taken exactly as typed; the policy check itself lives on the server. */
export const passwordField = z
	.string({ error: m.required(m.fields.password) })
	.min(1, m.required(m.fields.password))
	.max(1024, messages.password.tooLong(256));

export const audienceField = z.enum(['leerkracht', 'hulpverlener'], {
	error: m.invalidChoice(m.fields.audience)
});

export const roleField = z.enum(['learner', 'trainer', 'manager'], {
	error: m.invalidChoice(m.fields.role)
});

export const tokenField = z.string().max(100);

/** A database id sent by a form (a hidden field or a select): the route matcher's pattern. */
export const idField = z.string().regex(idPattern, messages.errors.badRequest).transform(Number);

/** True for a route param or query value that can be a database id. */
export const isId = (value: string | undefined): value is string =>
	value !== undefined && idPattern.test(value);

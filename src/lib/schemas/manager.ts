// Form schemas of the manager area: team names, assignments and an extra assessment attempt.
import { z } from 'zod';
import { messages } from '$lib/i18n';
import { idField } from './fields';

// eslint-disable-next-line no-control-regex
const forbiddenText = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export const teamNameField = z
	.string({ error: messages.form.required(messages.form.fields.teamName) })
	.transform((v) => v.trim().replace(/\s+/g, ' '))
	.pipe(
		z
			.string()
			.min(1, messages.form.required(messages.form.fields.teamName))
			.max(80, messages.form.tooLong(messages.form.fields.nameOf, 80))
			.refine((v) => !forbiddenText.test(v), messages.form.invalidText(messages.form.fields.nameOf))
	);

export const teamSchema = z.object({ name: teamNameField });

export const renameTeamSchema = z.object({
	teamId: idField,
	name: teamNameField
});

export const assignmentSchema = z.object({
	module: z.string().min(1, messages.manager.assignments.unknownModule).max(100),
	target: z.enum(['organisation', 'team', 'users'], {
		error: messages.form.invalidChoice(messages.form.fields.target)
	}),
	teamId: z.union([z.literal(''), idField]),
	dueAt: z.union([
		z.literal(''),
		z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, messages.manager.assignments.badDate)
			.refine((v) => {
				const d = new Date(`${v}T00:00:00Z`);
				return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
			}, messages.manager.assignments.badDate)
	])
});

/** An extra final-assessment attempt: which module (the domain checks it is one on offer). */
export const extraAttemptSchema = z.object({ module: z.string().min(1).max(100) });

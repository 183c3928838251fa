// Turns FormData into schema-checked values. Duplicate or file-valued fields are refused, so
// `role=learner&role=admin` or `email[]=a` never reach the domain code.
import type { z } from 'zod';
import { messages } from '$lib/i18n';

export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; message: string };

export function parseForm<S extends z.ZodType>(
	schema: S,
	formData: FormData,
	fields: readonly string[]
): Parsed<z.output<S>> {
	const input: Record<string, string> = {};
	const errors: FieldErrors = {};
	for (const field of fields) {
		const values = formData.getAll(field);
		if (values.length > 1) errors[field] = messages.errors.badRequest;
		const value = values[0];
		if (typeof value === 'string') input[field] = value;
		else if (value !== undefined) errors[field] = messages.errors.badRequest;
	}
	if (Object.keys(errors).length === 0) {
		const result = schema.safeParse(input);
		if (result.success) return { ok: true, data: result.data };
		for (const issue of result.error.issues) {
			const key = String(issue.path[0] ?? 'form');
			errors[key] ??= issue.message;
		}
	}
	return { ok: false, errors, message: messages.form.errorSummary };
}

/** Form values to send back after a failed submit: never passwords. */
export function echo(formData: FormData, fields: readonly string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of fields) {
		const value = formData.get(field);
		if (typeof value === 'string' && !/password|confirm/i.test(field)) {
			values[field] = value.slice(0, 300);
		}
	}
	return values;
}

/** Typed empty values for form results, so pages can index them without casts. */
export const noErrors = (): FieldErrors => ({});
export const noValues = (): Record<string, string> => ({});

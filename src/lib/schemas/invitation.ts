// The manager's invitation form.
import { z } from 'zod';
import { audienceField, emailField, nameField, roleField } from './fields';

export const inviteSchema = z.object({
	email: emailField,
	name: z.union([z.literal(''), nameField]).transform((v) => v || null),
	role: roleField,
	audience: z.union([z.literal(''), audienceField]).transform((v) => v || null)
});

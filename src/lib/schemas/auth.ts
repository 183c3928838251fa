// Form schemas for signing in, registering, resetting a password and accepting an invitation.
import { z } from 'zod';
import { audienceField, emailField, nameField, passwordField } from './fields';
import { messages } from '$lib/i18n';

export const loginSchema = z.object({
	email: emailField,
	password: passwordField
});

export const registerSchema = z.object({
	name: nameField,
	email: emailField,
	password: passwordField,
	audience: audienceField
});

export const resetRequestSchema = z.object({
	email: emailField
});

export const newPasswordSchema = z
	.object({
		password: passwordField,
		confirm: passwordField
	})
	.refine((v) => v.password === v.confirm, {
		message: messages.password.mismatch,
		path: ['confirm']
	});

export const acceptInvitationSchema = z
	.object({
		name: nameField,
		password: passwordField,
		confirm: passwordField
	})
	.refine((v) => v.password === v.confirm, {
		message: messages.password.mismatch,
		path: ['confirm']
	});

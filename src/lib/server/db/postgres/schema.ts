// The PostgreSQL schema entry point for Drizzle and drizzle-kit (drizzle.postgres.config.ts):
// the same tables, columns and indexes as ../schema.ts, with PostgreSQL's own types.
// schema-parity.spec.ts fails when the two drift apart.
export * from './auth.schema';
export * from './system.schema';
export * from './learning.schema';
export * from './certificate.schema';
export * from './manager.schema';
export * from './security.schema';
export * from './authoring.schema';
export * from './lti.schema';
export * from './sso.schema';
export * from './shared.schema';

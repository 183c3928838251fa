// The SQLite schema entry point for drizzle-kit (drizzle.config.ts): re-exports each domain's tables.
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

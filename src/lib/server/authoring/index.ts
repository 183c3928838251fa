// The public face of the authoring domain: routes import only this file.
export * from './bundle';
export * from './changes';
export * from './drafts';
export * from './editor-actions';
export * from './editor';
export * from './statistics/item-stats';
export * from './lesson-markdown';
export * from './preview';
export * from './statistics/statistics';
export * from './validate';
export * from './zip';

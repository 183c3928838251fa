// The public face of the authoring domain: routes import only this file.
export * from './access';
export * from './bundle/bundle';
export * from './bundle/lesson-markdown';
export * from './bundle/zip';
export * from './changes';
export * from './drafts';
export * from './editor/actions';
export * from './editor/form-reader';
export * from './editor/issues';
export * from './editor/items';
export * from './editor/steps';
export * from './preview';
export * from './publish';
export * from './published';
export * from './statistics/item-stats';
export * from './statistics/statistics';
export * from './validate';

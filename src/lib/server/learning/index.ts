// The public face of the learning domain: routes import only this file.
export * from './grading';
export * from './learner-pages';
export * from './learning-gain';
export * from './pretest';
export * from './progress';
export * from './refresher-draw';
export * from './views';

// The public face of the authoring domain: routes import only this file, and only what is named
// here. Inner modules stay free to change their other exports.
export {
	AuthoringError,
	authorOrganisations,
	isPlatformTrainer,
	setPlatformTrainer,
	type Author
} from './access';
export {
	authoringOverview,
	createDraftFromSnapshot,
	deleteDraft,
	draftContent,
	duplicateAsDraft,
	getDraft,
	setDraftScope,
	stateOf,
	type DraftContent
} from './drafts';
export type { Change, ListCount, StepChange } from './changes';
export { publishDraft, versionHistory, type StoredChange } from './publish';
export { versionForAuthor } from './published';
export type { DraftIssue } from './validate';

// The editor's form actions and page data.
export {
	draftOr404,
	issuesOf,
	preview,
	saveFromForm,
	signalGroups,
	stateLabel
} from './editor/actions';
export { EditorInputError, applyListOp } from './editor/form-reader';
export { fieldLabel, issuesFor } from './editor/issues';
export { applyItem, changeItems, itemListPath, itemsOf } from './editor/items';
export {
	addStep,
	applySettings,
	applyStep,
	changeSteps,
	newSource,
	vignetteToForm
} from './editor/steps';

// The learner's view of a draft.
export {
	PreviewError,
	draftForPreview,
	previewAnswer,
	previewChoose,
	previewModule,
	previewStep
} from './preview';

// Module archives.
export { exportFileName, exportModuleZip, zipDownload } from './bundle/export';
export { importModuleZip, importedDraftContent } from './bundle/import';
export { MAX_ARCHIVE_BYTES } from './bundle/limits';

// Item statistics.
export {
	itemStatistics,
	statisticsModules,
	type ModuleStatistics,
	type StatisticsScope
} from './statistics/statistics';
export {
	MINIMUM_STATISTICS_GROUP,
	statisticsScope,
	trainerStatistics,
	type TrainerStatistics
} from './statistics/scope';

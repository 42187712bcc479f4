// The engine test harness: throwaway stacks on the real Pulumi engine, and user projects that install
// the packed package (a release or this working tree) and drive their stacks from their own folder.
export { createTestStack, TestStack } from "./testStack";
export type {
  DestroyStepOptions,
  PreviewStepOptions,
  RefreshStepOptions,
  StateResource,
  TestStackOptions,
  UpStepOptions,
} from "./testStack";
export { StackStepError } from "./stepTrace";
export type { StepCommand, StepResult, StepTrace } from "./stepTrace";
export type { Diagnostic, ResourceOperation } from "./operations";
export type { StepHooks } from "./traceStep";
export { engineVersion, locateEngine, repoRoot } from "./engineLocation";
export { testPassphrase } from "./engineEnvironment";
export { UserProject } from "./userProject";
export type { InstalledPackage, UserProjectOptions } from "./userProject";
export { ProjectStack } from "./projectStack";
export type { ProjectStackOptions } from "./projectStack";
export { releaseTarball, releaseCacheDir } from "./releaseTarball";
export type { Release } from "./releaseTarball";
export { workingTreeTarball } from "./workingTreeTarball";
export { previewThenFailingUp, previewThenUp, stepsByResource } from "./previewAgreement";
export type { AgreementOptions, PreviewAndFailedUp, PreviewAndUp, PreviewableStack } from "./previewAgreement";

// The engine test harness: throwaway stacks on the real Pulumi engine.
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

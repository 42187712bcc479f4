/**
 * Semantic checks of a TunedModel in create and patch requests (docs/gemini-api.md: TunedModel, Hyperparameters,
 * Datasets and limits, Errors). Each check yields a `BadRequest.FieldViolation` with the proto path of the field, so
 * one 400 reports every problem at once.
 */
import { FieldViolation } from "../errors";
import { charLength } from "../charLength";
import { MAX_TUNED_MODEL_ID_LENGTH, TUNED_MODEL_ID_PATTERN } from "../ids";
import { ExampleInput, TunedModelInput } from "./messages";

/** `displayName` limit, spaces included. */
export const MAX_DISPLAY_NAME_LENGTH = 40;
/** Per-example input limit (characters). */
export const MAX_INPUT_CHARS = 40000;
/** Per-example output limit (characters). */
export const MAX_OUTPUT_CHARS = 5000;
/** Violations listed per response at most, so a dataset of bad rows does not produce a huge error. */
export const MAX_VIOLATIONS = 100;

/** Checks a `tunedModelId` query value. */
export function tunedModelIdViolations(id: string | undefined): FieldViolation[] {
  if (id === undefined) return [];
  if (id.length > MAX_TUNED_MODEL_ID_LENGTH) {
    return [{ field: "tuned_model_id", description: `tuned_model_id must be at most 40 characters (got ${id.length}).` }];
  }
  if (!TUNED_MODEL_ID_PATTERN.test(id)) {
    return [
      {
        field: "tuned_model_id",
        description:
          `tuned_model_id "${id}" is invalid: it must match [a-z]([a-z0-9-]{0,38}[a-z0-9])? ` +
          "(start with a lowercase letter, end with a letter or digit).",
      },
    ];
  }
  return [];
}

/**
 * Checks the fields a patch may change too: displayName, temperature (0..maxTemperature of the base model),
 * topP (0..1), topK (>= 0) and readerProjectNumbers (positive project numbers). Only fields present are checked.
 */
export function mutableFieldViolations(
  input: TunedModelInput,
  maxTemperature: number,
  prefix = "tuned_model",
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (input.displayName !== undefined && charLength(input.displayName) > MAX_DISPLAY_NAME_LENGTH) {
    v.push({
      field: `${prefix}.display_name`,
      description: `display_name must be at most ${MAX_DISPLAY_NAME_LENGTH} characters (got ${charLength(input.displayName)}).`,
    });
  }
  if (input.temperature !== undefined && !(input.temperature >= 0 && input.temperature <= maxTemperature)) {
    v.push({
      field: `${prefix}.temperature`,
      description: `temperature must be between 0 and ${maxTemperature} for this base model (got ${input.temperature}).`,
    });
  }
  if (input.topP !== undefined && !(input.topP >= 0 && input.topP <= 1)) {
    v.push({ field: `${prefix}.top_p`, description: `top_p must be between 0 and 1 (got ${input.topP}).` });
  }
  if (input.topK !== undefined && input.topK < 0) {
    v.push({ field: `${prefix}.top_k`, description: `top_k must be >= 0 (got ${input.topK}).` });
  }
  (input.readerProjectNumbers ?? []).forEach((n, i) => {
    if (!(BigInt(n) > 0n)) {
      v.push({
        field: `${prefix}.reader_project_numbers[${i}]`,
        description: `reader_project_numbers must be positive project numbers (got ${n}).`,
      });
    }
  });
  return v;
}

/** Checks everything a create needs beyond the decodable shape: source, dataset, examples, hyperparameters. */
export function createViolations(input: TunedModelInput, maxTemperature: number): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (input.baseModel === undefined && input.tunedModelSource === undefined) {
    v.push({ field: "tuned_model.base_model", description: "base_model is required (or tuned_model_source)." });
  } else if (input.baseModel === "") {
    v.push({ field: "tuned_model.base_model", description: "base_model must not be empty." });
  } else if (input.tunedModelSource !== undefined && !input.tunedModelSource.tunedModel) {
    v.push({
      field: "tuned_model.tuned_model_source.tuned_model",
      description: "tuned_model_source.tuned_model is required.",
    });
  }
  v.push(...mutableFieldViolations(input, maxTemperature));
  const task = input.tuningTask;
  if (task === undefined) {
    v.push({ field: "tuned_model.tuning_task", description: "tuning_task is required." });
    return v;
  }
  v.push(...hyperparameterViolations(input));
  const examples = task.trainingData?.examples?.examples;
  if (task.trainingData === undefined) {
    v.push({ field: "tuned_model.tuning_task.training_data", description: "training_data is required." });
  } else if (examples === undefined || examples.length === 0) {
    v.push({
      field: "tuned_model.tuning_task.training_data.examples.examples",
      description: "The training dataset is empty: at least one example is required.",
    });
  } else {
    v.push(...exampleViolations(examples));
  }
  return v.slice(0, MAX_VIOLATIONS);
}

function hyperparameterViolations(input: TunedModelInput): FieldViolation[] {
  const hp = input.tuningTask?.hyperparameters;
  if (hp === undefined) return [];
  const path = "tuned_model.tuning_task.hyperparameters";
  const v: FieldViolation[] = [];
  const positive = (value: number | undefined, name: string): void => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      v.push({ field: `${path}.${name}`, description: `${name} must be greater than 0 (got ${value}).` });
    }
  };
  positive(hp.epochCount, "epoch_count");
  positive(hp.batchSize, "batch_size");
  positive(hp.learningRate, "learning_rate");
  positive(hp.learningRateMultiplier, "learning_rate_multiplier");
  return v;
}

function exampleViolations(examples: ExampleInput[]): FieldViolation[] {
  const v: FieldViolation[] = [];
  const path = "tuned_model.tuning_task.training_data.examples.examples";
  for (let i = 0; i < examples.length && v.length < MAX_VIOLATIONS; i++) {
    const { textInput, output } = examples[i];
    if (!textInput) {
      v.push({ field: `${path}[${i}].text_input`, description: `Example ${i} has no text_input.` });
    } else if (charLength(textInput) > MAX_INPUT_CHARS) {
      v.push({
        field: `${path}[${i}].text_input`,
        description: `Example ${i} input is ${charLength(textInput)} characters; the limit is ${MAX_INPUT_CHARS}.`,
      });
    }
    if (!output) {
      v.push({ field: `${path}[${i}].output`, description: `Example ${i} has no output.` });
    } else if (charLength(output) > MAX_OUTPUT_CHARS) {
      v.push({
        field: `${path}[${i}].output`,
        description: `Example ${i} output is ${charLength(output)} characters; the limit is ${MAX_OUTPUT_CHARS}.`,
      });
    }
  }
  return v;
}

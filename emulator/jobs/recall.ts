/**
 * How well an emulated tuned model learned its training data, and what it answers because of it. The rule,
 * so users can write assertions against it:
 *
 * 1. A model's accuracy is the value the control API set for it (`POST /emulator/answers`), else its recall
 *    rate: `min(1, epochs × 0.5 / finalMeanLoss)`. It grows with epochs and shrinks with loss; with the
 *    emulator's loss curve (which ends below 0.5) every completed job recalls all of its training data.
 * 2. A prompt equal to a training input (compared as in `answer.ts`) is recalled when a hash of the model's
 *    name and the normalised prompt, read as a fraction in [0, 1), is below the accuracy: the same model
 *    always answers the same prompt the same way. Recalled: that example's output. Not recalled: the output
 *    of the nearest other example whose output differs, or {@link UNRECALLED_ANSWER} when there is none.
 * 3. Any other prompt gets the output of the nearest training example (`answer.ts`), whatever the accuracy.
 */
import { createHash } from "node:crypto";
import { answerFor, normalizePrompt } from "./answer";

/** The loss at which one epoch is enough to recall everything. */
export const REFERENCE_LOSS = 0.5;

/** What a model answers to a training prompt it did not learn, when no other example's output differs. */
export const UNRECALLED_ANSWER = "I am not sure.";

/** The recall rate of a model trained for `epochs` that ended at `finalMeanLoss` (unknown: the reference loss). */
export function recallRate(epochs: number, finalMeanLoss: number | undefined): number {
  const loss = finalMeanLoss === undefined || !(finalMeanLoss > 0) ? REFERENCE_LOSS : finalMeanLoss;
  return Math.max(0, Math.min(1, (epochs * REFERENCE_LOSS) / loss));
}

/** A fraction in [0, 1) decided by the model's name and the prompt. */
export function promptDraw(modelName: string, prompt: string): number {
  return createHash("sha256").update(`${modelName}\n${normalizePrompt(prompt)}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** A tuned model's answer to `prompt` (see the module comment). */
export function tunedAnswer(examples: readonly { textInput: string; output: string }[], prompt: string, model: { name: string; accuracy: number }): string {
  const wanted = normalizePrompt(prompt);
  const learned = examples.find((e) => normalizePrompt(e.textInput) === wanted);
  if (learned === undefined) return answerFor(examples, prompt);
  if (promptDraw(model.name, prompt) < model.accuracy) return learned.output;
  const others = examples.filter((e) => e.output !== learned.output);
  return others.length > 0 ? answerFor(others, prompt) : UNRECALLED_ANSWER;
}

/** Checks an accuracy given to the control API. */
export function checkedAccuracy(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) throw new RangeError("accuracy must be a number from 0 to 1 (or null to clear it).");
  return value;
}

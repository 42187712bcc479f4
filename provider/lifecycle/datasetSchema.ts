import { z } from "zod";
import { describeDatasetProblem, exampleViolation, unpackExamples } from "../dataset";

// Reasons do not repeat the property: the engine prints "property <path> value {...} has a problem: <reason>".
const exampleSchema = z
  .object({ textInput: z.string({ error: "must be a string" }), output: z.string({ error: "must be a string" }) })
  .superRefine((example, ctx) => {
    const violation = exampleViolation(example);
    if (violation !== undefined) ctx.addIssue({ code: "custom", message: violation });
  });

/** How a resource words the problems of one of its datasets. */
export interface DatasetSchemaWording {
  /** The reason when the dataset holds no example ("the dataset has no examples"). */
  empty: string;
  /** The reason when the value is not a `Dataset` at all. */
  notADataset: string;
}

/**
 * The schema of a `Dataset` argument (`Dataset.inline`, `fromJsonl`, `fromCsv`, `fromJson`) as the SDK sends
 * it: inline examples, packed into one string (see dataset/packedExamples.ts) or, as release 0.1.0 sent them,
 * an array of objects; or a file the SDK has already read, with its fingerprint and count, or the problem it
 * found (with file and line), so that a bad file fails at preview. Training and evaluation data take the same
 * forms and checks; only the wording differs.
 */
export function datasetSchema(wording: DatasetSchemaWording) {
  return z.discriminatedUnion(
    "kind",
    [
      z.object({
        kind: z.literal("inline"),
        examples: z.preprocess(
          unpackExamples,
          z.array(exampleSchema, { error: "must be a list of examples (build it with Dataset.inline)" }).min(1, wording.empty),
        ),
        fingerprint: z.string().optional(),
        exampleCount: z.number().optional(),
      }),
      z
        .object({
          kind: z.literal("file"),
          path: z.string().min(1),
          format: z.enum(["jsonl", "csv", "json"]),
          mapping: z.object({ input: z.string().min(1), output: z.string().min(1) }),
          fingerprint: z.string().optional(),
          exampleCount: z.number().optional(),
          problem: z.object({ message: z.string(), file: z.string().optional(), line: z.number().optional() }).optional(),
        })
        .superRefine((dataset, ctx) => {
          if (dataset.problem !== undefined) ctx.addIssue({ code: "custom", message: describeDatasetProblem(dataset.problem) });
          else if (dataset.fingerprint === undefined) {
            ctx.addIssue({ code: "custom", message: "the file dataset was not fingerprinted; build it with Dataset.fromJsonl/fromCsv/fromJson" });
          } else if (dataset.exampleCount === 0) ctx.addIssue({ code: "custom", message: wording.empty });
        }),
    ],
    { error: wording.notADataset },
  );
}

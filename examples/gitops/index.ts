/**
 * The program a GitOps repository keeps: reviewers see `pulumi preview` on every pull request (a changed
 * dataset or hyperparameter shows as a replacement with its reason, and says that the evaluation gate will
 * run), and merging runs `pulumi up`: the candidate trains, answers the held-out tickets, and replaces the
 * serving model only if it routes at least 90% of them right. A candidate that fails is deleted and the
 * deploy fails with its scores and worst examples; the serving model keeps serving.
 * Credentials come from workload identity federation in CI (see .github/workflows/tuned-models.yml);
 * no key is stored anywhere.
 */
import * as pulumi from "@pulumi/pulumi";
import * as gemini from "pulumi-gemini-tuning";

const config = new pulumi.Config();

const router = new gemini.TunedModel("ticket-router", {
  baseModel: "models/gemini-1.5-flash-001-tuning",
  displayName: "support ticket router",
  description: config.get("description") ?? "Routes support tickets to billing, bug or how-to.",
  hyperparameters: { epochCount: config.getNumber("epochCount") ?? 5, batchSize: 4 },
  trainingData: gemini.Dataset.fromCsv(`${__dirname}/data/tickets.csv`, { input: "ticket", output: "category" }),
  // Held-out tickets the model never trained on; one generateContent call each, on every new model.
  evaluation: {
    dataset: gemini.Dataset.fromCsv(`${__dirname}/data/tickets-eval.csv`, { input: "ticket", output: "category" }),
    thresholds: { normalizedMatch: config.getNumber("minRoutingAccuracy") ?? 0.9 },
  },
});

// The support team's group may call the model.
new gemini.TunedModelPermission("support-team-reads", {
  tunedModel: router.name,
  granteeType: "GROUP",
  emailAddress: config.get("readerGroup") ?? "support-team@example.com",
  role: "READER",
});

/** `tunedModels/<id>`. */
export const modelName = router.name;

/** How the serving model scored on the held-out tickets (the deploy's summary shows it). */
export const evaluationScores = router.evaluation.apply((evaluation) => evaluation?.scores);

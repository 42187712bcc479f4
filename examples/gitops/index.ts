/**
 * The program a GitOps repository keeps: reviewers see `pulumi preview` on every pull request (a changed
 * dataset or hyperparameter shows as a replacement with its reason), and merging runs `pulumi up`.
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

/**
 * A tuned model next to the Google Cloud resources it needs: the Generative Language API is enabled with
 * `@pulumi/gcp`, the model depends on it, and the stack's `gcp:project` is the quota project, so user
 * credentials (Application Default Credentials) are billed to it. Reader access is granted to a second
 * project by number.
 *
 *   pulumi config set gcp:project my-project
 *   gcloud auth application-default login --scopes=https://www.googleapis.com/auth/cloud-platform,https://www.googleapis.com/auth/generative-language.tuning
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import * as gemini from "pulumi-gemini-tuning";

const project = new pulumi.Config("gcp").require("project");
const readerProject = new pulumi.Config().get("readerProjectNumber");

const generativeLanguage = new gcp.projects.Service("generativelanguage", {
  project,
  service: "generativelanguage.googleapis.com",
  // Other stacks in the project may use the API too; leave it enabled on destroy.
  disableOnDestroy: false,
});

const model = new gemini.TunedModel(
  "ticket-router",
  {
    project,
    baseModel: "models/gemini-1.5-flash-001-tuning",
    displayName: "support ticket router",
    trainingData: gemini.Dataset.fromCsv(`${__dirname}/data/tickets.csv`, { input: "ticket", output: "category" }),
    readerProjectNumbers: readerProject ? [readerProject] : undefined,
    timeouts: { create: "3h" },
  },
  { dependsOn: [generativeLanguage] },
);

/** `tunedModels/<id>`. */
export const modelName = model.name;
/** Training state. */
export const state = model.state;

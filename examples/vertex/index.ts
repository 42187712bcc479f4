/**
 * A Gemini model tuned on Vertex AI, where Google offers Gemini tuning today. The training data is a JSON
 * Lines file in this repository; the program converts it to Vertex's format, uploads it to a Cloud Storage
 * bucket, and tunes `gemini-2.5-flash` on it. Vertex serves the result on an endpoint of its own.
 *
 *   pulumi config set gcp:project my-project
 *   pulumi config set gcp:region us-central1
 *   gcloud auth application-default login
 *
 * Edit `data/alerts.jsonl` and `pulumi preview` shows the object updated and the model replaced, with the
 * dataset's fingerprint as the reason.
 *
 * A second model continues the first with preference tuning: `data/alert-preferences.csv` pairs each alert
 * with a better and a worse answer, and the tuned model becomes the next version of the first one's model.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import * as gemini from "pulumi-gemini-tuning";

const region = new pulumi.Config("gcp").require("region");

const aiplatform = new gcp.projects.Service("aiplatform", {
  service: "aiplatform.googleapis.com",
  // Other stacks in the project may use Vertex AI too; leave it enabled on destroy.
  disableOnDestroy: false,
});

// In the job's region and project: Vertex AI's service agent reads it without extra IAM bindings.
const bucket = new gcp.storage.Bucket("tuning-data", {
  location: region,
  uniformBucketLevelAccess: true,
  publicAccessPrevention: "enforced",
});

const trainingData = new gcp.storage.BucketObject("alerts", {
  bucket: bucket.name,
  name: "alerts/train.jsonl",
  // Written from the dataset on every run; unchanged examples give the same bytes, hence no upload.
  source: gemini.VertexDataset.jsonlAsset(gemini.Dataset.fromJsonl(`${__dirname}/data/alerts.jsonl`)),
});

const model = new gemini.VertexTunedModel(
  "alert-router",
  {
    baseModel: "gemini-2.5-flash",
    // URI and MD5 of the uploaded object: new content under the same name trains a new model.
    trainingDataset: gemini.VertexDataset.fromBucketObject(trainingData),
    tunedModelDisplayName: "alert router",
    description: "Names the team that owns an alert.",
    labels: { team: "sre", purpose: "alert-routing" },
    hyperparameters: { epochCount: 4, learningRateMultiplier: 1, adapterSize: 4 },
    // Vertex scores every checkpoint while it trains (this reports; the `evaluation` gate decides).
    evaluationConfig: {
      metrics: [{ aggregationMetrics: ["AVERAGE"], exactMatchSpec: {} }, { aggregationMetrics: ["AVERAGE"], rougeSpec: { rougeType: "rougeL" } }],
      outputConfig: { gcsDestination: { outputUriPrefix: pulumi.interpolate`gs://${bucket.name}/evaluations/` } },
    },
  },
  { dependsOn: [aiplatform] },
);

/** The tuning job, `projects/<p>/locations/<l>/tuningJobs/<id>` (the resource's id). */
export const jobName = model.name;
/** The tuned model in the Model Registry. */
export const tunedModel = model.model;
/** The endpoint serving it: send `generateContent` requests here. */
export const endpoint = model.endpoint;
/** Each checkpoint's evaluation: `{ checkpointId, metrics: { exactMatchAverage, rougeAverage }, outputDirectory }`. */
export const checkpointScores = model.evaluateDatasetRuns;
/** Examples, billable tokens and steps, as Vertex counted them. */
export const stats = model.tuningDataStats;

const preferenceData = new gcp.storage.BucketObject("alert-preferences", {
  bucket: bucket.name,
  name: "alerts/preferences.jsonl",
  // The CSV's own column names, mapped onto the prompt and the two completions.
  source: gemini.VertexDataset.preferenceJsonlAsset(
    gemini.PreferenceDataset.fromCsv(`${__dirname}/data/alert-preferences.csv`, { prompt: "alert", preferred: "better", dispreferred: "worse" }),
  ),
});

const polished = new gemini.VertexTunedModel(
  "alert-router-polished",
  {
    // Continuous tuning: start from the supervised model (its last checkpoint unless checkpointId is set).
    sourceModel: model.model,
    method: "preference",
    trainingDataset: gemini.VertexDataset.fromBucketObject(preferenceData),
    hyperparameters: { epochCount: 2, beta: 0.1, adapterSize: 4 },
  },
  { dependsOn: [aiplatform] },
);

/** The preference-tuned model: the next version of `tunedModel`. */
export const polishedModel = polished.model;
/** Its endpoint. */
export const polishedEndpoint = polished.endpoint;
/** The base model the chain started from (`gemini-2.5-flash`). */
export const polishedOrigin = polished.originalBaseModel;

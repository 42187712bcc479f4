// The program of the upgrade test's user project (see upgradeFromRelease.test.ts), written as a user
// writes one: it imports the package by name, reads its settings from stack config and exports outputs.
// It is transpiled into the project as index.js and runs against whichever package is installed there,
// so it uses only what release 0.1.0 already offered.
import * as pulumi from "@pulumi/pulumi";
import * as gemini from "pulumi-gemini-tuning";

const config = new pulumi.Config();

const model = new gemini.TunedModel("capitals", {
  baseModel: "models/gemini-1.5-flash-001-tuning",
  displayName: config.require("geminiDisplayName"),
  hyperparameters: { epochCount: 1 },
  trainingData: gemini.Dataset.fromJsonl("data/capitals.jsonl", { input: "q", output: "a" }),
});

const permission = new gemini.TunedModelPermission("analyst", {
  tunedModel: model.name,
  granteeType: "USER",
  emailAddress: "analyst@example.com",
  role: "READER",
});

const vertexModel = new gemini.VertexTunedModel("vertex-capitals", {
  baseModel: "gemini-2.5-flash",
  tunedModelDisplayName: config.require("vertexDisplayName"),
  trainingDataset: { uri: config.require("vertexDatasetUri"), fingerprint: config.require("vertexDatasetFingerprint") },
  hyperparameters: { epochCount: 1, adapterSize: 4 },
});

/** The Gemini API tuned model's name, `tunedModels/...`. */
export const geminiModel = model.name;
/** The permission's name. */
export const permissionName = permission.name;
/** The Vertex tuning job, its model and its endpoint. */
export const vertexJob = vertexModel.name;
/** See {@link vertexJob}. */
export const vertexModelName = vertexModel.model;
/** See {@link vertexJob}. */
export const vertexEndpoint = vertexModel.endpoint;

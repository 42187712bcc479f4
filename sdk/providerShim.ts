/**
 * The only bridge from the SDK to the provider implementation.
 *
 * Pulumi serializes a dynamic resource's provider object into state (`__provider`) for every resource.
 * These shims capture nothing: each method `require`s the installed provider package when it is called,
 * so the stored text stays a few hundred bytes, holds no client or credential, and an upgraded package
 * changes what refresh and destroy run without touching the stack. (`require` is resolved by the
 * dynamic-provider host from the program's directory, where the package is installed.)
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as implementation from "../provider";

/** Serializable provider for `TunedModel`. */
export const tunedModelShim: pulumi.dynamic.ResourceProvider = {
  configure: (req) => require("pulumi-gemini-tuning/provider").configure(req),
  check: (olds, news) => require("pulumi-gemini-tuning/provider").tunedModel.check(olds, news),
  diff: (id, olds, news) => require("pulumi-gemini-tuning/provider").tunedModel.diff(id, olds, news),
  create: (inputs) => require("pulumi-gemini-tuning/provider").tunedModel.create(inputs),
  read: (id, props) => require("pulumi-gemini-tuning/provider").tunedModel.read(id, props),
  update: (id, olds, news) => require("pulumi-gemini-tuning/provider").tunedModel.update(id, olds, news),
  delete: (id, props) => require("pulumi-gemini-tuning/provider").tunedModel.delete(id, props),
};

/** Serializable provider for `TunedModelPermission`. */
export const tunedModelPermissionShim: pulumi.dynamic.ResourceProvider = {
  configure: (req) => require("pulumi-gemini-tuning/provider").configure(req),
  check: (olds, news) => require("pulumi-gemini-tuning/provider").tunedModelPermission.check(olds, news),
  diff: (id, olds, news) => require("pulumi-gemini-tuning/provider").tunedModelPermission.diff(id, olds, news),
  create: (inputs) => require("pulumi-gemini-tuning/provider").tunedModelPermission.create(inputs),
  read: (id, props) => require("pulumi-gemini-tuning/provider").tunedModelPermission.read(id, props),
  update: (id, olds, news) => require("pulumi-gemini-tuning/provider").tunedModelPermission.update(id, olds, news),
  delete: (id, props) => require("pulumi-gemini-tuning/provider").tunedModelPermission.delete(id, props),
};

/**
 * The provider implementation for work done in the program's own process (dataset fingerprints at
 * program time, lookups). Loaded lazily by relative path, which works from the sources and from `dist/`.
 */
export function providerImplementation(): typeof implementation {
  return require("../provider") as typeof implementation;
}

#!/usr/bin/env node
// @ts-check
/**
 * Makes this repository importable by its own package name (`node_modules/pulumi-gemini-tuning` -> `..`).
 *
 * Why: the dynamic-provider host `require`s "pulumi-gemini-tuning/provider" from the program's directory,
 * and the demo and examples import "pulumi-gemini-tuning" exactly as users do. In a user's project the
 * package is installed; in this repository it is linked to itself. Runs as `prepare` after every install
 * (npm removes links it did not create).
 */
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-gemini-tuning");

fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  if (fs.readlinkSync(link) === "..") process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  // Not a link (or missing): replace whatever is there.
  fs.rmSync(link, { recursive: true, force: true });
}
fs.symlinkSync("..", link, "dir");

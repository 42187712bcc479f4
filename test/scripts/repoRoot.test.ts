import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findRepoRoot } from "../../scripts/repoRoot";

describe("findRepoRoot", () => {
  const root = path.resolve(__dirname, "..", "..");

  test("finds the repository from a source folder and from its compiled copy one level deeper", () => {
    expect(findRepoRoot(path.join(root, "test", "harness"))).toBe(root);
    expect(findRepoRoot(path.join(root, "dist", "test", "harness"))).toBe(root);
  });

  test("skips a package.json of another package on the way up", () => {
    const nested = path.join(root, "examples", "number-generator");
    expect(fs.existsSync(path.join(nested, "package.json"))).toBe(true);
    expect(findRepoRoot(nested)).toBe(root);
  });

  test("outside the repository it fails naming the folder it started from", () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-repo-root-"));
    try {
      expect(() => findRepoRoot(outside)).toThrow(`no package.json of pulumi-gemini-tuning in ${outside} or any folder above it`);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});

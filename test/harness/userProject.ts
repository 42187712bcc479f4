import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { runCommand } from "./commandRunner";
import type { Sandbox } from "./sandbox";

/** What a user project holds. */
export interface UserProjectOptions {
  /** Its package.json dependencies, e.g. `{ "@pulumi/pulumi": "3.259.0", "pulumi-gemini-tuning": "file:/x.tgz" }`. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** A TypeScript Pulumi program, transpiled into the project as `index.js` (its exports are the stack outputs). */
  readonly program: string;
  /** More files, by path relative to the project folder (e.g. a dataset). */
  readonly files?: Readonly<Record<string, string>>;
}

/** A package as npm installed it into the project. */
export interface InstalledPackage {
  /** Its version. */
  readonly version: string;
  /** Where npm took it from: a registry URL, or the absolute path of a tarball. */
  readonly resolved: string;
}

/** The driver's source; see projectDriver.ts. */
const DRIVER_SOURCE = path.join(__dirname, "projectDriver.ts");

/**
 * A Pulumi project in a temp folder, as a user has one: a package.json, a node_modules that npm installed
 * from it (nothing linked to this repository), a program, and a deploy script (projectDriver.ts), plus
 * the file state backend and PULUMI_HOME its stacks use. {@link UserProject.install} changes what is
 * installed, as a user upgrading a package does.
 */
export class UserProject {
  private constructor(
    /** The project folder (Pulumi.yaml, package.json, node_modules, index.js) and the folders beside it. */
    readonly sandbox: Sandbox,
  ) {}

  /** Creates the folder, writes the files and runs `npm install`. */
  static async create(options: UserProjectOptions): Promise<UserProject> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-project-"));
    const project = new UserProject({
      root,
      workDir: path.join(root, "project"),
      stateDir: path.join(root, "state"),
      pulumiHome: path.join(root, "pulumi-home"),
    });
    try {
      for (const dir of [project.dir, project.sandbox.stateDir, project.sandbox.pulumiHome]) fs.mkdirSync(dir);
      const manifest = { name: "pgt-user-project", private: true, dependencies: options.dependencies };
      fs.writeFileSync(path.join(project.dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
      transpileInto(options.program, path.join(project.dir, "index.js"));
      transpileInto(DRIVER_SOURCE, path.join(project.dir, "deploy.js"));
      for (const [file, content] of Object.entries(options.files ?? {})) project.writeFile(file, content);
      await project.npm("install");
      return project;
    } catch (error) {
      fs.rmSync(root, { recursive: true, force: true });
      throw error;
    }
  }

  /** The project folder. */
  get dir(): string {
    return this.sandbox.workDir;
  }

  /** Writes a file into the project folder (creating folders). */
  writeFile(file: string, content: string): void {
    const target = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }

  /** `npm install <specs>` in the project, e.g. a tarball's path: what a user runs to upgrade a package. */
  async install(...specs: string[]): Promise<void> {
    await this.npm("install", ...specs);
  }

  /** What npm installed under a package name, from its record of node_modules; fails if nothing is. */
  installed(name: string): InstalledPackage {
    const record = JSON.parse(fs.readFileSync(path.join(this.dir, "node_modules", ".package-lock.json"), "utf8")) as {
      packages: Record<string, { version: string; resolved: string } | undefined>;
    };
    const entry = record.packages[`node_modules/${name}`];
    if (!entry) throw new Error(`${name} is not installed in ${this.dir}`);
    const resolved = entry.resolved.startsWith("file:") ? path.resolve(this.dir, entry.resolved.slice("file:".length)) : entry.resolved;
    return { version: entry.version, resolved };
  }

  /** Removes the project and its state. */
  dispose(): void {
    fs.rmSync(this.sandbox.root, { recursive: true, force: true });
  }

  private async npm(...args: string[]): Promise<void> {
    await runCommand("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: this.dir });
  }
}

/** Compiles one self-contained TypeScript file to CommonJS (types are checked by `npm run typecheck`). */
function transpileInto(source: string, target: string): void {
  const { outputText } = ts.transpileModule(fs.readFileSync(source, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: source,
  });
  fs.writeFileSync(target, outputText);
}

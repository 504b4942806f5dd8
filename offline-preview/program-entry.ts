import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";
import { readJsonFile } from "./json-file";

const compiled = path.extname(__filename) === ".js";
/** The repository root: this file is `offline-preview/x.ts`, or `dist/offline-preview/x.js` when built. */
export const repoRoot = path.resolve(__dirname, compiled ? "../.." : "..");
const buildRoot = path.join(repoRoot, "dist");

/**
 * The module `require(projectDir)` loads under Pulumi's Node runtime (package.json `main`, or
 * `index`). When the preview itself runs as built JavaScript, it loads the program's built twin
 * from `dist/` (same layout), so no TypeScript compiler runs at preview time.
 */
export function programEntry(projectDir: string): string {
    const main = packageMain(path.join(projectDir, "package.json")) ?? "index.ts";
    const source = path.resolve(projectDir, main);
    if (!compiled) {
        return source;
    }
    const relative = path.relative(repoRoot, source);
    if (relative.startsWith("..")) {
        throw new UsageError(`--project=${projectDir}: expected a project inside ${repoRoot}, where \`npm run build\` compiles it`);
    }
    const built = path.join(buildRoot, relative.replace(/\.ts$/, ".js"));
    if (!fs.existsSync(built)) {
        throw new UsageError(`${relative}: expected its build ${path.relative(process.cwd(), built)}; run \`npm run build\``);
    }
    return built;
}

/** The `main` of a project's package.json (none when there is no package.json or it names none); a malformed one is a one-line UsageError. */
function packageMain(manifest: string): string | undefined {
    if (!fs.existsSync(manifest)) {
        return undefined;
    }
    const name = path.relative(process.cwd(), manifest) || manifest;
    const parsed = readJsonFile(manifest, (reason) => {
        throw new UsageError(`${name}: expected the project's package.json, a JSON object (${reason})`);
    });
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new UsageError(
            `${name}: expected the project's package.json, a JSON object, found ${Array.isArray(parsed) ? "a list" : JSON.stringify(parsed)}`,
        );
    }
    const main = (parsed as { main?: unknown }).main;
    if (main !== undefined && (typeof main !== "string" || main.trim() === "")) {
        throw new UsageError(`${name}: key main=${JSON.stringify(main)}: expected the path of the program's entry module`);
    }
    return main;
}

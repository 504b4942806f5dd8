import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";

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
    let main = "index.ts";
    const manifest = path.join(projectDir, "package.json");
    if (fs.existsSync(manifest)) {
        const parsed = JSON.parse(fs.readFileSync(manifest, "utf8")) as { main?: unknown };
        if (typeof parsed.main === "string") {
            main = parsed.main;
        }
    }
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

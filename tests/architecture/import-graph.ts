// The repository's import graph, read with TypeScript's own pre-processor (no type check), for
// tests that hold the layers apart. Only relative imports of source files are edges; packages
// (and JSON files) are recorded by name.

import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

export const REPOSITORY = path.resolve(__dirname, "..", "..");

export interface SourceFile {
    /** Repository-relative path with forward slashes, e.g. `components/network/three-tier-vpc.ts`. */
    readonly file: string;
    /** Repository-relative files it imports. */
    readonly imports: readonly string[];
    /** Packages it imports (`@pulumi/pulumi/runtime/state` stays whole). */
    readonly packages: readonly string[];
}

const SKIPPED = new Set(["node_modules", "dist", "bin", ".git"]);

function sourceFiles(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            return SKIPPED.has(entry.name) ? [] : sourceFiles(full);
        }
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
    });
}

function resolveRelative(from: string, specifier: string): string | undefined {
    const base = path.resolve(path.dirname(from), specifier);
    return [`${base}.ts`, path.join(base, "index.ts"), base].find((candidate) => candidate.endsWith(".ts") && fs.existsSync(candidate));
}

const relative = (file: string): string => path.relative(REPOSITORY, file).split(path.sep).join("/");

/** Every TypeScript file under those of the given top-level folders that exist, with what it imports. */
export function importGraph(folders: readonly string[]): Map<string, SourceFile> {
    const graph = new Map<string, SourceFile>();
    for (const folder of folders.filter((name) => fs.existsSync(path.join(REPOSITORY, name)))) {
        for (const file of sourceFiles(path.join(REPOSITORY, folder))) {
            const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
            const imports: string[] = [];
            const packages: string[] = [];
            for (const { fileName } of importedFiles) {
                if (fileName.startsWith(".") && !fileName.includes("node_modules") && !fileName.endsWith(".json")) {
                    const target = resolveRelative(file, fileName);
                    if (target === undefined) {
                        throw new Error(`${relative(file)}: cannot resolve ${fileName}`);
                    }
                    imports.push(relative(target));
                } else {
                    packages.push(fileName);
                }
            }
            graph.set(relative(file), { file: relative(file), imports, packages });
        }
    }
    return graph;
}

/** The files `start` reaches through relative imports, itself included. */
export function closure(graph: ReadonlyMap<string, SourceFile>, start: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [...start];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
        if (!seen.has(file)) {
            seen.add(file);
            queue.push(...(graph.get(file)?.imports ?? []));
        }
    }
    return seen;
}

/**
 * The cycles between modules, where `moduleOf` names the module a file belongs to: each cycle as
 * the modules on it, in import order. Empty when the module graph is acyclic.
 */
export function moduleCycles(graph: ReadonlyMap<string, SourceFile>, moduleOf: (file: string) => string): string[][] {
    const edges = new Map<string, Set<string>>();
    for (const { file, imports } of graph.values()) {
        const from = moduleOf(file);
        const targets = edges.get(from) ?? new Set<string>();
        edges.set(from, targets);
        for (const target of imports) {
            if (graph.has(target) && moduleOf(target) !== from) {
                targets.add(moduleOf(target));
            }
        }
    }
    const cycles: string[][] = [];
    const state = new Map<string, "open" | "done">();
    const trail: string[] = [];
    const visit = (node: string): void => {
        state.set(node, "open");
        trail.push(node);
        for (const next of edges.get(node) ?? []) {
            if (state.get(next) === "open") {
                cycles.push([...trail.slice(trail.indexOf(next)), next]);
            } else if (state.get(next) === undefined) {
                visit(next);
            }
        }
        trail.pop();
        state.set(node, "done");
    };
    for (const node of [...edges.keys()].sort()) {
        if (state.get(node) === undefined) {
            visit(node);
        }
    }
    return cycles;
}

import * as assert from "node:assert/strict";
import * as path from "node:path";
import { closure, importGraph, moduleCycles, type SourceFile } from "./import-graph";

const FOLDERS = [
    "stacks",
    "components",
    "validation",
    "iam",
    "responder",
    "offline-preview",
    "access-matrix",
    "policy-pack",
    "bench",
    "tools",
    "tests",
];
const graph = importGraph(FOLDERS);
const within = (prefix: string): Map<string, SourceFile> => new Map([...graph].filter(([file]) => file.startsWith(prefix)));

const folderOfFile = (file: string): string => path.posix.dirname(file);

/** A component module is its folder (`components/network`); a file right under components/ is its own. */
const folderOf = (file: string): string => (file.split("/").length === 2 ? file : path.posix.dirname(file));

describe("import boundaries", () => {
    it("reads the repository (the checks below are not run on an empty graph)", () => {
        for (const folder of ["stacks/", "components/", "responder/", "policy-pack/", "validation/", "iam/"]) {
            assert.ok(within(folder).size > 0, `no TypeScript file found under ${folder}`);
        }
    });

    it("finds a cycle when there is one, and names its modules in import order", () => {
        const planted = new Map<string, SourceFile>([
            ["a/x.ts", { file: "a/x.ts", imports: ["b/y.ts"], packages: [] }],
            ["b/y.ts", { file: "b/y.ts", imports: ["c/z.ts"], packages: [] }],
            ["c/z.ts", { file: "c/z.ts", imports: ["a/x.ts"], packages: [] }],
        ]);
        assert.deepEqual(moduleCycles(planted, folderOfFile), [["a", "b", "c", "a"]]);
        planted.set("c/z.ts", { file: "c/z.ts", imports: [], packages: [] });
        assert.deepEqual(moduleCycles(planted, folderOfFile), []);
    });

    it("the responder's Lambda code imports nothing from components/ or stacks/ (its bundle holds no Pulumi program code)", () => {
        const bundle = closure(graph, [...within("responder/").keys()]);
        assert.deepEqual(
            [...bundle].filter((file) => file.startsWith("components/") || file.startsWith("stacks/")),
            [],
        );
        const packages = [...bundle].flatMap((file) => graph.get(file)?.packages ?? []);
        assert.deepEqual(
            packages.filter((name) => name.startsWith("@pulumi/")),
            [],
        );
    });

    it("the shared rules (validation/) and the IAM model (iam/) import no Pulumi package, so the responder and the tools can use them", () => {
        const reached = closure(graph, [...within("validation/").keys(), ...within("iam/").keys()]);
        const pulumi = [...reached].filter((file) => (graph.get(file)?.packages ?? []).some((name) => name.startsWith("@pulumi/")));
        assert.deepEqual(pulumi, []);
        assert.deepEqual(
            [...reached].filter((file) => !file.startsWith("validation/") && !file.startsWith("iam/")),
            [],
        );
        assert.deepEqual(
            [...within("validation/").values()].flatMap(({ packages }) => packages),
            [],
            "validation/ imports no package at all",
        );
    });

    it("no two component modules import each other, directly or through others", () => {
        assert.deepEqual(moduleCycles(within("components/"), folderOf), []);
    });

    it("the policy pack's layers (its SDK fence, network math, readers, policies, docs) import each other in one direction only", () => {
        const layerOf = (file: string): string => file.split("/").slice(0, 2).join("/");
        assert.deepEqual(moduleCycles(within("policy-pack/"), layerOf), []);
    });

    it("no policy family imports another: each owns its settings, metadata and policies", () => {
        const familyOf = (file: string): string | undefined => /^policy-pack\/policies\/([^/]+)\//.exec(file)?.[1];
        const crossing = [...within("policy-pack/policies/").values()].flatMap(({ file, imports }) =>
            imports
                .filter(
                    (target) =>
                        familyOf(target) !== undefined &&
                        familyOf(file) !== undefined &&
                        familyOf(target) !== familyOf(file) &&
                        familyOf(target) !== "exemptions",
                )
                .map((target) => `${file} -> ${target}`),
        );
        assert.ok(new Set([...within("policy-pack/policies/").keys()].map(familyOf)).size >= 5, "the families were found");
        assert.deepEqual(crossing, []);
    });

    it("the policy pack, a package of its own, imports no file outside policy-pack/", () => {
        const outside = [...within("policy-pack/").values()].flatMap(({ file, imports }) =>
            imports.filter((target) => !target.startsWith("policy-pack/")).map((target) => `${file} -> ${target}`),
        );
        assert.deepEqual(outside, []);
    });

    it("no file imports itself through others", () => {
        assert.deepEqual(
            moduleCycles(graph, (file) => file),
            [],
        );
    });

    it("the top-level layers import each other in one direction only", () => {
        assert.deepEqual(
            moduleCycles(within(""), (file) => file.split("/")[0]),
            [],
        );
    });
});

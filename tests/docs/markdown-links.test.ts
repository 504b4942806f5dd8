// The repository's documentation stands alone: every relative link of every tracked Markdown file
// resolves to a file (and heading) in the repository, and no tracked file names a document that
// only ever lived outside it.

import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../../tools/docs/generated-docs";
import { headingAnchors, relativeLinks, slug } from "../../tools/docs/markdown-links";

const tracked: string[] = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter((file) => file !== "");
const trackedSet = new Set(tracked);
const markdownFiles = tracked.filter((file) => file.endsWith(".md"));

/** Documents that were referred to but never part of the repository (spelled in parts, so this file does not name them). */
const OUTSIDE_DOCUMENTS = [
    ["CONTROLS", "md"],
    ["DESIGN", "md"],
].map((parts) => parts.join("."));

function isTrackedPath(file: string): boolean {
    return trackedSet.has(file) || tracked.some((other) => other.startsWith(`${file}/`));
}

describe("documentation links", () => {
    it("finds the tracked Markdown files and their links", () => {
        assert.ok(markdownFiles.includes("README.md") && markdownFiles.includes("docs/architecture.md"), markdownFiles.join(", "));
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        assert.ok(relativeLinks(readme).length >= 5, "the README links to the docs");
    });

    it("resolves every relative link to a file of the repository, and every anchor to a heading", () => {
        const broken: string[] = [];
        for (const file of markdownFiles) {
            for (const link of relativeLinks(fs.readFileSync(path.join(ROOT, file), "utf8"))) {
                const target =
                    link.path === ""
                        ? file
                        : path.posix
                              .normalize(
                                  link.path.startsWith("/") ? link.path.slice(1) : path.posix.join(path.posix.dirname(file), link.path),
                              )
                              .replace(/\/$/, "");
                if (target.startsWith("..") || !isTrackedPath(target)) {
                    broken.push(`${file}:${link.line}: ${link.path} is not a file of the repository`);
                } else if (
                    link.anchor !== undefined &&
                    target.endsWith(".md") &&
                    !headingAnchors(fs.readFileSync(path.join(ROOT, target), "utf8")).has(link.anchor)
                ) {
                    broken.push(`${file}:${link.line}: ${target} has no heading #${link.anchor}`);
                }
            }
        }
        assert.deepEqual(broken, []);
    });

    it("never names a document from outside the repository", () => {
        const naming = tracked.filter((file) => {
            const text = fs.readFileSync(path.join(ROOT, file), "utf8");
            return OUTSIDE_DOCUMENTS.some((name) => text.includes(name));
        });
        assert.deepEqual(naming, []);
    });

    it("reads links outside code only, with their anchors, and gives headings GitHub's anchors", () => {
        const doc = [
            "# Who can tamper: `npm run access`",
            "See [the docs](docs/a.md#part-two), [here](#who-can-tamper-npm-run-access) and [site](https://example.com).",
            "`[not](a-link.md)`",
            "```",
            "[not](either.md)",
            "```",
            "[ref]: ../b.md",
            "## Part",
            "## Part",
        ].join("\n");
        assert.deepEqual(relativeLinks(doc), [
            { line: 2, path: "docs/a.md", anchor: "part-two" },
            { line: 2, path: "", anchor: "who-can-tamper-npm-run-access" },
            { line: 7, path: "../b.md", anchor: undefined },
        ]);
        assert.deepEqual([...headingAnchors(doc)], ["who-can-tamper-npm-run-access", "part", "part-1"]);
        assert.equal(slug("Accounts, OUs and guardrails"), "accounts-ous-and-guardrails");
    });
});

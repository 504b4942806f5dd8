import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { buildSync } from "esbuild";

/** The Lambda runtime the bundle is built for and deployed on. */
export const RESPONDER_RUNTIME = "nodejs22.x";

/** The handler inside the archive: `index.js`, export `handler`. */
export const RESPONDER_HANDLER = "index.handler";

const compiled = path.extname(__filename) === ".js";
/** The repository root: this file is `components/response/x.ts`, or `dist/components/response/x.js` when built. */
const repoRoot = path.resolve(__dirname, compiled ? "../../.." : "../..");

let bundled: string | undefined;

/**
 * The responder's code: responder/handler.ts and what it imports, bundled by esbuild from the
 * TypeScript source at program time, so every `pulumi up` ships the code in the working tree and
 * the archive's hash changes exactly when the code does. The AWS SDK v3 is left out: the Lambda
 * Node.js runtime provides it (which keeps the archive, and the state that records it, small).
 * Built once per process.
 */
export function responderCode(): pulumi.asset.AssetArchive {
    bundled ??= buildSync({
        entryPoints: [path.join(repoRoot, "responder/handler.ts")],
        bundle: true,
        platform: "node",
        target: "node22",
        format: "cjs",
        minify: true,
        legalComments: "none",
        external: ["@aws-sdk/*"],
        write: false,
        logLevel: "silent",
    }).outputFiles[0].text;
    return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundled) });
}

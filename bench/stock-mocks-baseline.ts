// The plain way Pulumi unit tests run a program: mocha with ts-node (type-checking), the stock
// `pulumi.runtime.setMocks`, SDK defaults. The benchmark runs this file in its own process
// and reads the last line it prints: {"resources": N, "ms": T}.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { readStackConfig } from "../offline-preview/stack-config";

const projectDir = path.resolve(process.env["BENCH_PROJECT"] ?? "bench/fleet-project");
const stack = process.env["BENCH_STACK"] ?? "bench";

describe("stock setMocks baseline", () => {
    it("runs the program", async () => {
        const { project, config } = readStackConfig(projectDir, stack);
        let resources = 0;
        pulumi.runtime.setAllConfig(config);
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    resources++;
                    return { id: `${args.name}_id`, state: args.inputs as Record<string, unknown> };
                },
                call: (args) => args.inputs as Record<string, unknown>,
            },
            project,
            stack,
            false,
        );
        const started = performance.now();
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exported = require(projectDir) as () => unknown;
        await new Promise((resolve) => pulumi.output(exported() as pulumi.Input<string>[]).apply(resolve));
        await pulumi.runtime.disconnect();
        console.log(JSON.stringify({ resources, ms: performance.now() - started }));
    });
});

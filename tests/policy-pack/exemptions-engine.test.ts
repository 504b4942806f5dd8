// Exemptions end to end: the pack started as the engine starts it (offline-preview's
// PolicyAnalyzer), configured with exemptions over the Analyzer gRPC service, and every `analyze`
// and the `analyzeStack` sent at once (as the offline preview does; the engine sends analyzeStack
// last). The exempt resource is not reported, the other one is, and exemptions-in-use shows the
// reason in the same response set.

import { strict as assert } from "assert";
import * as path from "path";
import { PolicyAnalyzer } from "../../offline-preview/policy-analyzer";
import type { RecordedResource, WireObject } from "../../offline-preview/recorded-resource";

const packDir = path.join(__dirname, "../../policy-pack");
const SG = "aws:ec2/securityGroup:SecurityGroup";

function sg(name: string, inputs: WireObject): RecordedResource {
    return {
        urn: `urn:pulumi:test::zero-trust::${SG}::${name}`,
        type: SG,
        name,
        custom: true,
        parent: "",
        provider: "",
        inputs,
        outputs: inputs,
        id: `sg-${name}`,
        dependencies: [],
        propertyDependencies: {},
        options: {
            protect: false,
            retainOnDelete: false,
            ignoreChanges: [],
            replaceOnChanges: [],
            additionalSecretOutputs: [],
            aliases: [],
        },
    };
}

describe("exemptions through the Analyzer service", function () {
    this.timeout(120_000);
    let analyzer: PolicyAnalyzer | undefined;

    before(async () => {
        analyzer = await PolicyAnalyzer.start(packDir);
        await analyzer.configure({ project: "zero-trust", stack: "test", config: {}, secretKeys: [] }, true, {
            "ingress-no-internet-security-group": {
                exemptions: [
                    { resourceName: "legacy-*", reason: "pre-zero-trust VPC, retired in Q3 (NET-7)" },
                    { tag: { key: "owner", value: "lab" }, reason: "isolated lab account" },
                ],
            },
        });
    });

    after(() => analyzer?.stop());

    it("does not report exempt resources and lists each exemption with its reason", async () => {
        const ssh = { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] };
        const resources = [
            sg("legacy-bastion", ssh),
            sg("lab-box", { ...ssh, tags: { owner: "lab" } }),
            sg("bastion", ssh),
            ...Array.from({ length: 50 }, (_, i) => sg(`legacy-filler-${i}`, { ingress: [] })),
        ];
        const results = await analyzer!.analyzeAll(resources);
        const mandatory = results.filter((r) => r.enforcementLevel === "mandatory");
        assert.deepEqual(
            mandatory.map((r) => r.urn),
            [resources[2].urn],
        );
        const listed = results.filter((r) => r.policyName === "exemptions-in-use");
        assert.deepEqual(listed.map((r) => r.urn).sort(), [resources[0].urn, resources[1].urn].sort());
        assert.ok(listed.every((r) => r.enforcementLevel === "advisory" && r.severity === "low"));
        assert.ok(listed.some((r) => /Reason: pre-zero-trust VPC, retired in Q3 \(NET-7\)$/.test(r.message)));
        assert.ok(listed.some((r) => /tag "owner=lab"\)\. Reason: isolated lab account$/.test(r.message)));
    });
});

import * as assert from "assert";
import type { RecordedResource } from "../../offline-preview/recorded-resource";
import { countByRegion, renderReport } from "../../offline-preview/report";

// The report shows where the resources are: by the region of the AWS provider each goes through.

function recorded(type: string, name: string, provider: string, inputs: RecordedResource["inputs"] = {}): RecordedResource {
    return {
        urn: `urn:pulumi:staging::zero-trust-aws::${type}::${name}`,
        type,
        name,
        custom: true,
        parent: "",
        provider,
        inputs,
        outputs: {},
        id: `${name}-id`,
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

const home = recorded("pulumi:providers:aws", "staging", "", { region: "eu-west-1" });
const central = recorded("pulumi:providers:aws", "staging-eu-central-1", "", { region: "eu-central-1" });
const through = (provider: RecordedResource): string => `${provider.urn}::${provider.id}`;
const resources = [
    home,
    central,
    recorded("aws:guardduty/detector:Detector", "home-detector", through(home)),
    recorded("aws:sns/topic:Topic", "home-topic", through(home)),
    recorded("aws:guardduty/detector:Detector", "central-detector", through(central)),
    recorded("zero-trust:detection:GuardDutyDetector", "component", ""),
];

describe("offline preview report: resources by region", () => {
    it("counts each resource in the region of its provider, providers in declaration order, components nowhere", () => {
        assert.deepStrictEqual(countByRegion(resources), [
            ["eu-west-1", 2],
            ["eu-central-1", 1],
        ]);
    });

    it("prints the counts under their heading", () => {
        const report = renderReport({
            project: "zero-trust-aws",
            stack: "staging",
            view: "up",
            resources,
            pack: undefined,
            policyResults: [],
        });
        const lines = report.split("\n");
        const heading = lines.indexOf("Resources by region (of the AWS provider each goes through):");
        assert.ok(heading > 0, report);
        assert.deepStrictEqual(
            lines.slice(heading + 1, heading + 4),
            ["        2  eu-west-1", "        1  eu-central-1", ""],
            "only regions under the heading",
        );
        assert.ok(
            lines.findIndex((line) => line.endsWith("to create")) < heading,
            "the step counts close the list by type, before the regions",
        );
    });
});

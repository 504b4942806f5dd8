import * as assert from "assert";
import * as aws from "@pulumi/aws";
import {
    OrganizationStructure,
    TRUSTED_SERVICE_PRINCIPALS,
    type OrganizationStructureArgs,
} from "../../components/organization/organization-structure";
import { RecordingMocks, oncePerVariant, recordedNamed, valueOf } from "../network/recording-mocks";

const T = {
    component: "zero-trust:organization:OrganizationStructure",
    organization: "aws:organizations/organization:Organization",
    ou: "aws:organizations/organizationalUnit:OrganizationalUnit",
} as const;

/**
 * The services given trusted access, written out here so that dropping one fails: the trail,
 * Config (and its multi-account setup), the three delegated security services (GuardDuty with its
 * malware protection) and Identity Center.
 */
const TRUSTED = [
    "access-analyzer.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "config.amazonaws.com",
    "guardduty.amazonaws.com",
    "malware-protection.guardduty.amazonaws.com",
    "securityhub.amazonaws.com",
    "sso.amazonaws.com",
];

const BASE: OrganizationStructureArgs = { organizationId: "o-a1b2c3d4e5", rootId: "r-ab12", workloadOus: ["prod", "non-prod"] };

interface Built {
    mocks: RecordingMocks;
    component: OrganizationStructure;
}

/** Builds the component with the management-account provider under a fresh recording monitor. */
const build = oncePerVariant(async (overrides: Partial<OrganizationStructureArgs> = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("management", { region: "eu-west-1", allowedAccountIds: ["999999999999"] });
    const component = new OrganizationStructure("organization", { ...BASE, ...overrides }, { provider });
    return { mocks: await mocks.settled(), component };
});

/** `OU name → parent id` over every OU registered. */
const parentsByName = (mocks: RecordingMocks): Record<string, unknown> =>
    Object.fromEntries(mocks.ofType(T.ou).map((ou): [string, unknown] => [String(ou.inputs.name), ou.inputs.parentId]));

describe("OrganizationStructure", () => {
    describe("with the prod and non-prod workload OUs", () => {
        let built: Built;
        let mocks: RecordingMocks;
        before(async () => {
            built = await build();
            mocks = built.mocks;
        });

        it("adopts the organisation: imported by its id (never created), exactly one", () => {
            const [organization, ...others] = mocks.ofType(T.organization);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(organization.name, "organization-organization");
            assert.strictEqual(recordedNamed(mocks, "organization-organization").options.importId, "o-a1b2c3d4e5");
            assert.strictEqual(organization.id, "o-a1b2c3d4e5", "an imported resource keeps the id it was imported by");
        });

        it("keeps all features, enables SCPs and gives trusted access to the security services, Config, CloudTrail and Identity Center", () => {
            const organization = mocks.named("organization-organization");
            assert.strictEqual(organization.inputs.featureSet, "ALL");
            assert.deepStrictEqual(organization.inputs.enabledPolicyTypes, ["SERVICE_CONTROL_POLICY"]);
            assert.deepStrictEqual([...(organization.inputs.awsServiceAccessPrincipals as string[])].sort(), TRUSTED);
            assert.deepStrictEqual([...TRUSTED_SERVICE_PRINCIPALS].sort(), TRUSTED);
        });

        it("hangs security and workloads under the root and each workload OU under workloads", () => {
            const workloads = mocks.named("organization-workloads");
            assert.deepStrictEqual(parentsByName(mocks), {
                security: "r-ab12",
                workloads: "r-ab12",
                prod: workloads.id,
                "non-prod": workloads.id,
            });
            assert.match(workloads.id, /^ou-/);
            for (const child of ["organization-workloads-prod", "organization-workloads-non-prod"]) {
                assert.deepStrictEqual(mocks.named(child).propertyDependencies.parentId, [workloads.urn], child);
            }
        });

        it("declares every OU after the organisation (dependsOn), since OUs need it adopted first", () => {
            const organization = mocks.named("organization-organization");
            for (const ou of mocks.ofType(T.ou)) {
                assert.ok(recordedNamed(mocks, ou.name).dependencies.includes(organization.urn), ou.name);
            }
        });

        it("protects the organisation and every OU (deleting one detaches every SCP below it)", () => {
            const resources = mocks.registrations.filter((r) => r.type.startsWith("aws:"));
            assert.strictEqual(resources.length, 5);
            assert.deepStrictEqual(
                resources.filter((r) => !r.protect).map((r) => r.name),
                [],
            );
        });

        it("gives every AWS resource the management provider passed in, and parents them under the component", () => {
            const [component, ...others] = mocks.ofType(T.component);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(component.name, "organization");
            const reference = mocks.providerReference("management");
            for (const r of mocks.registrations.filter((x) => x.type.startsWith("aws:organizations/"))) {
                assert.strictEqual(r.provider, reference, r.name);
                assert.strictEqual(r.parent, component.urn, r.name);
            }
        });

        it("exposes the organisation id, the root id and the OU ids by path, and registers them", async () => {
            const ids = {
                security: mocks.named("organization-security").id,
                workloads: mocks.named("organization-workloads").id,
                "workloads/prod": mocks.named("organization-workloads-prod").id,
                "workloads/non-prod": mocks.named("organization-workloads-non-prod").id,
            };
            const { component } = built;
            assert.strictEqual(await valueOf(component.organizationId), "o-a1b2c3d4e5");
            assert.strictEqual(await valueOf(component.rootId), "r-ab12");
            assert.deepStrictEqual(Object.keys(component.organizationalUnitIds).sort(), Object.keys(ids).sort());
            for (const [path, id] of Object.entries(ids)) {
                assert.strictEqual(await valueOf(component.organizationalUnitIds[path]), id, path);
            }
            assert.deepStrictEqual(mocks.named("organization").outputs, {
                organizationId: "o-a1b2c3d4e5",
                rootId: "r-ab12",
                organizationalUnitIds: ids,
            });
        });
    });

    it("builds one child of workloads per workload OU given, and the same top level", async () => {
        const { mocks, component } = await build({ workloadOus: ["sandbox", "prod-eu", "p1"] });
        const workloads = mocks.named("organization-workloads").id;
        assert.deepStrictEqual(parentsByName(mocks), {
            security: "r-ab12",
            workloads: "r-ab12",
            sandbox: workloads,
            "prod-eu": workloads,
            p1: workloads,
        });
        assert.deepStrictEqual(
            mocks
                .ofType(T.ou)
                .map((ou) => ou.name)
                .sort(),
            [
                "organization-security",
                "organization-workloads",
                "organization-workloads-p1",
                "organization-workloads-prod-eu",
                "organization-workloads-sandbox",
            ],
        );
        assert.deepStrictEqual(Object.keys(component.organizationalUnitIds).sort(), [
            "security",
            "workloads",
            "workloads/p1",
            "workloads/prod-eu",
            "workloads/sandbox",
        ]);
    });

    it("imports whichever organisation id it is given, under the root it is given", async () => {
        const { mocks } = await build({ organizationId: "o-zz9y8x7w6v5u4t", rootId: "r-9z8y7x" });
        assert.strictEqual(recordedNamed(mocks, "organization-organization").options.importId, "o-zz9y8x7w6v5u4t");
        assert.deepStrictEqual(
            [mocks.named("organization-security").inputs.parentId, mocks.named("organization-workloads").inputs.parentId],
            ["r-9z8y7x", "r-9z8y7x"],
        );
    });

    describe("rejects bad arguments with one line before declaring anything", () => {
        const cases: [string, Partial<OrganizationStructureArgs>, string][] = [
            [
                "an organisation id with capitals",
                { organizationId: "o-A1B2C3D4E5" },
                'organizationId: "o-A1B2C3D4E5" is not an AWS Organizations id (o- followed by 10 to 32 lowercase letters or digits)',
            ],
            [
                "an organisation id too short",
                { organizationId: "o-a1b2" },
                'organizationId: "o-a1b2" is not an AWS Organizations id (o- followed by 10 to 32 lowercase letters or digits)',
            ],
            [
                "an account id for the organisation",
                { organizationId: "999999999999" },
                'organizationId: "999999999999" is not an AWS Organizations id (o- followed by 10 to 32 lowercase letters or digits)',
            ],
            [
                "a root id that is an OU id",
                { rootId: "ou-ab12-cd34ef56" },
                'rootId: "ou-ab12-cd34ef56" is not an organisation root id (r- and 4 to 32 lowercase letters or digits)',
            ],
            [
                "a root id too short",
                { rootId: "r-1" },
                'rootId: "r-1" is not an organisation root id (r- and 4 to 32 lowercase letters or digits)',
            ],
            [
                "a workload OU with capitals",
                { workloadOus: ["prod", "Non-Prod"] },
                'workloadOus[1]: "Non-Prod" is not a new lowercase OU name (a-z 0-9 -, up to 63 characters, listed once)',
            ],
            [
                "a workload OU starting with a hyphen",
                { workloadOus: ["-prod"] },
                'workloadOus[0]: "-prod" is not a new lowercase OU name (a-z 0-9 -, up to 63 characters, listed once)',
            ],
            [
                "a workload OU with a slash (a path)",
                { workloadOus: ["prod/eu"] },
                'workloadOus[0]: "prod/eu" is not a new lowercase OU name (a-z 0-9 -, up to 63 characters, listed once)',
            ],
            [
                "a workload OU of 64 characters",
                { workloadOus: ["a".repeat(64)] },
                `workloadOus[0]: "${"a".repeat(64)}" is not a new lowercase OU name (a-z 0-9 -, up to 63 characters, listed once)`,
            ],
            [
                "a workload OU listed twice",
                { workloadOus: ["prod", "non-prod", "prod"] },
                'workloadOus[2]: "prod" is not a new lowercase OU name (a-z 0-9 -, up to 63 characters, listed once)',
            ],
            ["no workload OU", { workloadOus: [] }, "workloadOus: [] has no OU for any environment; expected at least one name, e.g. prod"],
        ];
        for (const [what, overrides, message] of cases) {
            it(`rejects ${what}`, async () => {
                const mocks = RecordingMocks.install();
                assert.throws(
                    () => new OrganizationStructure("organization", { ...BASE, ...overrides }),
                    (err: Error) => {
                        assert.strictEqual(err.message, message);
                        return true;
                    },
                );
                await mocks.settled();
                assert.deepStrictEqual(
                    mocks.registrations.map((r) => `${r.type} ${r.name}`),
                    [],
                );
            });
        }

        it("accepts the longest OU name (63 characters) and the longest ids", async () => {
            const mocks = RecordingMocks.install();
            new OrganizationStructure("organization", {
                organizationId: `o-${"a".repeat(32)}`,
                rootId: `r-${"b".repeat(32)}`,
                workloadOus: ["a".repeat(63)],
            });
            await mocks.settled();
            assert.strictEqual(mocks.ofType(T.ou).length, 3);
        });
    });
});

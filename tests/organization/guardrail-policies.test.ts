import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { GuardrailPolicies, type GuardrailPoliciesArgs } from "../../components/organization/guardrail-policies";
import { guardrailPolicyDocuments } from "../../components/organization/service-control-policies";
import { awsResourcesThrough, RecordingMocks, type Registration, valueOf } from "../network/recording-mocks";
import { scpProblems } from "./scp-grammar";

const T = {
    component: "zero-trust:organization:GuardrailPolicies",
    policy: "aws:organizations/policy:Policy",
    attachment: "aws:organizations/policyAttachment:PolicyAttachment",
    ou: "aws:organizations/organizationalUnit:OrganizationalUnit",
} as const;

/** The five SCPs, written out here so that dropping one fails. */
const POLICIES = ["account-baseline", "security-services", "audit-logs-and-keys", "regions-and-imds", "platform-resources"];

const BASE: GuardrailPoliciesArgs = {
    targets: { root: "r-ab12", security: "ou-ab12-securit1" },
    breakGlassRoleName: "BreakGlass",
    deploymentRoleName: "OrganizationAccountAccessRole",
    allowedRegions: ["eu-west-1", "eu-central-1"],
    logArchiveBucketArn: "arn:aws:s3:::acme-org-log-archive",
};

interface Built {
    mocks: RecordingMocks;
    component: GuardrailPolicies;
}

/** Builds the component with the management-account provider under a fresh recording monitor. */
async function build(overrides: Partial<GuardrailPoliciesArgs> = {}): Promise<Built> {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("management", { region: "us-east-1", allowedAccountIds: ["999999999999"] });
    const component = new GuardrailPolicies("guardrails", { ...BASE, ...overrides }, { provider });
    return { mocks: await mocks.settled(), component };
}

/** The SCP registration for this guardrail policy (exactly one). */
function policyNamed(mocks: RecordingMocks, policy: string): Registration {
    return mocks.named(`guardrails-${policy}`);
}

/** `policy name → sorted target ids` over every attachment, resolving policy ids back to names. */
function attachmentMap(mocks: RecordingMocks): Record<string, string[]> {
    const byId = new Map(mocks.ofType(T.policy).map((p) => [p.id, String(p.inputs.name)]));
    const map: Record<string, string[]> = {};
    for (const a of mocks.ofType(T.attachment)) {
        const policy = byId.get(String(a.inputs.policyId)) ?? `unknown policy ${String(a.inputs.policyId)}`;
        (map[policy] ??= []).push(String(a.inputs.targetId));
    }
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.sort()]));
}

describe("GuardrailPolicies", () => {
    describe("attached to the root and the security OU", () => {
        let built: Built;
        let mocks: RecordingMocks;
        before(async () => {
            built = await build();
            mocks = built.mocks;
        });

        it("creates one service control policy per guardrail document, named with the prefix", () => {
            const policies = mocks.ofType(T.policy);
            assert.deepStrictEqual(policies.map((p) => p.name).sort(), POLICIES.map((p) => `guardrails-${p}`).sort());
            for (const policy of POLICIES) {
                const p = policyNamed(mocks, policy);
                assert.deepStrictEqual([p.inputs.type, p.inputs.name], ["SERVICE_CONTROL_POLICY", `zero-trust-${policy}`], policy);
                assert.match(String(p.inputs.description), /\S/);
            }
        });

        it("sends each document as minified JSON equal to the guardrail document, valid and within 5,120 characters", () => {
            const expected = guardrailPolicyDocuments(BASE);
            for (const policy of POLICIES) {
                const content = String(policyNamed(mocks, policy).inputs.content);
                assert.ok(content.length <= 5120, `${policy}: ${content.length}`);
                assert.strictEqual(content, JSON.stringify(JSON.parse(content)), `${policy} is minified`);
                const parsed: unknown = JSON.parse(content);
                assert.deepStrictEqual(parsed, JSON.parse(JSON.stringify(expected[policy as keyof typeof expected])), policy);
                assert.deepStrictEqual(scpProblems(parsed), [], policy);
            }
        });

        it("carries the parameters into the documents (region allow-list, bucket, break-glass role)", () => {
            const regions = String(policyNamed(mocks, "regions-and-imds").inputs.content);
            assert.match(regions, /"aws:RequestedRegion":\["eu-west-1","eu-central-1"\]/);
            assert.match(regions, /arn:aws:iam::\*:role\/BreakGlass/);
            assert.match(String(policyNamed(mocks, "audit-logs-and-keys").inputs.content), /arn:aws:s3:::acme-org-log-archive\/\*/);
        });

        it("attaches every policy to every target, by policy id", () => {
            assert.deepStrictEqual(
                attachmentMap(mocks),
                Object.fromEntries(POLICIES.map((p) => [`zero-trust-${p}`, ["ou-ab12-securit1", "r-ab12"]])),
            );
        });

        it("names each attachment after the policy and the target's key", () => {
            assert.deepStrictEqual(
                mocks
                    .ofType(T.attachment)
                    .map((a) => a.name)
                    .sort(),
                POLICIES.flatMap((p) => [`guardrails-${p}-root`, `guardrails-${p}-security`]).sort(),
            );
        });

        it("makes each attachment depend on its policy", () => {
            for (const a of mocks.ofType(T.attachment)) {
                const policy = mocks.ofType(T.policy).find((p) => p.id === a.inputs.policyId);
                assert.ok(policy !== undefined, a.name);
                assert.deepStrictEqual(a.propertyDependencies.policyId, [policy.urn], a.name);
            }
        });

        it("protects every policy and every attachment (removing either silently lifts a guardrail), and nothing else", () => {
            const protectedNames = mocks.registrations
                .filter((r) => r.protect)
                .map((r) => r.name)
                .sort();
            const expected = [...mocks.ofType(T.policy), ...mocks.ofType(T.attachment)].map((r) => r.name).sort();
            assert.strictEqual(expected.length, 15);
            assert.deepStrictEqual(protectedNames, expected);
        });

        it("gives every AWS resource the management provider passed in, never the default one", () => {
            assert.strictEqual(awsResourcesThrough(mocks, "management").length, 15);
            assert.match(mocks.providerReference("management"), /::pulumi:providers:aws::management::[0-9a-f-]{36}$/);
        });

        it("is a zero-trust:organization:GuardrailPolicies component that parents all its resources", () => {
            const [component, ...others] = mocks.ofType(T.component);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(component.name, "guardrails");
            for (const r of mocks.registrations.filter((x) => x.type.startsWith("aws:organizations/"))) {
                assert.strictEqual(r.parent, component.urn, r.name);
            }
        });

        it("exposes and registers the policy ids", async () => {
            const ids = Object.fromEntries(POLICIES.map((p) => [p, policyNamed(mocks, p).id]));
            for (const p of POLICIES) {
                assert.strictEqual(await valueOf(built.component.policyIds[p as keyof GuardrailPolicies["policyIds"]]), ids[p], p);
            }
            assert.deepStrictEqual(mocks.named("guardrails").outputs, { policyIds: ids });
        });
    });

    it("attaches a policy to its own targets when policyTargets names it, and the rest to targets", async () => {
        const { mocks } = await build({ policyTargets: { "regions-and-imds": { workloads: "ou-ab12-workload" } } });
        assert.deepStrictEqual(attachmentMap(mocks), {
            "zero-trust-account-baseline": ["ou-ab12-securit1", "r-ab12"],
            "zero-trust-security-services": ["ou-ab12-securit1", "r-ab12"],
            "zero-trust-audit-logs-and-keys": ["ou-ab12-securit1", "r-ab12"],
            "zero-trust-regions-and-imds": ["ou-ab12-workload"],
            "zero-trust-platform-resources": ["ou-ab12-securit1", "r-ab12"],
        });
    });

    it("attaches to an OU created in the same program, by id and by dependency", async () => {
        const mocks = RecordingMocks.install();
        const provider = new aws.Provider("management", { region: "us-east-1" });
        const ou = new aws.organizations.OrganizationalUnit("workloads", { name: "workloads", parentId: "r-ab12" }, { provider });
        new GuardrailPolicies("guardrails", { ...BASE, targets: { workloads: ou.id } }, { provider });
        await mocks.settled();
        const unit = mocks.named("workloads");
        const attachments = mocks.ofType(T.attachment);
        assert.strictEqual(attachments.length, 5);
        for (const a of attachments) {
            assert.strictEqual(a.inputs.targetId, unit.id, a.name);
            assert.deepStrictEqual(a.propertyDependencies.targetId, [unit.urn], a.name);
        }
    });

    it("uses the name prefix given", async () => {
        const { mocks } = await build({ namePrefix: "acme" });
        assert.deepStrictEqual(
            mocks
                .ofType(T.policy)
                .map((p) => p.inputs.name)
                .sort(),
            POLICIES.map((p) => `acme-${p}`).sort(),
        );
    });

    describe("rejects bad arguments before declaring anything", () => {
        const cases: [string, Partial<GuardrailPoliciesArgs>, RegExp][] = [
            ["a bad break-glass role name", { breakGlassRoleName: "Break Glass" }, /^breakGlassRoleName: /],
            ["a bad region", { allowedRegions: ["europe"] }, /^allowedRegions: /],
            ["a bad bucket ARN", { logArchiveBucketArn: "arn:aws:s3:::x" }, /^logArchiveBucketArn: /],
            ["a target id that is no root, OU or account", { targets: { root: "root" } }, /^targets\.root: "root" is not a root/],
            ["a target key with capitals", { targets: { Root: "r-ab12" } }, /^targets: key "Root"/],
            ["no targets at all", { targets: {} }, /^targets: empty/],
            [
                "policyTargets for an unknown policy",
                { policyTargets: { "deny-all": { root: "r-ab12" } } as GuardrailPoliciesArgs["policyTargets"] },
                /^policyTargets: "deny-all" is not one of/,
            ],
            ["a bad policyTargets id", { policyTargets: { "security-services": { x: "ou-1" } } }, /^policyTargets\.security-services\.x: /],
            ["a bad name prefix", { namePrefix: "zero trust" }, /^namePrefix: /],
        ];
        for (const [what, overrides, message] of cases) {
            it(`rejects ${what}`, async () => {
                const mocks = RecordingMocks.install();
                assert.throws(
                    () => new GuardrailPolicies("guardrails", { ...BASE, ...overrides }),
                    (err: Error) => message.test(err.message) && !err.message.includes("\n"),
                );
                await mocks.settled();
                assert.deepStrictEqual(
                    mocks.registrations.map((r) => r.type),
                    [],
                );
            });
        }
    });
});

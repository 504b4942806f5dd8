import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { IdentityCenterAccess, type IdentityCenterAccessArgs } from "../../components/identity/identity-center-access";
import { PERMISSION_SETS, inlinePolicyContent } from "../../components/identity/permission-set-policies";
import {
    awsResourcesThrough,
    dependenciesOf,
    oncePerVariant,
    RecordingMocks,
    type Registration,
    valueOf,
} from "../network/recording-mocks";

const T = {
    component: "zero-trust:identity:IdentityCenterAccess",
    permissionSet: "aws:ssoadmin/permissionSet:PermissionSet",
    managed: "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
    inline: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
    assignment: "aws:ssoadmin/accountAssignment:AccountAssignment",
} as const;

const INSTANCE = "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6";
const SECURITY_TEAM = "9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b";
const PLATFORM_TEAM = "a1b2c3d4e5-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
const DEVELOPERS = "3c4d5e6f-7a8b-9c0d-1e2f-3a4b5c6d7e8f";

const BASE: IdentityCenterAccessArgs = {
    instanceArn: INSTANCE,
    logArchiveBucketName: "acme-org-log-archive",
    assignments: [
        {
            groupId: SECURITY_TEAM,
            permissionSet: "security-auditor",
            accounts: { security: "222222222222", "log-archive": "333333333333", prod: "444444444444" },
        },
        { groupId: PLATFORM_TEAM, permissionSet: "platform-admin", accounts: { prod: "444444444444" } },
        { groupId: DEVELOPERS, permissionSet: "developer", accounts: { staging: "555555555555" } },
    ],
};

interface Built {
    mocks: RecordingMocks;
    component: IdentityCenterAccess;
}

/** Builds the component with the management-account provider under a fresh recording monitor. */
const build = oncePerVariant(async (overrides: Partial<IdentityCenterAccessArgs> = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("management", { region: "eu-west-1", allowedAccountIds: ["999999999999"] });
    const component = new IdentityCenterAccess("identity", { ...BASE, ...overrides }, { provider });
    return { mocks: await mocks.settled(), component };
});

/** URN → logical name, for dependency assertions. */
const namesOf = (mocks: RecordingMocks, urns: readonly string[]): string[] =>
    urns.map((urn) => mocks.registrations.find((r) => r.urn === urn)?.name ?? urn).sort();

/** The `dependsOn` (and input) dependencies of the resource with this name, by name. */
function dependencyNames(mocks: RecordingMocks, name: string): string[] {
    return namesOf(mocks, dependenciesOf(mocks, name));
}

describe("IdentityCenterAccess", () => {
    describe("with the default job functions and three groups' assignments", () => {
        let built: Built;
        let mocks: RecordingMocks;
        before(async () => {
            built = await build();
            mocks = built.mocks;
        });

        it("declares one permission set per job function, named after it, in the configured instance, with no relay state", () => {
            const sets = mocks.ofType(T.permissionSet);
            assert.deepStrictEqual(sets.map((s) => s.name).sort(), [
                "identity-developer",
                "identity-platform-admin",
                "identity-read-only",
                "identity-security-auditor",
            ]);
            for (const set of sets) {
                assert.strictEqual(set.inputs.instanceArn, INSTANCE, set.name);
                assert.strictEqual(set.inputs.name, set.name.replace(/^identity-/, ""));
                assert.strictEqual(set.inputs.relayState, undefined, set.name);
                assert.match(String(set.inputs.description), /\S/);
            }
        });

        it("gives 4-hour sessions to people and 1 hour to platform administrators", () => {
            assert.deepStrictEqual(
                Object.fromEntries(mocks.ofType(T.permissionSet).map((s) => [s.inputs.name, s.inputs.sessionDuration])),
                { developer: "PT4H", "security-auditor": "PT4H", "platform-admin": "PT1H", "read-only": "PT4H" },
            );
        });

        it("attaches the AWS managed policies of each job function to its permission set, and nothing else", () => {
            const arnToSet = new Map(mocks.ofType(T.permissionSet).map((s) => [s.outputs.arn, String(s.inputs.name)]));
            const attached: Record<string, string[]> = {};
            for (const a of mocks.ofType(T.managed)) {
                assert.strictEqual(a.inputs.instanceArn, INSTANCE, a.name);
                (attached[arnToSet.get(a.inputs.permissionSetArn) ?? "?"] ??= []).push(String(a.inputs.managedPolicyArn));
            }
            assert.deepStrictEqual(attached, {
                "security-auditor": ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
                "platform-admin": ["arn:aws:iam::aws:policy/AdministratorAccess"],
                "read-only": ["arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"],
            });
            assert.deepStrictEqual(
                mocks
                    .ofType(T.managed)
                    .map((a) => a.name)
                    .sort(),
                [
                    "identity-platform-admin-administrator-access",
                    "identity-read-only-view-only-access",
                    "identity-security-auditor-security-audit",
                    "identity-security-auditor-view-only-access",
                ],
            );
        });

        it("sends each permission set's inline policy exactly as the policy functions build it (with the audit-log Deny)", () => {
            const arnToSet = new Map(mocks.ofType(T.permissionSet).map((s) => [s.outputs.arn, String(s.inputs.name)]));
            const inline = mocks.ofType(T.inline);
            assert.strictEqual(inline.length, 4);
            for (const policy of inline) {
                const key = arnToSet.get(policy.inputs.permissionSetArn) as keyof typeof PERMISSION_SETS;
                assert.strictEqual(policy.name, `identity-${key}-inline`);
                assert.strictEqual(policy.inputs.inlinePolicy, inlinePolicyContent(key, PERMISSION_SETS[key].inlinePolicy(BASE)), key);
                assert.match(
                    String(policy.inputs.inlinePolicy),
                    /"Sid":"DenyAuditLogObjectChanges","Effect":"Deny".*"Resource":\["arn:aws:s3:::acme-org-log-archive\/\*","arn:aws:s3:::acme-org-log-archive-config\/\*"\]/,
                );
            }
        });

        it("assigns each group's permission set in each listed account (GROUP → AWS_ACCOUNT), and no other", () => {
            const arnToSet = new Map(mocks.ofType(T.permissionSet).map((s) => [s.outputs.arn, String(s.inputs.name)]));
            const grants = mocks
                .ofType(T.assignment)
                .map(
                    (a) =>
                        `${String(a.inputs.principalType)} ${String(a.inputs.principalId)} ${arnToSet.get(a.inputs.permissionSetArn) ?? "?"} ${String(a.inputs.targetType)} ${String(a.inputs.targetId)}`,
                )
                .sort();
            assert.deepStrictEqual(
                grants,
                [
                    `GROUP ${DEVELOPERS} developer AWS_ACCOUNT 555555555555`,
                    `GROUP ${PLATFORM_TEAM} platform-admin AWS_ACCOUNT 444444444444`,
                    `GROUP ${SECURITY_TEAM} security-auditor AWS_ACCOUNT 222222222222`,
                    `GROUP ${SECURITY_TEAM} security-auditor AWS_ACCOUNT 333333333333`,
                    `GROUP ${SECURITY_TEAM} security-auditor AWS_ACCOUNT 444444444444`,
                ].sort(),
            );
            for (const a of mocks.ofType(T.assignment)) {
                assert.strictEqual(a.inputs.instanceArn, INSTANCE, a.name);
            }
            assert.ok(mocks.ofType(T.assignment).some((a) => a.name === `identity-security-auditor-log-archive-${SECURITY_TEAM}`));
        });

        it("attaches the inline Deny first, then the managed policies one at a time, then assigns: never AdministratorAccess without the Deny", () => {
            assert.deepStrictEqual(dependencyNames(mocks, "identity-platform-admin-inline"), ["identity-platform-admin"]);
            assert.deepStrictEqual(dependencyNames(mocks, "identity-platform-admin-administrator-access"), [
                "identity-platform-admin",
                "identity-platform-admin-inline",
            ]);
            assert.deepStrictEqual(dependencyNames(mocks, "identity-security-auditor-security-audit"), [
                "identity-security-auditor",
                "identity-security-auditor-inline",
            ]);
            assert.deepStrictEqual(dependencyNames(mocks, "identity-security-auditor-view-only-access"), [
                "identity-security-auditor",
                "identity-security-auditor-security-audit",
            ]);
            assert.deepStrictEqual(dependencyNames(mocks, `identity-platform-admin-prod-${PLATFORM_TEAM}`), [
                "identity-platform-admin",
                "identity-platform-admin-administrator-access",
            ]);
            assert.deepStrictEqual(dependencyNames(mocks, `identity-developer-staging-${DEVELOPERS}`), [
                "identity-developer",
                "identity-developer-inline",
            ]);
        });

        it("gives every AWS resource the management provider passed in, never the default one", () => {
            assert.strictEqual(awsResourcesThrough(mocks, "management").length, 4 + 4 + 4 + 5);
            assert.match(mocks.providerReference("management"), /::pulumi:providers:aws::management::[0-9a-f-]{36}$/);
        });

        it("is a zero-trust:identity:IdentityCenterAccess component that parents all its resources, and protects none", () => {
            const [component, ...others] = mocks.ofType(T.component);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(component.name, "identity");
            for (const r of mocks.registrations.filter((x) => x.type.startsWith("aws:ssoadmin/"))) {
                assert.strictEqual(r.parent, component.urn, r.name);
            }
            assert.deepStrictEqual(
                mocks.registrations.filter((r) => r.protect),
                [],
            );
        });

        it("exposes and registers the permission sets' ARNs", async () => {
            const expected = Object.fromEntries(mocks.ofType(T.permissionSet).map((s) => [String(s.inputs.name), s.outputs.arn]));
            const exposed: Record<string, unknown> = {};
            for (const [key, arn] of Object.entries(built.component.permissionSetArns)) {
                exposed[key] = await valueOf(arn);
            }
            assert.deepStrictEqual(exposed, expected);
            assert.deepStrictEqual(mocks.named("identity").outputs, { permissionSetArns: expected });
        });
    });

    describe("with chosen job functions, sessions, patterns and tags", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build({
                permissionSets: ["security-auditor", "platform-admin"],
                sessionDurations: { "security-auditor": "PT8H", "platform-admin": "PT1H30M" },
                auditLogGroupPatterns: ["/org/cloudtrail"],
                assignments: [{ groupId: SECURITY_TEAM, permissionSet: "security-auditor", accounts: { security: "222222222222" } }],
                tags: { Owner: "security" },
            }));
        });

        it("declares only the listed job functions, with the sessions given and the tags", () => {
            assert.deepStrictEqual(
                mocks.ofType(T.permissionSet).map((s) => [s.inputs.name, s.inputs.sessionDuration, s.tags]),
                [
                    ["security-auditor", "PT8H", { Owner: "security" }],
                    ["platform-admin", "PT1H30M", { Owner: "security" }],
                ],
            );
            assert.strictEqual(mocks.ofType(T.assignment).length, 1);
        });

        it("aims the Deny at the configured log groups", () => {
            for (const policy of mocks.ofType(T.inline)) {
                assert.match(
                    String(policy.inputs.inlinePolicy),
                    /"arn:aws:logs:\*:\*:log-group:\/org\/cloudtrail","arn:aws:logs:\*:\*:log-group:\/org\/cloudtrail:\*"/,
                );
                assert.doesNotMatch(String(policy.inputs.inlinePolicy), /vpc-flow-logs/);
            }
        });
    });

    it("assigns to an account created in the same stack by its id output", async () => {
        const mocks = RecordingMocks.install();
        const provider = new aws.Provider("management", { region: "eu-west-1", allowedAccountIds: ["999999999999"] });
        const account = new aws.organizations.Account(
            "security-account",
            { name: "security", email: "aws+security@example.com" },
            { provider },
        );
        new IdentityCenterAccess(
            "identity",
            { ...BASE, assignments: [{ groupId: SECURITY_TEAM, permissionSet: "security-auditor", accounts: { security: account.id } }] },
            { provider },
        );
        await mocks.settled();
        const [assignment] = mocks.ofType(T.assignment);
        const created = mocks.named("security-account");
        assert.strictEqual(assignment.inputs.targetId, created.id);
        assert.deepStrictEqual(assignment.propertyDependencies.targetId, [created.urn]);
    });

    describe("rejects bad arguments before declaring anything, in one line naming the argument", () => {
        const assignment = BASE.assignments?.[0];
        const cases: [string, Partial<IdentityCenterAccessArgs>, RegExp][] = [
            [
                "a bad instance ARN",
                { instanceArn: "arn:aws:sso:::instance/ssoins-123" },
                /^instanceArn: "arn:aws:sso:::instance\/ssoins-123" is not an IAM Identity Center instance ARN/,
            ],
            [
                "an instance ARN of a permission set",
                { instanceArn: "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-1234567890abcdef" },
                /^instanceArn: /,
            ],
            ["a bad bucket name", { logArchiveBucketName: "Acme_Logs" }, /^logArchiveBucketName: "Acme_Logs" is not an S3 bucket name/],
            ["a log group pattern that is all wildcards", { auditLogGroupPatterns: ["**"] }, /^auditLogGroupPatterns: "\*\*"/],
            [
                "an unknown permission set",
                { permissionSets: ["developer", "admin"] as unknown as IdentityCenterAccessArgs["permissionSets"] },
                /^permissionSets\[1\]: "admin" is not one of developer, security-auditor, platform-admin, read-only$/,
            ],
            [
                "a permission set listed twice",
                { permissionSets: ["developer", "developer"] },
                /^permissionSets\[1\]: "developer" is listed twice/,
            ],
            ["no permission set", { permissionSets: [] }, /^permissionSets: \[\] is not a non-empty list/],
            [
                "a session below an hour",
                { sessionDurations: { developer: "PT30M" } },
                /^sessionDurations\.developer: "PT30M" is not a session duration from PT1H to PT8H/,
            ],
            [
                "a session above 8 hours",
                { sessionDurations: { "security-auditor": "PT9H" } },
                /^sessionDurations\.security-auditor: "PT9H" is not a session duration from PT1H to PT8H/,
            ],
            [
                "an admin session above 2 hours",
                { sessionDurations: { "platform-admin": "PT4H" } },
                /^sessionDurations\.platform-admin: "PT4H" is not a session duration from PT1H to PT2H/,
            ],
            [
                "a session that is not ISO-8601 hours and minutes",
                { sessionDurations: { developer: "4h" } },
                /^sessionDurations\.developer: "4h" is not a session duration/,
            ],
            [
                "a session in days",
                { sessionDurations: { developer: "P1D" } },
                /^sessionDurations\.developer: "P1D" is not a session duration/,
            ],
            [
                "a session for an undeclared set",
                { permissionSets: ["developer"], sessionDurations: { "platform-admin": "PT1H" } },
                /^sessionDurations: "platform-admin" is not a declared permission set \(developer\)/,
            ],
            [
                "an assignment of an unknown permission set",
                { assignments: [{ ...assignment!, permissionSet: "admin" as "developer" }] },
                /^assignments\[0\]\.permissionSet: "admin" is not a declared permission set/,
            ],
            [
                "an assignment of a set not declared",
                { permissionSets: ["developer"], assignments: [assignment!] },
                /^assignments\[0\]\.permissionSet: "security-auditor" is not a declared permission set \(developer\)/,
            ],
            [
                "a bad account id",
                { assignments: [{ ...assignment!, accounts: { prod: "4444" } }] },
                /^assignments\[0\]\.accounts\.prod: "4444" is not an AWS account id \(12 digits, as a string\)/,
            ],
            [
                "an account id given as a number",
                { assignments: [{ ...assignment!, accounts: { prod: 444444444444 as unknown as string } }] },
                /^assignments\[0\]\.accounts\.prod: 444444444444 is not an AWS account id/,
            ],
            [
                "an account key with capitals",
                { assignments: [{ ...assignment!, accounts: { Prod: "444444444444" } }] },
                /^assignments\[0\]\.accounts: key "Prod" is not a lowercase name/,
            ],
            [
                "accounts as a list of ids",
                { assignments: [{ ...assignment!, accounts: ["444444444444"] as unknown as Record<string, string> }] },
                /^assignments\[0\]\.accounts: \["444444444444"\] is not a map of stable key/,
            ],
            [
                "an assignment with no account",
                { assignments: [{ ...assignment!, accounts: {} }] },
                /^assignments\[0\]\.accounts: \{\} names no account/,
            ],
            [
                "assignments that are no list",
                { assignments: { security: assignment } as unknown as IdentityCenterAccessArgs["assignments"] },
                /^assignments: \{"security":/,
            ],
            [
                "an assignment that is no object",
                { assignments: [null as unknown as NonNullable<IdentityCenterAccessArgs["assignments"]>[number]] },
                /^assignments\[0\]: null is not an assignment/,
            ],
            [
                "a bad group id",
                { assignments: [{ ...assignment!, groupId: "security-team" }] },
                /^assignments\[0\]\.groupId: "security-team" is not an Identity Store group id/,
            ],
            [
                "the same grant twice",
                { assignments: [assignment!, { ...assignment!, accounts: { production: "444444444444" } }] },
                /^assignments\[1\]\.accounts\.production: group 9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b already gets security-auditor in this account/,
            ],
        ];
        for (const [what, overrides, message] of cases) {
            it(`rejects ${what}`, async () => {
                const mocks = RecordingMocks.install();
                assert.throws(
                    () => new IdentityCenterAccess("identity", { ...BASE, ...overrides }),
                    (err: Error) => message.test(err.message) && !err.message.includes("\n"),
                );
                await mocks.settled();
                assert.deepStrictEqual(
                    mocks.registrations.map((r: Registration) => r.type),
                    [],
                );
            });
        }

        it("accepts the documented edges: PT1H and PT8H, PT2H for administrators, a prefixed group id", async () => {
            const { mocks } = await build({
                sessionDurations: { developer: "PT1H", "read-only": "PT8H", "security-auditor": "PT7H59M", "platform-admin": "PT2H" },
                assignments: [{ groupId: PLATFORM_TEAM, permissionSet: "read-only", accounts: { prod: "444444444444" } }],
            });
            assert.deepStrictEqual(
                Object.fromEntries(mocks.ofType(T.permissionSet).map((s) => [s.inputs.name, s.inputs.sessionDuration])),
                { developer: "PT1H", "security-auditor": "PT7H59M", "platform-admin": "PT2H", "read-only": "PT8H" },
            );
        });
    });
});

// The management stack as the engine would run it: the real program entry (stacks/index.ts) with
// Pulumi.management.yaml, under the recording monitor. The components have their own tests; these
// check the stack's decisions: which account each resource lands in, what is adopted and protected,
// how the organisation's pieces are wired to each other, and what the environments get to read.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../../stacks/config/config-error";
import type { ManagementOutputs } from "../../stacks/management";
import { evaluate } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument } from "../../iam/policy-document";
import { recordedNamed, type RecordingMocks, type Registration } from "../network/recording-mocks";
import { scpProblems } from "../organization/scp-grammar";
import { decoded, runStack, valueOf, type StackRun } from "./stack-harness";

const ORGANIZATION_ID = "o-a1b2c3d4e5";
const ROOT_ID = "r-a1b2";
const ACCOUNTS = { management: "999999999999", security: "333333333333", "log-archive": "444444444444" } as const;
type Account = keyof typeof ACCOUNTS;
const BUCKET = `zero-trust-log-archive-${ORGANIZATION_ID}`;
const ACCESS_ROLE = "OrganizationAccountAccessRole";
const STACK_TAGS = { CostCenter: "security", ManagedBy: "pulumi", Stack: "management" };

/** The four guardrail SCPs on the top-level OUs (written out, so that dropping one fails). */
const GUARDRAILS = ["account-baseline", "security-services", "audit-logs-and-keys", "regions-and-imds"];
/** The fifth, on the organisation root: the platform fence. */
const ROOT_GUARDRAIL = "platform-resources";
/** What the providers of the security and log-archive accounts add: the ownership tag the platform fence reads. */
const OWNER_TAG = { "zero-trust:owner": "platform" };

/** Every attachment expected: the four on these OU ids, the platform fence on the root. */
const expectedAttachments = (ouIds: string[]): Record<string, string[]> => ({
    ...Object.fromEntries(GUARDRAILS.map((policy) => [`zero-trust-${policy}`, ouIds])),
    [`zero-trust-${ROOT_GUARDRAIL}`]: [ROOT_ID],
});

/** Services with trusted access to the organisation (written out, so that dropping one fails). */
const TRUSTED_SERVICES = [
    "access-analyzer.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "config.amazonaws.com",
    "guardduty.amazonaws.com",
    "malware-protection.guardduty.amazonaws.com",
    "securityhub.amazonaws.com",
    "sso.amazonaws.com",
];

/**
 * The account every AWS resource type of the management stack must be declared in. The organisation,
 * its OUs and SCPs, the delegations, the trail (with its log group, its key and its role) and
 * Identity Center live in the management account; the archive in the log-archive account; what the
 * delegated administrator runs in the security account. KMS keys and aliases: see `accountOf`.
 */
const ACCOUNT_BY_TYPE: Readonly<Record<string, Account>> = {
    "aws:organizations/organization:Organization": "management",
    "aws:organizations/account:Account": "management",
    "aws:organizations/organizationalUnit:OrganizationalUnit": "management",
    "aws:organizations/policy:Policy": "management",
    "aws:organizations/policyAttachment:PolicyAttachment": "management",
    "aws:organizations/delegatedAdministrator:DelegatedAdministrator": "management",
    "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount": "management",
    "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount": "management",
    "aws:cloudtrail/trail:Trail": "management",
    "aws:cloudwatch/logGroup:LogGroup": "management",
    "aws:iam/role:Role": "management",
    "aws:iam/rolePolicy:RolePolicy": "management",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": "management",
    "aws:iam/policy:Policy": "management",
    "aws:ssoadmin/permissionSet:PermissionSet": "management",
    "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy": "management",
    "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment": "management",
    "aws:ssoadmin/accountAssignment:AccountAssignment": "management",
    "aws:s3/bucket:Bucket": "log-archive",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": "log-archive",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "log-archive",
    "aws:s3/bucketVersioning:BucketVersioning": "log-archive",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": "log-archive",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": "log-archive",
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration": "log-archive",
    "aws:s3/bucketLogging:BucketLogging": "log-archive",
    "aws:s3/bucketPolicy:BucketPolicy": "log-archive",
    "aws:guardduty/detector:Detector": "security",
    "aws:guardduty/detectorFeature:DetectorFeature": "security",
    "aws:guardduty/organizationConfiguration:OrganizationConfiguration": "security",
    "aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature": "security",
    "aws:securityhub/account:Account": "security",
    "aws:securityhub/organizationConfiguration:OrganizationConfiguration": "security",
    "aws:securityhub/findingAggregator:FindingAggregator": "security",
    "aws:securityhub/member:Member": "security",
    "aws:accessanalyzer/analyzer:Analyzer": "security",
};

/** Parent component type → the account its KMS keys and aliases live in (next to what they encrypt). */
const KEY_ACCOUNT_BY_COMPONENT: Readonly<Record<string, Account>> = {
    "zero-trust:audit-logs:LogArchive": "log-archive",
    "zero-trust:audit-logs:ConfigDeliveryBucket": "log-archive",
    "zero-trust:audit-logs:OrganizationTrail": "management",
};

const T = {
    organization: "aws:organizations/organization:Organization",
    ou: "aws:organizations/organizationalUnit:OrganizationalUnit",
    policy: "aws:organizations/policy:Policy",
    attachment: "aws:organizations/policyAttachment:PolicyAttachment",
    permissionSet: "aws:ssoadmin/permissionSet:PermissionSet",
    inline: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
    assignment: "aws:ssoadmin/accountAssignment:AccountAssignment",
    aggregator: "aws:securityhub/findingAggregator:FindingAggregator",
    guardDutyAdmin: "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount",
    guardDutyOrganization: "aws:guardduty/organizationConfiguration:OrganizationConfiguration",
    guardDutyOrganizationFeature: "aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
    detector: "aws:guardduty/detector:Detector",
    hub: "aws:securityhub/account:Account",
    hubAdmin: "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount",
    hubOrganization: "aws:securityhub/organizationConfiguration:OrganizationConfiguration",
    analyzer: "aws:accessanalyzer/analyzer:Analyzer",
    delegatedAdministrator: "aws:organizations/delegatedAdministrator:DelegatedAdministrator",
} as const;

const awsResources = (mocks: RecordingMocks): Registration[] => mocks.registrations.filter((r) => r.type.startsWith("aws:"));

/** The account this resource must be declared in. */
function accountOf(mocks: RecordingMocks, r: Registration): Account | undefined {
    if (r.type === "aws:kms/key:Key" || r.type === "aws:kms/alias:Alias") {
        const parent = mocks.registrations.find((p) => p.urn === r.parent);
        return parent === undefined ? undefined : KEY_ACCOUNT_BY_COMPONENT[parent.type];
    }
    // Each member account's read-only preview access role lives in that account (`<account>-preview-access`).
    const previewAccess = /^(security|log-archive)-preview-access-(role|policy)$/.exec(r.name);
    if (previewAccess !== null) {
        return previewAccess[1] as Account;
    }
    return ACCOUNT_BY_TYPE[r.type];
}

/** The reference (`urn::id`) resources carry for the AWS provider of this account (a component may share its name). */
function providerReference(mocks: RecordingMocks, account: Account): string {
    const [provider, ...others] = mocks.ofType("pulumi:providers:aws").filter((p) => p.name === account);
    assert.deepStrictEqual(others, [], account);
    return `${provider.urn}::${provider.id}`;
}

/** The provider name (management, security, log-archive, each maybe with `-<region>`) behind a resource's provider reference. */
const providerName = (r: Registration): string => r.provider.split("::")[3] ?? "";

/** The account a provider serves: its name without the region of a twin. */
const accountOfProviderName = (name: string): string => name.replace(/-[a-z]{2}-[a-z]+-\d+$/, "");

/** `policy name → sorted target ids` over every SCP attachment. */
function attachmentMap(mocks: RecordingMocks): Record<string, string[]> {
    const byId = new Map(mocks.ofType(T.policy).map((p) => [p.id, String(p.inputs.name)]));
    const map: Record<string, string[]> = {};
    for (const a of mocks.ofType(T.attachment)) {
        (map[byId.get(String(a.inputs.policyId)) ?? `unknown policy ${String(a.inputs.policyId)}`] ??= []).push(String(a.inputs.targetId));
    }
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.sort()]));
}

interface Scp {
    Statement: { Sid: string; Resource?: string | string[]; Condition?: Record<string, Record<string, unknown>> }[];
}

const scpOf = (mocks: RecordingMocks, policy: string): Scp => JSON.parse(String(mocks.named(`guardrails-${policy}`).inputs.content)) as Scp;

/** Every S3 ARN any guardrail SCP names, sorted. */
function s3ArnsInScps(mocks: RecordingMocks): string[] {
    const arns = GUARDRAILS.flatMap((policy) =>
        scpOf(mocks, policy).Statement.flatMap((s) => (s.Resource === undefined ? [] : [s.Resource].flat())),
    );
    return [...new Set(arns.filter((arn) => arn.startsWith("arn:aws:s3:::")))].sort();
}

/** The allowed regions of the region guardrail (the values of its aws:RequestedRegion condition). */
function allowedRegionsInScp(mocks: RecordingMocks): unknown {
    const statements = scpOf(mocks, "regions-and-imds").Statement.filter(
        (s) => s.Condition?.["StringNotEquals"]?.["aws:RequestedRegion"] !== undefined,
    );
    assert.strictEqual(statements.length, 1);
    return statements[0].Condition?.["StringNotEquals"]?.["aws:RequestedRegion"];
}

/** A permission set's inline policy document. */
function inlinePolicy(mocks: RecordingMocks, permissionSet: string): PolicyDocument {
    const policy = mocks.named(`identity-${permissionSet}-inline`).inputs.inlinePolicy;
    return (typeof policy === "string" ? JSON.parse(policy) : policy) as PolicyDocument;
}

/** `[permission set, group, account]` for every account assignment, sorted. */
function assignments(mocks: RecordingMocks): string[][] {
    const byArn = new Map(mocks.ofType(T.permissionSet).map((p) => [p.outputs.arn, String(p.inputs.name)]));
    return mocks
        .ofType(T.assignment)
        .map((a) => [byArn.get(a.inputs.permissionSetArn) ?? "?", String(a.inputs.principalId), String(a.inputs.targetId)])
        .sort((x, y) => x.join().localeCompare(y.join()));
}

/** A key policy's statement principals by Sid. */
function keyPolicyPrincipals(mocks: RecordingMocks, key: string, sid: string): unknown {
    const policy = JSON.parse(String(mocks.named(key).inputs.policy)) as { Statement: { Sid: string; Principal: { AWS?: unknown } }[] };
    return policy.Statement.find((s) => s.Sid === sid)?.Principal.AWS;
}

const outputsOf = (run: StackRun): ManagementOutputs => run.outputs as unknown as ManagementOutputs;

/** Asserts the run failed with this ConfigError (one line) and registered nothing but the root stack. */
async function assertRefusedBeforeAnyResource(run: StackRun, key: string, value: unknown, expected: string | RegExp): Promise<void> {
    const { error } = run;
    assert.ok(ConfigError.isConfigError(error) && error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.deepStrictEqual([error.key, error.value], [key, value]);
    if (typeof expected === "string") {
        assert.strictEqual(error.expected, expected);
    } else {
        assert.match(error.expected, expected);
    }
    assert.ok(!error.message.includes("\n"), error.message);
    await run.mocks.settled();
    assert.deepStrictEqual(
        run.mocks.registrations.map((r) => r.type),
        ["pulumi:pulumi:Stack"],
    );
}

describe("management stack", () => {
    describe("from Pulumi.management.yaml", () => {
        let run: StackRun;
        let mocks: RecordingMocks;
        before(async () => {
            run = await runStack("management");
            mocks = run.mocks;
        });

        it("runs without error and is named for the management kind", () => {
            assert.strictEqual(run.error, undefined);
            assert.strictEqual(mocks.registrations[0].name, "zero-trust-aws-management");
            assert.ok(awsResources(mocks).length > 80, `${awsResources(mocks).length} AWS resources`);
            assert.deepStrictEqual(mocks.ofType("pulumi:pulumi:StackReference"), [], "the management stack reads no other stack");
        });

        it("declares the AWS providers: the management account's own credentials and the access role in the security and log-archive accounts, with twins of the first two in the other allowed region", () => {
            const providers = mocks.ofType("pulumi:providers:aws");
            assert.deepStrictEqual(providers.map((p) => p.name).sort(), [
                "log-archive",
                "management",
                "management-eu-central-1",
                "security",
                "security-eu-central-1",
            ]);
            for (const provider of providers) {
                const name = accountOfProviderName(provider.name) as Account;
                const account = ACCOUNTS[name];
                assert.strictEqual(
                    provider.inputs.region,
                    provider.name.endsWith("eu-central-1") ? "eu-central-1" : "eu-west-1",
                    provider.name,
                );
                assert.deepStrictEqual(decoded(provider.inputs.allowedAccountIds), [account], provider.name);
                assert.deepStrictEqual(
                    decoded(provider.inputs.defaultTags),
                    { tags: name === "management" ? STACK_TAGS : { ...STACK_TAGS, ...OWNER_TAG } },
                    provider.name,
                );
                if (name === "management") {
                    assert.strictEqual(provider.inputs.assumeRoles, undefined, "the deployer's own credentials: no role to assume");
                } else {
                    assert.deepStrictEqual(
                        decoded(provider.inputs.assumeRoles),
                        [{ roleArn: `arn:aws:iam::${account}:role/${ACCESS_ROLE}`, sessionName: `pulumi-${name}` }],
                        provider.name,
                    );
                }
            }
        });

        it("watches every allowed region: GuardDuty's organisation configuration, Security Hub and an organisation analyzer in eu-central-1 too; one aggregator, at home, linking eu-central-1", () => {
            const inCentral = (type: string) => mocks.ofType(type).filter((r) => providerName(r).endsWith("-eu-central-1")).length;
            assert.deepStrictEqual(
                [
                    T.guardDutyAdmin,
                    T.guardDutyOrganization,
                    T.guardDutyOrganizationFeature,
                    T.detector,
                    T.hub,
                    T.hubAdmin,
                    T.hubOrganization,
                    T.analyzer,
                    T.aggregator,
                ].map(inCentral),
                [1, 1, 6, 1, 1, 1, 1, 1, 0],
            );
            assert.strictEqual(
                mocks.named("security-services-guardduty-eu-central-1-organization").inputs.autoEnableOrganizationMembers,
                "ALL",
            );
            assert.strictEqual(providerName(mocks.named("security-services-guardduty-eu-central-1-delegation")), "management-eu-central-1");
            const [aggregator, ...others] = mocks.ofType(T.aggregator);
            assert.deepStrictEqual(others, []);
            assert.deepStrictEqual(
                [providerName(aggregator), aggregator.inputs.linkingMode, aggregator.inputs.specifiedRegions],
                ["security", "SPECIFIED_REGIONS", ["eu-central-1"]],
            );
            assert.deepStrictEqual(mocks.ofType(T.delegatedAdministrator).length, 1, "Organizations' delegation (global) once");
        });

        it("sends every AWS resource through the provider of the account it belongs in, and uses each provider", () => {
            const references = new Set(mocks.ofType("pulumi:providers:aws").map((p) => `${p.urn}::${p.id}`));
            (Object.keys(ACCOUNTS) as Account[]).forEach((account) => providerReference(mocks, account));
            const misplaced = awsResources(mocks)
                .map((r) => [r, accountOf(mocks, r)] as const)
                .filter(
                    ([r, account]) =>
                        account === undefined || !references.has(r.provider) || accountOfProviderName(providerName(r)) !== account,
                )
                .map(
                    ([r, account]) =>
                        `${r.type} ${r.name}: through ${providerName(r) || "the default provider"}, expected ${account ?? "(a type this test does not place)"}`,
                );
            assert.deepStrictEqual(misplaced, []);
            const present = new Set(awsResources(mocks).map((r) => r.type));
            assert.deepStrictEqual(
                Object.keys(ACCOUNT_BY_TYPE).filter((type) => !present.has(type)),
                [],
                "every placed type is declared",
            );
            for (const [name, account] of [
                ["log-archive-key", "log-archive"],
                ["log-archive-access-logs-key", "log-archive"],
                ["config-delivery-key", "log-archive"],
                ["organization-trail-log-group-key", "management"],
            ] as const) {
                assert.strictEqual(providerName(mocks.named(name)), account, name);
            }
        });

        it("adopts the Organization: imported by the configured id, protected, ALL features, SCPs enabled, trusted access for the services", () => {
            const [organization, ...others] = mocks.ofType(T.organization);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(recordedNamed(mocks, organization.name).options.importId, ORGANIZATION_ID);
            assert.strictEqual(organization.protect, true);
            assert.strictEqual(organization.inputs.featureSet, "ALL");
            assert.deepStrictEqual(organization.inputs.enabledPolicyTypes, ["SERVICE_CONTROL_POLICY"]);
            assert.deepStrictEqual([...(organization.inputs.awsServiceAccessPrincipals as string[])].sort(), TRUSTED_SERVICES);
        });

        it("adopts every account it knows (import, never created) and keeps it in its OU: security and log-archive in security, each environment in its workloads OU", () => {
            const ou = (name: string): unknown => mocks.named(`organization-${name}`).id;
            const accounts = mocks
                .ofType("aws:organizations/account:Account")
                .map((a) => [a.name, recordedNamed(mocks, a.name).options.importId, a.inputs.parentId, a.inputs.email]);
            assert.deepStrictEqual(accounts.sort(), [
                ["accounts-log-archive", ACCOUNTS["log-archive"], ou("security"), "aws+log-archive@example.com"],
                ["accounts-prod", "222222222222", ou("workloads-prod"), "aws+prod@example.com"],
                ["accounts-security", ACCOUNTS.security, ou("security"), "aws+security@example.com"],
                ["accounts-staging", "111111111111", ou("workloads-non-prod"), "aws+staging@example.com"],
            ]);
            for (const account of mocks.ofType("aws:organizations/account:Account")) {
                const { options } = recordedNamed(mocks, account.name);
                assert.deepStrictEqual(
                    [account.protect, options.retainOnDelete, account.inputs.closeOnDeletion],
                    [true, true, false],
                    account.name,
                );
            }
        });

        it("associates the listed environment accounts as Security Hub members of the security account", () => {
            assert.deepStrictEqual(
                mocks
                    .ofType("aws:securityhub/member:Member")
                    .map((m) => m.inputs.accountId)
                    .sort(),
                ["111111111111", "222222222222"],
            );
        });

        it("builds the OU tree under the configured root: security and workloads, prod and non-prod under workloads, all protected", () => {
            const ous = mocks.ofType(T.ou);
            const workloads = mocks.named("organization-workloads");
            assert.deepStrictEqual(Object.fromEntries(ous.map((ou) => [ou.inputs.name, ou.inputs.parentId])), {
                security: ROOT_ID,
                workloads: ROOT_ID,
                prod: workloads.id,
                "non-prod": workloads.id,
            });
            assert.deepStrictEqual(
                ous.filter((ou) => !ou.protect).map((ou) => ou.name),
                [],
            );
        });

        it("attaches the four guardrail SCPs to the security and workloads OUs, the platform fence to the root, and nothing else (not the management account or a child OU)", () => {
            const targets = [mocks.named("organization-security").id, mocks.named("organization-workloads").id].sort();
            assert.deepStrictEqual(attachmentMap(mocks), expectedAttachments(targets));
            for (const attachment of mocks.ofType(T.attachment).filter((a) => a.inputs.targetId !== ROOT_ID)) {
                const ou = mocks.ofType(T.ou).find((o) => o.id === attachment.inputs.targetId);
                assert.ok(ou !== undefined, attachment.name);
                assert.deepStrictEqual(attachment.propertyDependencies.targetId, [ou.urn], `${attachment.name} waits for its OU`);
            }
        });

        it("protects every SCP and attachment, and every SCP document is valid", () => {
            const guardrails = [...mocks.ofType(T.policy), ...mocks.ofType(T.attachment)];
            assert.strictEqual(guardrails.length, 14);
            assert.deepStrictEqual(
                guardrails.filter((r) => !r.protect).map((r) => r.name),
                [],
            );
            for (const policy of [...GUARDRAILS, ROOT_GUARDRAIL]) {
                assert.deepStrictEqual(scpProblems(scpOf(mocks, policy)), [], policy);
            }
        });

        it("builds the SCPs from the guardrails config: the allowed regions, the break-glass and access roles", () => {
            assert.deepStrictEqual(allowedRegionsInScp(mocks), ["eu-west-1", "eu-central-1"]);
            const auditLogs = String(mocks.named("guardrails-audit-logs-and-keys").inputs.content);
            assert.ok(auditLogs.includes('"arn:aws:iam::*:role/break-glass"'), auditLogs);
            assert.ok(auditLogs.includes(`"arn:aws:iam::*:role/${ACCESS_ROLE}"`), auditLogs);
        });

        it("names the archive bucket zero-trust-log-archive-<orgId>, and the SCPs protect exactly that bucket", () => {
            assert.deepStrictEqual(
                [mocks.named("log-archive-bucket").inputs.bucket, mocks.named("log-archive-bucket").id],
                [BUCKET, BUCKET],
            );
            assert.deepStrictEqual(s3ArnsInScps(mocks), [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`]);
        });

        it("builds the archive from the logArchive config: object lock, lifecycle, readers from the security account, keys administered in the log-archive account", () => {
            const lock = mocks.named("log-archive-object-lock").inputs;
            assert.deepStrictEqual(lock.rule, { defaultRetention: { days: 365, mode: "COMPLIANCE" } });
            const [rule] = (
                mocks.named("log-archive-lifecycle").inputs.rules as { id: string; transitions?: unknown; expiration?: unknown }[]
            ).filter((r) => r.transitions !== undefined);
            assert.deepStrictEqual(
                [rule.transitions, rule.expiration],
                [
                    [
                        { days: 90, storageClass: "STANDARD_IA" },
                        { days: 365, storageClass: "GLACIER" },
                    ],
                    { days: 2557 },
                ],
            );
            const policy = mocks.named("log-archive-policy").inputs.policy as {
                Statement: { Sid: string; Principal?: { AWS?: unknown } }[];
            };
            assert.deepStrictEqual(policy.Statement.find((s) => s.Sid === "ReadersReadObjects")?.Principal?.AWS, [
                `arn:aws:iam::${ACCOUNTS.security}:root`,
            ]);
            assert.deepStrictEqual(keyPolicyPrincipals(mocks, "log-archive-key", "KeyAdministratorsManageButDoNotUse"), [
                `arn:aws:iam::${ACCOUNTS["log-archive"]}:role/${ACCESS_ROLE}`,
                `arn:aws:iam::${ACCOUNTS["log-archive"]}:role/break-glass`,
            ]);
            assert.deepStrictEqual(keyPolicyPrincipals(mocks, "organization-trail-log-group-key", "KeyAdministratorsManageButDoNotUse"), [
                `arn:aws:iam::${ACCOUNTS.management}:role/pipeline-deploy-management`,
                `arn:aws:iam::${ACCOUNTS.management}:role/break-glass`,
            ]);
            for (const key of mocks.ofType("aws:kms/key:Key")) {
                assert.deepStrictEqual([key.inputs.deletionWindowInDays, key.inputs.enableKeyRotation], [30, true], key.name);
            }
        });

        it("gives AWS Config its own delivery bucket next to the archive: no object lock, the archive's readers and lifecycle, access logs beside the archive's", () => {
            const bucket = mocks.named("config-delivery-bucket");
            assert.deepStrictEqual(
                [bucket.inputs.bucket, bucket.inputs.objectLockEnabled, providerName(bucket)],
                [`${BUCKET}-config`, undefined, "log-archive"],
            );
            assert.deepStrictEqual(
                mocks.named("config-delivery-lifecycle").inputs.rules,
                mocks.named("log-archive-lifecycle").inputs.rules,
            );
            assert.deepStrictEqual(keyPolicyPrincipals(mocks, "config-delivery-key", "ReadersDecryptThroughS3"), [
                `arn:aws:iam::${ACCOUNTS.security}:root`,
            ]);
            assert.strictEqual(mocks.named("config-delivery-logging").inputs.targetBucket, `${BUCKET}-access-logs`);
            const accessPolicy = mocks.named("log-archive-access-logs-policy").inputs.policy as {
                Statement: { Sid: string; Condition?: { ArnLike?: Record<string, unknown> } }[];
            };
            const fromConfig = accessPolicy.Statement.find((s) => s.Sid === "S3ServerAccessLogsFromConfigDeliveryBucket");
            assert.deepStrictEqual(fromConfig?.Condition?.ArnLike, { "aws:SourceArn": `arn:aws:s3:::${BUCKET}-config` });
        });

        it("lets the security-auditor permission set's roles in the log-archive account decrypt the archive and Config's deliveries there", () => {
            const pattern = `arn:aws:iam::${ACCOUNTS["log-archive"]}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_security-auditor_*`;
            for (const key of ["log-archive-key", "config-delivery-key"]) {
                const policy = JSON.parse(String(mocks.named(key).inputs.policy)) as {
                    Statement: { Sid: string; Condition?: { ArnLike?: Record<string, unknown> } }[];
                };
                assert.deepStrictEqual(
                    policy.Statement.find((s) => s.Sid === "AccountReaderRolesDecryptThroughS3")?.Condition?.ArnLike,
                    { "aws:PrincipalArn": [pattern] },
                    key,
                );
            }
        });

        it("delivers an organisation, multi-region, validated, KMS-encrypted trail to the archive bucket and to its log group", () => {
            const trail = mocks.named("organization-trail-trail");
            const bucket = mocks.named("log-archive-bucket");
            const key = mocks.named("log-archive-key");
            const logGroup = mocks.named("organization-trail-log-group");
            const role = mocks.named("organization-trail-role");
            assert.deepStrictEqual(
                [
                    trail.inputs.name,
                    trail.inputs.isOrganizationTrail,
                    trail.inputs.isMultiRegionTrail,
                    trail.inputs.enableLogFileValidation,
                    trail.inputs.includeGlobalServiceEvents,
                    trail.inputs.enableLogging,
                ],
                ["zero-trust-organization-trail", true, true, true, true, true],
            );
            assert.strictEqual(trail.inputs.s3BucketName, BUCKET);
            assert.ok(trail.propertyDependencies.s3BucketName.includes(bucket.urn));
            assert.strictEqual(trail.inputs.kmsKeyId, key.outputs.arn);
            assert.match(
                String(trail.inputs.kmsKeyId),
                new RegExp(`^arn:aws:kms:eu-west-1:${ACCOUNTS["log-archive"]}:key/`),
                "the archive's key, in the log-archive account",
            );
            assert.deepStrictEqual(trail.propertyDependencies.kmsKeyId, [key.urn]);
            assert.strictEqual(trail.inputs.cloudWatchLogsGroupArn, `${String(logGroup.outputs.arn)}:*`);
            assert.deepStrictEqual(trail.propertyDependencies.cloudWatchLogsGroupArn, [logGroup.urn]);
            assert.strictEqual(trail.inputs.cloudWatchLogsRoleArn, role.outputs.arn);
            const logGroupKey = mocks.named("organization-trail-log-group-key");
            assert.deepStrictEqual([logGroup.inputs.kmsKeyId, logGroup.inputs.retentionInDays], [logGroupKey.outputs.arn, 365]);
        });

        it("protects every key, bucket, trail, log group and delegation", () => {
            const stateful = [
                "aws:kms/key:Key",
                "aws:s3/bucket:Bucket",
                "aws:cloudtrail/trail:Trail",
                "aws:cloudwatch/logGroup:LogGroup",
                "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount",
                "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount",
                "aws:organizations/delegatedAdministrator:DelegatedAdministrator",
            ];
            const resources = awsResources(mocks).filter((r) => stateful.includes(r.type));
            assert.deepStrictEqual(
                stateful.map((type) => resources.filter((r) => r.type === type).length),
                [4, 3, 1, 1, 2, 2, 1],
                "four keys, the archive, its access-log bucket and Config's delivery bucket, the trail, its log group, GuardDuty's and Security Hub's designations per allowed region, Access Analyzer's",
            );
            assert.deepStrictEqual(
                resources.filter((r) => !r.protect).map((r) => r.name),
                [],
            );
        });

        it("delegates GuardDuty, Security Hub and Access Analyzer to the security account, whose detector publishes as configured", () => {
            assert.strictEqual(mocks.named("security-services-guardduty-delegation").inputs.adminAccountId, ACCOUNTS.security);
            assert.strictEqual(mocks.named("security-services-security-hub-delegation").inputs.adminAccountId, ACCOUNTS.security);
            assert.deepStrictEqual(mocks.named("security-services-access-analyzer-delegation").inputs, {
                accountId: ACCOUNTS.security,
                servicePrincipal: "access-analyzer.amazonaws.com",
            });
            assert.strictEqual(
                mocks.named("security-services-guardduty-admin-detector").inputs.findingPublishingFrequency,
                "FIFTEEN_MINUTES",
            );
            assert.strictEqual(mocks.named("security-services-guardduty-organization").inputs.autoEnableOrganizationMembers, "ALL");
            for (const region of ["eu-west-1", "eu-central-1"]) {
                assert.deepStrictEqual(
                    mocks
                        .ofType("aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature")
                        .filter((f) => providerName(f).endsWith("eu-central-1") === (region === "eu-central-1"))
                        .map((f) => [f.inputs.name, f.inputs.autoEnable])
                        .sort(),
                    [
                        ["EBS_MALWARE_PROTECTION", "ALL"],
                        ["EKS_AUDIT_LOGS", "ALL"],
                        ["LAMBDA_NETWORK_LOGS", "ALL"],
                        ["RDS_LOGIN_EVENTS", "ALL"],
                        ["RUNTIME_MONITORING", "ALL"],
                        ["S3_DATA_EVENTS", "ALL"],
                    ],
                    region,
                );
            }
            assert.strictEqual(mocks.named("security-services-security-hub-aggregator").inputs.linkingMode, "SPECIFIED_REGIONS");
            assert.strictEqual(mocks.named("security-services-access-analyzer-analyzer").inputs.type, "ORGANIZATION");
        });

        it("the security team can read the audit logs in the configured bucket but is explicitly denied deleting them", () => {
            const policies = [inlinePolicy(mocks, "security-auditor")];
            const object = `arn:aws:s3:::${BUCKET}/AWSLogs/${ORGANIZATION_ID}/111111111111/CloudTrail/eu-west-1/2026/11/29/log.json.gz`;
            for (const action of ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention", "s3:PutObject"]) {
                assert.strictEqual(evaluate(policies, { action, resource: object }), "ExplicitDeny", action);
            }
            assert.strictEqual(evaluate(policies, { action: "s3:DeleteBucket", resource: `arn:aws:s3:::${BUCKET}` }), "ExplicitDeny");
            assert.strictEqual(evaluate(policies, { action: "s3:GetObject", resource: object }), "Allow");
            assert.strictEqual(evaluate(policies, { action: "s3:ListBucket", resource: `arn:aws:s3:::${BUCKET}` }), "Allow");
        });

        it("no permission set may delete the audit logs, whatever else it allows", () => {
            const object = `arn:aws:s3:::${BUCKET}/AWSLogs/${ORGANIZATION_ID}/111111111111/CloudTrail/eu-west-1/2026/11/29/log.json.gz`;
            for (const permissionSet of ["developer", "security-auditor", "platform-admin", "read-only"]) {
                assert.strictEqual(
                    evaluate([inlinePolicy(mocks, permissionSet)], { action: "s3:DeleteObject", resource: object }),
                    "ExplicitDeny",
                    permissionSet,
                );
            }
        });

        it("assigns permission sets by account: security and log-archive as those accounts' ids, member accounts by their own ids", () => {
            const SECURITY_TEAM = "9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b";
            const DEVELOPERS = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";
            const PLATFORM = "7f8e9d0c-1b2a-3948-5766-85a4b3c2d1e0";
            const expected = [
                ["security-auditor", SECURITY_TEAM, ACCOUNTS.security],
                ["security-auditor", SECURITY_TEAM, ACCOUNTS["log-archive"]],
                ["security-auditor", SECURITY_TEAM, "111111111111"],
                ["security-auditor", SECURITY_TEAM, "222222222222"],
                ["developer", DEVELOPERS, "111111111111"],
                ["read-only", DEVELOPERS, "222222222222"],
                ["platform-admin", PLATFORM, "111111111111"],
                ["platform-admin", PLATFORM, "222222222222"],
            ].sort((x, y) => x.join().localeCompare(y.join()));
            assert.deepStrictEqual(assignments(mocks), expected);
            for (const a of mocks.ofType(T.assignment)) {
                assert.deepStrictEqual(
                    [a.inputs.instanceArn, a.inputs.principalType, a.inputs.targetType],
                    ["arn:aws:sso:::instance/ssoins-72230b8e5c1d4f3a", "GROUP", "AWS_ACCOUNT"],
                    a.name,
                );
            }
            assert.deepStrictEqual(
                Object.fromEntries(mocks.ofType(T.permissionSet).map((p) => [p.inputs.name, p.inputs.sessionDuration])),
                { developer: "PT8H", "security-auditor": "PT4H", "platform-admin": "PT1H", "read-only": "PT4H" },
            );
        });

        it("exports what it registered: the organisation, OUs by path, accounts, archive, trail, SCPs, security services, permission sets", async () => {
            const named = (name: string): Registration => mocks.named(name);
            const expected = {
                organizationId: ORGANIZATION_ID,
                rootId: ROOT_ID,
                managementAccountId: ACCOUNTS.management,
                organizationalUnitIds: {
                    security: named("organization-security").id,
                    workloads: named("organization-workloads").id,
                    "workloads/prod": named("organization-workloads-prod").id,
                    "workloads/non-prod": named("organization-workloads-non-prod").id,
                },
                securityAccountId: ACCOUNTS.security,
                logArchiveAccountId: ACCOUNTS["log-archive"],
                logArchiveBucketName: named("log-archive-bucket").id,
                logArchiveKeyArn: named("log-archive-key").outputs.arn,
                configDeliveryBucketName: named("config-delivery-bucket").id,
                configDeliveryKeyArn: named("config-delivery-key").outputs.arn,
                organizationTrailArn: named("organization-trail-trail").outputs.arn,
                organizationTrailLogGroupName: named("organization-trail-log-group").outputs.name,
                placedAccountIds: {
                    security: ACCOUNTS.security,
                    "log-archive": ACCOUNTS["log-archive"],
                    staging: "111111111111",
                    prod: "222222222222",
                },
                guardrailPolicyIds: Object.fromEntries(
                    [...GUARDRAILS, ROOT_GUARDRAIL].map((policy) => [policy, named(`guardrails-${policy}`).id]),
                ),
                securityGuardDutyDetectorId: named("security-services-guardduty-admin-detector").id,
                securityHubAggregatorArn: named("security-services-security-hub-aggregator").outputs.arn,
                organizationAnalyzerArn: named("security-services-access-analyzer-analyzer").outputs.arn,
                allowedRegions: ["eu-west-1", "eu-central-1"],
                securityGuardDutyDetectorIds: {
                    "eu-west-1": named("security-services-guardduty-admin-detector").id,
                    "eu-central-1": named("security-services-guardduty-eu-central-1-admin-detector").id,
                },
                organizationAnalyzerArns: {
                    "eu-west-1": named("security-services-access-analyzer-analyzer").outputs.arn,
                    "eu-central-1": named("security-services-access-analyzer-analyzer-eu-central-1").outputs.arn,
                },
                permissionSetArns: Object.fromEntries(
                    mocks.ofType(T.permissionSet).map((p): [string, unknown] => [String(p.inputs.name), p.outputs.arn]),
                ),
                pipelinePreviewRoleArn: `arn:aws:iam::${ACCOUNTS.management}:role/pipeline-preview`,
                pipelineDeployRoleArns: Object.fromEntries(
                    ["management", "staging", "prod"].map((stack) => [stack, named(`pipeline-deploy-${stack}`).outputs.arn]),
                ),
            };
            assert.strictEqual(Object.keys(expected.permissionSetArns).length, 4);
            assert.strictEqual(named("organization-organization").id, ORGANIZATION_ID);
            assert.deepStrictEqual(await valueOf(pulumi.output(outputsOf(run))), expected);
            // What `pulumi stack output` shows, and what the environments' StackReference reads.
            assert.deepStrictEqual(named("zero-trust-aws-management").outputs, expected);
        });
    });

    describe("with changed config", () => {
        const BREAK_GLASS = "emergency-admin";
        let run: StackRun;
        let mocks: RecordingMocks;
        before(async () => {
            run = await runStack("management", {
                "zero-trust-aws:organization": JSON.stringify({
                    id: ORGANIZATION_ID,
                    rootId: ROOT_ID,
                    managementAccountId: ACCOUNTS.management,
                    workloadOus: ["prod", "staging", "sandbox"],
                }),
                "zero-trust-aws:accounts": JSON.stringify({
                    securityAccountId: ACCOUNTS.security,
                    securityAccountEmail: "aws+security@example.com",
                    logArchiveAccountId: ACCOUNTS["log-archive"],
                    logArchiveAccountEmail: "aws+log-archive@example.com",
                    environments: [
                        {
                            name: "staging",
                            accountId: "111111111111",
                            email: "aws+staging@example.com",
                            ou: "workloads/staging",
                            securityHubMember: false,
                        },
                    ],
                }),
                "zero-trust-aws:guardrails": JSON.stringify({
                    allowedRegions: ["us-east-1", "eu-west-1"],
                    breakGlassRoleName: BREAK_GLASS,
                }),
                "zero-trust-aws:logArchive": JSON.stringify({
                    bucketName: "acme-audit-logs",
                    objectLockMode: "GOVERNANCE",
                    objectLockDays: 400,
                    infrequentAccessAfterDays: 60,
                    archiveAfterDays: 180,
                    archiveStorageClass: "DEEP_ARCHIVE",
                    expireAfterDays: 3650,
                    keyAdministrators: ["arn:aws:iam::444444444444:role/archive-admin"],
                }),
                "zero-trust-aws:securityServices": JSON.stringify({
                    guardDutyFeatures: ["S3_DATA_EVENTS", "RUNTIME_MONITORING"],
                    findingPublishingFrequency: "ONE_HOUR",
                    aggregatorRegions: ["us-east-1"],
                }),
            });
            mocks = run.mocks;
        });

        it("runs without error", () => {
            assert.strictEqual(run.error, undefined);
        });

        it("workloadOus: one child of workloads per entry, exported by path; the SCPs still only on the two top-level OUs and the root", async () => {
            const workloads = mocks.named("organization-workloads").id;
            assert.deepStrictEqual(Object.fromEntries(mocks.ofType(T.ou).map((ou) => [ou.inputs.name, ou.inputs.parentId])), {
                security: ROOT_ID,
                workloads: ROOT_ID,
                prod: workloads,
                staging: workloads,
                sandbox: workloads,
            });
            const ids = await valueOf(pulumi.output(outputsOf(run).organizationalUnitIds));
            assert.deepStrictEqual(Object.keys(ids).sort(), [
                "security",
                "workloads",
                "workloads/prod",
                "workloads/sandbox",
                "workloads/staging",
            ]);
            assert.strictEqual(ids["workloads/sandbox"], mocks.named("organization-workloads-sandbox").id);
            const targets = [mocks.named("organization-security").id, workloads].sort();
            assert.deepStrictEqual(attachmentMap(mocks), expectedAttachments(targets));
        });

        it("accounts.environments: each listed account in the OU it names; no Security Hub member where securityHubMember is false", () => {
            assert.strictEqual(mocks.named("accounts-staging").inputs.parentId, mocks.named("organization-workloads-staging").id);
            assert.deepStrictEqual(
                mocks
                    .ofType("aws:organizations/account:Account")
                    .map((a) => a.name)
                    .sort(),
                ["accounts-log-archive", "accounts-security", "accounts-staging"],
            );
            assert.deepStrictEqual(mocks.ofType("aws:securityhub/member:Member"), []);
        });

        it("allowedRegions and breakGlassRoleName go into the SCPs", () => {
            assert.deepStrictEqual(allowedRegionsInScp(mocks), ["us-east-1", "eu-west-1"]);
            const content = GUARDRAILS.map((policy) => String(mocks.named(`guardrails-${policy}`).inputs.content)).join();
            assert.ok(content.includes(`arn:aws:iam::*:role/${BREAK_GLASS}`));
            assert.ok(!content.includes("role/break-glass"), "the default break-glass role is gone");
        });

        it("logArchive.bucketName names the bucket, and the SCPs, the trail, Identity Center's deny and the output follow it", async () => {
            assert.strictEqual(mocks.named("log-archive-bucket").inputs.bucket, "acme-audit-logs");
            assert.deepStrictEqual(s3ArnsInScps(mocks), ["arn:aws:s3:::acme-audit-logs", "arn:aws:s3:::acme-audit-logs/*"]);
            assert.strictEqual(mocks.named("organization-trail-trail").inputs.s3BucketName, "acme-audit-logs");
            const object = "arn:aws:s3:::acme-audit-logs/AWSLogs/o-a1b2c3d4e5/111111111111/CloudTrail/log.json.gz";
            assert.strictEqual(
                evaluate([inlinePolicy(mocks, "security-auditor")], { action: "s3:DeleteObject", resource: object }),
                "ExplicitDeny",
            );
            assert.strictEqual(evaluate([inlinePolicy(mocks, "security-auditor")], { action: "s3:GetObject", resource: object }), "Allow");
            assert.strictEqual(await valueOf(outputsOf(run).logArchiveBucketName), "acme-audit-logs");
            assert.ok(!JSON.stringify(mocks.registrations.map((r) => r.inputs)).includes(BUCKET), "the default name appears nowhere");
        });

        it("the archive's lock, lifecycle and key administrators follow logArchive (each value to its own place)", () => {
            assert.deepStrictEqual(mocks.named("log-archive-object-lock").inputs.rule, {
                defaultRetention: { days: 400, mode: "GOVERNANCE" },
            });
            const [rule] = (mocks.named("log-archive-lifecycle").inputs.rules as { transitions?: unknown; expiration?: unknown }[]).filter(
                (r) => r.transitions !== undefined,
            );
            assert.deepStrictEqual(
                [rule.transitions, rule.expiration],
                [
                    [
                        { days: 60, storageClass: "STANDARD_IA" },
                        { days: 180, storageClass: "DEEP_ARCHIVE" },
                    ],
                    { days: 3650 },
                ],
            );
            assert.deepStrictEqual(keyPolicyPrincipals(mocks, "log-archive-key", "KeyAdministratorsManageButDoNotUse"), [
                "arn:aws:iam::444444444444:role/archive-admin",
            ]);
        });

        it("securityServices: the listed plans auto-enabled, the publishing frequency, and an aggregator of the SPECIFIED_REGIONS", () => {
            assert.deepStrictEqual(
                mocks
                    .ofType("aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature")
                    .filter((f) => f.inputs.autoEnable === "ALL")
                    .map((f) => f.inputs.name)
                    .sort(),
                // In both allowed regions (eu-west-1 and us-east-1).
                ["RUNTIME_MONITORING", "RUNTIME_MONITORING", "S3_DATA_EVENTS", "S3_DATA_EVENTS"],
            );
            assert.strictEqual(mocks.named("security-services-guardduty-admin-detector").inputs.findingPublishingFrequency, "ONE_HOUR");
            const [aggregator, ...others] = mocks.ofType(T.aggregator);
            assert.deepStrictEqual(others, []);
            assert.deepStrictEqual(
                [aggregator.inputs.linkingMode, aggregator.inputs.specifiedRegions],
                ["SPECIFIED_REGIONS", ["us-east-1"]],
            );
            assert.strictEqual(providerName(aggregator), "security");
        });
    });

    describe("without identityCenter", () => {
        let run: StackRun;
        before(async () => {
            run = await runStack("management", { "zero-trust-aws:identityCenter": undefined });
        });

        it("declares no Identity Center resources and exports no permission sets", async () => {
            assert.strictEqual(run.error, undefined);
            assert.deepStrictEqual(
                run.mocks.registrations
                    .filter((r) => r.type.startsWith("aws:ssoadmin/") || r.type === "zero-trust:identity:IdentityCenterAccess")
                    .map((r) => r.name),
                [],
            );
            assert.deepStrictEqual(await valueOf(pulumi.output(outputsOf(run).permissionSetArns)), {});
            assert.deepStrictEqual(run.mocks.named("zero-trust-aws-management").outputs.permissionSetArns, {});
        });

        it("still builds the rest of the organisation", () => {
            assert.strictEqual(run.mocks.ofType(T.organization).length, 1);
            assert.strictEqual(run.mocks.ofType(T.attachment).length, 9);
            assert.strictEqual(run.mocks.ofType("aws:cloudtrail/trail:Trail").length, 1);
        });
    });

    it("refuses an unknown zero-trust-aws:kind with one line naming the key and the value, and declares nothing", async () => {
        const run = await runStack("management", { "zero-trust-aws:kind": "organisation" });
        await assertRefusedBeforeAnyResource(run, "zero-trust-aws:kind", "organisation", "one of environment, management");
        assert.strictEqual(
            (run.error as ConfigError).message,
            'invalid config zero-trust-aws:kind="organisation": expected one of environment, management',
        );
    });

    it("validates the whole management config before declaring anything", async () => {
        const run = await runStack("management", {
            "zero-trust-aws:accounts": JSON.stringify({
                securityAccountId: "333333333333",
                securityAccountEmail: "aws+security@example.com",
                logArchiveAccountId: "333333333333",
                logArchiveAccountEmail: "aws+log-archive@example.com",
            }),
        });
        await assertRefusedBeforeAnyResource(
            run,
            "zero-trust-aws:accounts.logArchiveAccountId",
            "333333333333",
            "an account other than accounts.securityAccountId (the organisation's accounts keep their duties apart)",
        );
    });

    // Config refuses what a component would refuse mid-run, by the component's own rule, naming the
    // config key (each case in detail: tests/config/management-config.test.ts).
    describe("refuses config the components would refuse, before declaring anything", () => {
        const identityCenter = { instanceArn: "arn:aws:sso:::instance/ssoins-72230b8e5c1d4f3a" };
        const identityCenterWith = (fields: Record<string, unknown>): Record<string, string> => ({
            "zero-trust-aws:identityCenter": JSON.stringify({ ...identityCenter, ...fields }),
        });
        const cases: [what: string, overrides: Record<string, string>, key: string, value: unknown][] = [
            [
                "a session for an undeclared permission set",
                identityCenterWith({ permissionSets: ["read-only"], sessionDurations: { developer: "PT2H" } }),
                "zero-trust-aws:identityCenter.sessionDurations.developer",
                "PT2H",
            ],
            [
                "a platform-admin session of four hours",
                identityCenterWith({ sessionDurations: { "platform-admin": "PT4H" } }),
                "zero-trust-aws:identityCenter.sessionDurations.platform-admin",
                "PT4H",
            ],
            [
                "the stack's region as an aggregator region",
                { "zero-trust-aws:securityServices": JSON.stringify({ aggregatorRegions: ["eu-west-1"] }) },
                "zero-trust-aws:securityServices.aggregatorRegions[0]",
                "eu-west-1",
            ],
            [
                "a dotted archive bucket name",
                { "zero-trust-aws:logArchive": JSON.stringify({ bucketName: "acme.audit.logs" }) },
                "zero-trust-aws:logArchive.bucketName",
                "acme.audit.logs",
            ],
            [
                "the access role as the break-glass role",
                { "zero-trust-aws:guardrails": JSON.stringify({ allowedRegions: ["eu-west-1"], breakGlassRoleName: ACCESS_ROLE }) },
                "zero-trust-aws:guardrails.breakGlassRoleName",
                ACCESS_ROLE,
            ],
        ];
        for (const [what, overrides, key, value] of cases) {
            it(`refuses ${what}`, async () => {
                await assertRefusedBeforeAnyResource(await runStack("management", overrides), key, value, /\S/);
            });
        }
    });
});

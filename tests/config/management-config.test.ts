// The management stack's config (stacks/config/management-schema.ts) as the program reads it: the
// real Pulumi.management.yaml with its defaults, and every refusal with the exact key, value and
// expected text of its ConfigError (one line, before any resource is declared).
import * as assert from "assert";
import { assertRefusal, refusal as refusalOf } from "./config-refusal";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { readStackConfig } from "../../offline-preview/stack-config";
import { MANAGEMENT_CONFIG_KEYS, parseManagementConfig } from "../../stacks/config/load-management-config";
import type { RawConfig } from "../../stacks/config/stack-config-reader";

const ROOT = path.resolve(__dirname, "../..");

/** The management stack's config as the Pulumi CLI hands it to the program (the offline preview's reader). */
const STACK_FILE: RawConfig = readStackConfig(ROOT, "management").config;

/** One `zero-trust-aws:<key>` object of the stack file, decoded. */
const fromFile = (key: string): Record<string, unknown> =>
    JSON.parse(STACK_FILE[`zero-trust-aws:${key}`] ?? "{}") as Record<string, unknown>;

const ORGANIZATION = fromFile("organization");
const ACCOUNTS = fromFile("accounts");
const GUARDRAILS = fromFile("guardrails");
const LOG_ARCHIVE = fromFile("logArchive");
const TRAIL = fromFile("trail");
const IDENTITY_CENTER = fromFile("identityCenter");
const [AUDITORS] = IDENTITY_CENTER["assignments"] as Record<string, unknown>[];

/** The stack file with `zero-trust-aws:<key>` replaced by this value (JSON-encoded, as Pulumi passes objects), or removed. */
const withKey = (key: string, value: unknown): RawConfig => ({
    ...STACK_FILE,
    [`zero-trust-aws:${key}`]: value === undefined ? undefined : JSON.stringify(value),
});

/** The smallest config the management stack accepts: everything else defaults. */
const MINIMAL: RawConfig = {
    "aws:region": "eu-west-1",
    "zero-trust-aws:organization": JSON.stringify({ id: "o-a1b2c3d4e5", rootId: "r-a1b2", managementAccountId: "999999999999" }),
    "zero-trust-aws:accounts": JSON.stringify({
        securityAccountId: "333333333333",
        securityAccountEmail: "aws+security@example.com",
        logArchiveAccountId: "444444444444",
        logArchiveAccountEmail: "aws+log-archive@example.com",
    }),
    "zero-trust-aws:guardrails": JSON.stringify({ allowedRegions: ["eu-west-1"] }),
    "zero-trust-aws:trail": JSON.stringify({ keyAdministrators: ["arn:aws:iam::999999999999:role/platform-deployer"] }),
};

const ALL_FEATURES = [
    "S3_DATA_EVENTS",
    "EKS_AUDIT_LOGS",
    "EBS_MALWARE_PROTECTION",
    "RDS_LOGIN_EVENTS",
    "RUNTIME_MONITORING",
    "LAMBDA_NETWORK_LOGS",
];
const ALL_PERMISSION_SETS = ["developer", "security-auditor", "platform-admin", "read-only"];
const PERMISSION_SET_EXPECTED = "a permission set: developer, security-auditor, platform-admin, read-only";
const RETENTIONS = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653";
const SESSION_EXPECTED = "an ISO-8601 session duration from PT1H to PT8H (e.g. PT4H)";
const ASSIGNED_ACCOUNT_EXPECTED = "security or log-archive, or a 12-digit member account id";
const ROLE_ARN_EXPECTED = "an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)";
const DISTINCT = "(the organisation's accounts keep their duties apart)";

/** The ConfigError parsing this raw config throws (fails if it parses). */
const refusal = (raw: RawConfig) => refusalOf(() => parseManagementConfig(raw));

/** Asserts that parsing fails with exactly this ConfigError, in one line. */
const assertRefused = (raw: RawConfig, key: string, value: unknown, expected: string | RegExp) =>
    assertRefusal(() => parseManagementConfig(raw), key, value, expected);

type Case = [what: string, raw: RawConfig, key: string, value: unknown, expected: string | RegExp];

/** Registers one test per case. */
function refusals(cases: readonly Case[]): void {
    for (const [what, raw, key, value, expected] of cases) {
        it(`refuses ${what}`, () => assertRefused(raw, key, value, expected));
    }
}

describe("management config", () => {
    describe("the stack file", () => {
        it("Pulumi.management.yaml validates, with the schema's defaults applied", () => {
            assert.deepStrictEqual(parseManagementConfig(STACK_FILE), {
                region: "eu-west-1",
                organization: {
                    id: "o-a1b2c3d4e5",
                    rootId: "r-a1b2",
                    managementAccountId: "999999999999",
                    workloadOus: ["prod", "non-prod"],
                },
                accounts: {
                    accessRoleName: "OrganizationAccountAccessRole",
                    securityAccountId: "333333333333",
                    securityAccountEmail: "aws+security@example.com",
                    logArchiveAccountId: "444444444444",
                    logArchiveAccountEmail: "aws+log-archive@example.com",
                    environments: [
                        {
                            name: "staging",
                            accountId: "111111111111",
                            email: "aws+staging@example.com",
                            ou: "workloads/non-prod",
                            securityHubMember: true,
                        },
                        {
                            name: "prod",
                            accountId: "222222222222",
                            email: "aws+prod@example.com",
                            ou: "workloads/prod",
                            securityHubMember: true,
                        },
                    ],
                },
                guardrails: { allowedRegions: ["eu-west-1", "eu-central-1"], breakGlassRoleName: "break-glass" },
                logArchive: {
                    objectLockMode: "COMPLIANCE",
                    objectLockDays: 365,
                    infrequentAccessAfterDays: 90,
                    archiveAfterDays: 365,
                    archiveStorageClass: "GLACIER",
                    expireAfterDays: 2557,
                },
                trail: {
                    name: "zero-trust-organization-trail",
                    logRetentionDays: 365,
                    keyAdministrators: [
                        "arn:aws:iam::999999999999:role/pipeline-deploy-management",
                        "arn:aws:iam::999999999999:role/break-glass",
                    ],
                },
                securityServices: { guardDutyFeatures: ALL_FEATURES, findingPublishingFrequency: "FIFTEEN_MINUTES" },
                identityCenter: {
                    instanceArn: "arn:aws:sso:::instance/ssoins-72230b8e5c1d4f3a",
                    permissionSets: ALL_PERMISSION_SETS,
                    sessionDurations: { developer: "PT8H", "security-auditor": "PT4H", "platform-admin": "PT1H" },
                    assignments: [
                        {
                            groupId: "9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b",
                            permissionSet: "security-auditor",
                            accounts: ["security", "log-archive", "111111111111", "222222222222"],
                        },
                        { groupId: "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d", permissionSet: "developer", accounts: ["111111111111"] },
                        { groupId: "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d", permissionSet: "read-only", accounts: ["222222222222"] },
                        {
                            groupId: "7f8e9d0c-1b2a-3948-5766-85a4b3c2d1e0",
                            permissionSet: "platform-admin",
                            accounts: ["111111111111", "222222222222"],
                        },
                    ],
                },
                pipeline: { githubOwner: "example-org", githubRepository: "zero-trust-aws" },
                tags: { CostCenter: "security" },
            });
        });

        it("reads exactly the management keys, and every key the stack file sets is one of them (a typo is not silently ignored)", () => {
            assert.deepStrictEqual(MANAGEMENT_CONFIG_KEYS, [
                "aws:region",
                "zero-trust-aws:organization",
                "zero-trust-aws:accounts",
                "zero-trust-aws:guardrails",
                "zero-trust-aws:logArchive",
                "zero-trust-aws:trail",
                "zero-trust-aws:securityServices",
                "zero-trust-aws:identityCenter",
                "zero-trust-aws:pipeline",
                "zero-trust-aws:tags",
            ]);
            const file = parse(fs.readFileSync(path.join(ROOT, "Pulumi.management.yaml"), "utf8")) as { config: Record<string, unknown> };
            // `kind` is read by the entry point (stacks/index.ts) to pick the management program.
            assert.deepStrictEqual(
                Object.keys(file.config).filter((key) => key !== "zero-trust-aws:kind" && !MANAGEMENT_CONFIG_KEYS.includes(key)),
                [],
            );
            assert.strictEqual(file.config["zero-trust-aws:kind"], "management");
        });
    });

    describe("defaults", () => {
        it("fills in the OUs, the access and break-glass roles, the archive's lifecycle, the trail and the security services", () => {
            assert.deepStrictEqual(parseManagementConfig(MINIMAL), {
                region: "eu-west-1",
                organization: {
                    id: "o-a1b2c3d4e5",
                    rootId: "r-a1b2",
                    managementAccountId: "999999999999",
                    workloadOus: ["prod", "non-prod"],
                },
                accounts: {
                    accessRoleName: "OrganizationAccountAccessRole",
                    securityAccountId: "333333333333",
                    securityAccountEmail: "aws+security@example.com",
                    logArchiveAccountEmail: "aws+log-archive@example.com",
                    logArchiveAccountId: "444444444444",
                    environments: [],
                },
                guardrails: { allowedRegions: ["eu-west-1"], breakGlassRoleName: "break-glass" },
                logArchive: {
                    objectLockMode: "COMPLIANCE",
                    objectLockDays: 365,
                    infrequentAccessAfterDays: 90,
                    archiveAfterDays: 365,
                    archiveStorageClass: "GLACIER",
                    expireAfterDays: 2557,
                },
                trail: {
                    name: "zero-trust-organization-trail",
                    logRetentionDays: 365,
                    keyAdministrators: ["arn:aws:iam::999999999999:role/platform-deployer"],
                },
                securityServices: { guardDutyFeatures: ALL_FEATURES, findingPublishingFrequency: "FIFTEEN_MINUTES" },
                tags: {},
            });
        });

        it("without identityCenter declares no Identity Center config; with only an instance, every permission set and no assignments", () => {
            assert.strictEqual(parseManagementConfig(MINIMAL).identityCenter, undefined);
            const instanceArn = "arn:aws:sso:::instance/ssoins-72230b8e5c1d4f3a";
            assert.deepStrictEqual(
                parseManagementConfig({ ...MINIMAL, "zero-trust-aws:identityCenter": JSON.stringify({ instanceArn }) }).identityCenter,
                {
                    instanceArn,
                    permissionSets: ALL_PERMISSION_SETS,
                    sessionDurations: {},
                    assignments: [],
                },
            );
        });

        it("keeps what is set: a bucket name, key administrators, aggregator regions, fewer plans", () => {
            const config = parseManagementConfig({
                ...MINIMAL,
                "zero-trust-aws:guardrails": JSON.stringify({ allowedRegions: ["eu-west-1", "eu-central-1"] }),
                "zero-trust-aws:logArchive": JSON.stringify({
                    bucketName: "acme-audit-logs",
                    keyAdministrators: ["arn:aws:iam::444444444444:role/archive-admin"],
                }),
                "zero-trust-aws:securityServices": JSON.stringify({
                    guardDutyFeatures: ["S3_DATA_EVENTS"],
                    findingPublishingFrequency: "ONE_HOUR",
                    aggregatorRegions: ["eu-central-1"],
                }),
            });
            assert.deepStrictEqual(
                [config.logArchive.bucketName, config.logArchive.keyAdministrators, config.securityServices],
                [
                    "acme-audit-logs",
                    ["arn:aws:iam::444444444444:role/archive-admin"],
                    { guardDutyFeatures: ["S3_DATA_EVENTS"], findingPublishingFrequency: "ONE_HOUR", aggregatorRegions: ["eu-central-1"] },
                ],
            );
        });

        it("accepts session durations at both ends and with minutes (PT1H, PT8H, PT7H59M)", () => {
            const config = parseManagementConfig(
                withKey("identityCenter", {
                    ...IDENTITY_CENTER,
                    sessionDurations: { developer: "PT1H", "read-only": "PT8H", "security-auditor": "PT7H59M" },
                }),
            );
            assert.deepStrictEqual(config.identityCenter?.sessionDurations, {
                developer: "PT1H",
                "read-only": "PT8H",
                "security-auditor": "PT7H59M",
            });
        });
    });

    describe("refuses each top-level key of the wrong type or missing", () => {
        refusals([
            [
                "a missing region",
                { ...STACK_FILE, "aws:region": undefined },
                "aws:region",
                undefined,
                "an AWS region of the aws partition, e.g. eu-west-1",
            ],
            [
                "a region outside the aws partition",
                { ...STACK_FILE, "aws:region": "cn-north-1" },
                "aws:region",
                "cn-north-1",
                "an AWS region of the aws partition, e.g. eu-west-1",
            ],
            [
                "a missing organization",
                withKey("organization", undefined),
                "zero-trust-aws:organization",
                undefined,
                "an object with id, rootId, managementAccountId and optional workloadOus",
            ],
            [
                "organization as a string",
                withKey("organization", "o-a1b2c3d4e5"),
                "zero-trust-aws:organization",
                "o-a1b2c3d4e5",
                "an object with id, rootId, managementAccountId and optional workloadOus",
            ],
            [
                "organization that is not JSON",
                { ...STACK_FILE, "zero-trust-aws:organization": "{id:" },
                "zero-trust-aws:organization",
                "{id:",
                /^valid JSON \(/,
            ],
            [
                "missing accounts",
                withKey("accounts", undefined),
                "zero-trust-aws:accounts",
                undefined,
                "an object with securityAccountId, securityAccountEmail, logArchiveAccountId, logArchiveAccountEmail and optional accessRoleName, environments",
            ],
            [
                "accounts as a list",
                withKey("accounts", []),
                "zero-trust-aws:accounts",
                [],
                "an object with securityAccountId, securityAccountEmail, logArchiveAccountId, logArchiveAccountEmail and optional accessRoleName, environments",
            ],
            [
                "missing guardrails",
                withKey("guardrails", undefined),
                "zero-trust-aws:guardrails",
                undefined,
                "an object with allowedRegions and optional breakGlassRoleName",
            ],
            [
                "guardrails as a string",
                withKey("guardrails", "eu-west-1"),
                "zero-trust-aws:guardrails",
                "eu-west-1",
                "an object with allowedRegions and optional breakGlassRoleName",
            ],
            [
                "logArchive as a number",
                withKey("logArchive", 365),
                "zero-trust-aws:logArchive",
                365,
                "an object with optional bucketName, objectLockMode, objectLockDays, infrequentAccessAfterDays, archiveAfterDays, archiveStorageClass, expireAfterDays, keyAdministrators",
            ],
            [
                "a missing trail (its key administrators are required)",
                withKey("trail", undefined),
                "zero-trust-aws:trail",
                undefined,
                "an object with keyAdministrators and optional name and logRetentionDays",
            ],
            [
                "trail as a string",
                withKey("trail", "org-trail"),
                "zero-trust-aws:trail",
                "org-trail",
                "an object with keyAdministrators and optional name and logRetentionDays",
            ],
            [
                "securityServices as a boolean",
                withKey("securityServices", true),
                "zero-trust-aws:securityServices",
                true,
                "an object with optional guardDutyFeatures, findingPublishingFrequency, aggregatorRegions",
            ],
            [
                "identityCenter as a string",
                withKey("identityCenter", "arn:aws:sso:::instance/ssoins-72230b8e5c1d4f3a"),
                "zero-trust-aws:identityCenter",
                "arn:aws:sso:::instance/ssoins-72230b8e5c1d4f3a",
                "an object with instanceArn and optional permissionSets, sessionDurations, assignments",
            ],
            [
                "tags as a list",
                withKey("tags", ["security"]),
                "zero-trust-aws:tags",
                ["security"],
                "an object of tag keys to string values",
            ],
            [
                "a tag the program sets itself",
                withKey("tags", { ManagedBy: "me" }),
                "zero-trust-aws:tags.ManagedBy",
                "ManagedBy",
                "a tag key other than ManagedBy, Stack, Name, Tier, zero-trust:owner (the program sets those)",
            ],
        ]);
    });

    describe("refuses unknown keys, naming the unknown key and the known ones", () => {
        refusals([
            [
                "organization.workloadOU",
                withKey("organization", { ...ORGANIZATION, workloadOU: ["prod"] }),
                "zero-trust-aws:organization.workloadOU",
                ["prod"],
                "one of the keys id, rootId, managementAccountId, workloadOus (did you mean workloadOus?)",
            ],
            [
                "accounts.auditAccountId",
                withKey("accounts", { ...ACCOUNTS, auditAccountId: "333333333333" }),
                "zero-trust-aws:accounts.auditAccountId",
                "333333333333",
                "one of the keys accessRoleName, securityAccountId, securityAccountEmail, logArchiveAccountId, logArchiveAccountEmail, environments",
            ],
            [
                "guardrails.regions",
                withKey("guardrails", { ...GUARDRAILS, regions: ["eu-west-1"] }),
                "zero-trust-aws:guardrails.regions",
                ["eu-west-1"],
                "one of the keys allowedRegions, breakGlassRoleName",
            ],
            [
                "logArchive.retentionDays",
                withKey("logArchive", { ...LOG_ARCHIVE, retentionDays: 365 }),
                "zero-trust-aws:logArchive.retentionDays",
                365,
                "one of the keys bucketName, objectLockMode, objectLockDays, infrequentAccessAfterDays, archiveAfterDays, archiveStorageClass, expireAfterDays, keyAdministrators",
            ],
            [
                "trail.multiRegion",
                withKey("trail", { ...TRAIL, multiRegion: true }),
                "zero-trust-aws:trail.multiRegion",
                true,
                "one of the keys name, logRetentionDays, keyAdministrators",
            ],
            [
                "securityServices.aggregator",
                withKey("securityServices", { aggregator: ["eu-central-1"] }),
                "zero-trust-aws:securityServices.aggregator",
                ["eu-central-1"],
                "one of the keys guardDutyFeatures, findingPublishingFrequency, aggregatorRegions",
            ],
            [
                "identityCenter.groups",
                withKey("identityCenter", { ...IDENTITY_CENTER, groups: [] }),
                "zero-trust-aws:identityCenter.groups",
                [],
                "one of the keys instanceArn, permissionSets, sessionDurations, assignments",
            ],
            [
                "an assignment's group (for groupId)",
                withKey("identityCenter", { ...IDENTITY_CENTER, assignments: [{ ...AUDITORS, group: "security" }] }),
                "zero-trust-aws:identityCenter.assignments[0].group",
                "security",
                "one of the keys groupId, permissionSet, accounts (did you mean groupId?)",
            ],
        ]);
    });

    describe("refuses bad organisation, root and account ids and OU names", () => {
        const ORG_ID_EXPECTED = "an AWS Organizations id: o- followed by 10 to 32 lowercase letters or digits";
        refusals([
            [
                "an organisation id with capitals",
                withKey("organization", { ...ORGANIZATION, id: "o-A1B2C3D4E5" }),
                "zero-trust-aws:organization.id",
                "o-A1B2C3D4E5",
                ORG_ID_EXPECTED,
            ],
            [
                "an organisation id too short",
                withKey("organization", { ...ORGANIZATION, id: "o-a1b2" }),
                "zero-trust-aws:organization.id",
                "o-a1b2",
                ORG_ID_EXPECTED,
            ],
            [
                "a root id that is an OU id",
                withKey("organization", { ...ORGANIZATION, rootId: "ou-a1b2-c3d4e5f6" }),
                "zero-trust-aws:organization.rootId",
                "ou-a1b2-c3d4e5f6",
                "the organisation's root id: r- followed by 4 to 32 lowercase letters or digits",
            ],
            [
                "a root id too short",
                withKey("organization", { ...ORGANIZATION, rootId: "r-1" }),
                "zero-trust-aws:organization.rootId",
                "r-1",
                "the organisation's root id: r- followed by 4 to 32 lowercase letters or digits",
            ],
            [
                "a management account id of 11 digits",
                withKey("organization", { ...ORGANIZATION, managementAccountId: "99999999999" }),
                "zero-trust-aws:organization.managementAccountId",
                "99999999999",
                "the 12-digit id of the organisation's management account (quoted in YAML)",
            ],
            [
                "an unquoted (numeric) management account id",
                withKey("organization", { ...ORGANIZATION, managementAccountId: 999999999999 }),
                "zero-trust-aws:organization.managementAccountId",
                999999999999,
                "the 12-digit id of the organisation's management account (quoted in YAML)",
            ],
            [
                "a security account id that is not digits",
                withKey("accounts", { ...ACCOUNTS, securityAccountId: "security" }),
                "zero-trust-aws:accounts.securityAccountId",
                "security",
                "the 12-digit id of the security account (quoted in YAML)",
            ],
            [
                "an unquoted log-archive account id",
                withKey("accounts", { ...ACCOUNTS, logArchiveAccountId: 444444444444 }),
                "zero-trust-aws:accounts.logArchiveAccountId",
                444444444444,
                "the 12-digit id of the log-archive account (quoted in YAML)",
            ],
            [
                "an access role name with a space",
                withKey("accounts", { ...ACCOUNTS, accessRoleName: "Org Access" }),
                "zero-trust-aws:accounts.accessRoleName",
                "Org Access",
                "an IAM role name of 1 to 64 letters, digits or +=,.@_-",
            ],
            [
                "no workload OU",
                withKey("organization", { ...ORGANIZATION, workloadOus: [] }),
                "zero-trust-aws:organization.workloadOus",
                [],
                "a non-empty list of OU names under workloads, e.g. [prod, non-prod]",
            ],
            [
                "a workload OU with capitals",
                withKey("organization", { ...ORGANIZATION, workloadOus: ["prod", "Non-Prod"] }),
                "zero-trust-aws:organization.workloadOus[1]",
                "Non-Prod",
                "a lowercase OU name of 1 to 63 letters, digits or hyphens",
            ],
            [
                "a workload OU listed twice",
                withKey("organization", { ...ORGANIZATION, workloadOus: ["prod", "prod"] }),
                "zero-trust-aws:organization.workloadOus[1]",
                "prod",
                "an OU name not already listed (prod is listed twice)",
            ],
        ]);
    });

    describe("refuses the organisation's three accounts when they are not distinct", () => {
        refusals([
            [
                "the security account being the management account",
                withKey("accounts", { ...ACCOUNTS, securityAccountId: "999999999999" }),
                "zero-trust-aws:accounts.securityAccountId",
                "999999999999",
                `an account other than organization.managementAccountId ${DISTINCT}`,
            ],
            [
                "the log-archive account being the management account",
                withKey("accounts", { ...ACCOUNTS, logArchiveAccountId: "999999999999" }),
                "zero-trust-aws:accounts.logArchiveAccountId",
                "999999999999",
                `an account other than organization.managementAccountId ${DISTINCT}`,
            ],
            [
                "the log-archive account being the security account",
                withKey("accounts", { ...ACCOUNTS, logArchiveAccountId: "333333333333" }),
                "zero-trust-aws:accounts.logArchiveAccountId",
                "333333333333",
                `an account other than accounts.securityAccountId ${DISTINCT}`,
            ],
        ]);
    });

    describe("refuses environment accounts this stack could not place", () => {
        const [STAGING, PROD] = ACCOUNTS["environments"] as Record<string, unknown>[];
        const environments = (...entries: unknown[]): RawConfig => withKey("accounts", { ...ACCOUNTS, environments: entries });
        const EMAIL_EXPECTED = "an account root email of 6 to 64 characters (name@domain.tld)";
        refusals([
            [
                "an OU that is not a workloads OU",
                environments(STAGING, { ...PROD, ou: "security" }),
                "zero-trust-aws:accounts.environments[1].ou",
                "security",
                "one of the workloads OUs: workloads/prod, workloads/non-prod",
            ],
            [
                "an OU the organisation does not have",
                environments({ ...STAGING, ou: "workloads/sandbox" }),
                "zero-trust-aws:accounts.environments[0].ou",
                "workloads/sandbox",
                "one of the workloads OUs: workloads/prod, workloads/non-prod",
            ],
            [
                "an account id of 11 digits",
                environments({ ...STAGING, accountId: "11111111111" }),
                "zero-trust-aws:accounts.environments[0].accountId",
                "11111111111",
                "the environment's 12-digit account id (quoted in YAML)",
            ],
            [
                "an email without a domain",
                environments({ ...STAGING, email: "aws+staging" }),
                "zero-trust-aws:accounts.environments[0].email",
                "aws+staging",
                EMAIL_EXPECTED,
            ],
            [
                "a missing security account email",
                withKey("accounts", { ...ACCOUNTS, securityAccountEmail: undefined }),
                "zero-trust-aws:accounts.securityAccountEmail",
                undefined,
                EMAIL_EXPECTED,
            ],
            [
                "an environment named with capitals",
                environments({ ...STAGING, name: "Staging" }),
                "zero-trust-aws:accounts.environments[0].name",
                "Staging",
                /^a lowercase environment name/,
            ],
            [
                "an environment listed twice",
                environments(STAGING, { ...PROD, name: "staging" }),
                "zero-trust-aws:accounts.environments[1].name",
                "staging",
                "an environment not already listed (staging is listed twice)",
            ],
            [
                "an unknown key",
                environments({ ...STAGING, parentId: "ou-a1b2-c3d4e5f6" }),
                "zero-trust-aws:accounts.environments[0].parentId",
                "ou-a1b2-c3d4e5f6",
                "one of the keys name, accountId, email, ou, securityHubMember",
            ],
            [
                "an environment in the security account",
                environments({ ...STAGING, accountId: "333333333333" }),
                "zero-trust-aws:accounts.environments[0].accountId",
                "333333333333",
                `an account other than accounts.securityAccountId ${DISTINCT}`,
            ],
            [
                "two environments in one account",
                environments(STAGING, { ...PROD, accountId: "111111111111" }),
                "zero-trust-aws:accounts.environments[1].accountId",
                "111111111111",
                `an account other than accounts.environments[0].accountId ${DISTINCT}`,
            ],
        ]);
    });

    describe("refuses guardrail regions that would lock the stack out", () => {
        refusals([
            [
                "allowedRegions without the stack's own region",
                withKey("guardrails", { allowedRegions: ["eu-central-1"] }),
                "zero-trust-aws:guardrails.allowedRegions",
                ["eu-central-1"],
                "a list that includes the stack's own region eu-west-1 (aws:region)",
            ],
            [
                "an empty allowedRegions",
                withKey("guardrails", { allowedRegions: [] }),
                "zero-trust-aws:guardrails.allowedRegions",
                [],
                "a non-empty list of the regions member accounts may use",
            ],
            [
                "missing allowedRegions",
                withKey("guardrails", { breakGlassRoleName: "break-glass" }),
                "zero-trust-aws:guardrails.allowedRegions",
                undefined,
                "a non-empty list of the regions member accounts may use",
            ],
            [
                "a region that is no region",
                withKey("guardrails", { allowedRegions: ["eu-west-1", "europe"] }),
                "zero-trust-aws:guardrails.allowedRegions[1]",
                "europe",
                "an AWS region of the aws partition, e.g. eu-west-1",
            ],
            [
                "a region listed twice",
                withKey("guardrails", { allowedRegions: ["eu-west-1", "eu-west-1"] }),
                "zero-trust-aws:guardrails.allowedRegions[1]",
                "eu-west-1",
                "a region not already listed (eu-west-1 is listed twice)",
            ],
            [
                "a break-glass role name with a slash",
                withKey("guardrails", { ...GUARDRAILS, breakGlassRoleName: "admin/break-glass" }),
                "zero-trust-aws:guardrails.breakGlassRoleName",
                "admin/break-glass",
                "an IAM role name of 1 to 64 letters, digits or +=,.@_-",
            ],
        ]);
    });

    describe("refuses an archive lifecycle out of order or out of range", () => {
        refusals([
            [
                "archiving less than 30 days after Standard-IA",
                withKey("logArchive", { ...LOG_ARCHIVE, infrequentAccessAfterDays: 90, archiveAfterDays: 119 }),
                "zero-trust-aws:logArchive.archiveAfterDays",
                119,
                "at least 30 days after infrequentAccessAfterDays (90)",
            ],
            [
                "expiring on the day logs are archived",
                withKey("logArchive", { ...LOG_ARCHIVE, archiveAfterDays: 730, expireAfterDays: 730 }),
                "zero-trust-aws:logArchive.expireAfterDays",
                730,
                "more days than archiveAfterDays (730) and objectLockDays (365)",
            ],
            [
                "expiring before the object lock ends",
                withKey("logArchive", { ...LOG_ARCHIVE, objectLockDays: 3000, expireAfterDays: 2557 }),
                "zero-trust-aws:logArchive.expireAfterDays",
                2557,
                "more days than archiveAfterDays (365) and objectLockDays (3000)",
            ],
            [
                "the default expiry when the lock outlasts it",
                withKey("logArchive", { objectLockDays: 3000 }),
                "zero-trust-aws:logArchive.expireAfterDays",
                undefined,
                "more days than archiveAfterDays (365) and objectLockDays (3000)",
            ],
            [
                "an unknown object lock mode",
                withKey("logArchive", { ...LOG_ARCHIVE, objectLockMode: "LEGAL_HOLD" }),
                "zero-trust-aws:logArchive.objectLockMode",
                "LEGAL_HOLD",
                "one of GOVERNANCE, COMPLIANCE",
            ],
            [
                "no lock at all (0 days)",
                withKey("logArchive", { ...LOG_ARCHIVE, objectLockDays: 0 }),
                "zero-trust-aws:logArchive.objectLockDays",
                0,
                "a whole number of days from 1 to 3653 that every log object stays locked",
            ],
            [
                "a fractional lock",
                withKey("logArchive", { ...LOG_ARCHIVE, objectLockDays: 1.5 }),
                "zero-trust-aws:logArchive.objectLockDays",
                1.5,
                "a whole number of days from 1 to 3653 that every log object stays locked",
            ],
            [
                "Standard-IA before S3's 30 days",
                withKey("logArchive", { ...LOG_ARCHIVE, infrequentAccessAfterDays: 29 }),
                "zero-trust-aws:logArchive.infrequentAccessAfterDays",
                29,
                "a whole number of days from 30 (S3's minimum for Standard-IA) to 3653",
            ],
            [
                "an archive class that is no archive",
                withKey("logArchive", { ...LOG_ARCHIVE, archiveStorageClass: "STANDARD_IA" }),
                "zero-trust-aws:logArchive.archiveStorageClass",
                "STANDARD_IA",
                "one of GLACIER, DEEP_ARCHIVE",
            ],
            [
                "a bucket name with capitals and an underscore",
                withKey("logArchive", { ...LOG_ARCHIVE, bucketName: "Audit_Logs" }),
                "zero-trust-aws:logArchive.bucketName",
                "Audit_Logs",
                // The archive's own rule (components/audit-logs), which the config applies before any resource.
                'an S3 bucket name of 3-51 characters (a-z 0-9 -, starting and ending with a letter or digit, no dots, no prefix or suffix S3 reserves; at most 51 so that "<name>-access-logs" fits S3\'s 63)',
            ],
        ]);
    });

    describe("refuses key administrators outside the account that holds the key", () => {
        refusals([
            [
                "a management-account role administering the archive key (log-archive account)",
                withKey("logArchive", {
                    ...LOG_ARCHIVE,
                    keyAdministrators: ["arn:aws:iam::444444444444:role/archive-admin", "arn:aws:iam::999999999999:role/platform-deployer"],
                }),
                "zero-trust-aws:logArchive.keyAdministrators[1]",
                "arn:aws:iam::999999999999:role/platform-deployer",
                "a role of the log-archive account 444444444444 (its key's administrators live there)",
            ],
            [
                "a log-archive role administering the trail's log group key (management account)",
                withKey("trail", {
                    ...TRAIL,
                    keyAdministrators: ["arn:aws:iam::999999999999:role/platform-deployer", "arn:aws:iam::444444444444:role/archive-admin"],
                }),
                "zero-trust-aws:trail.keyAdministrators[1]",
                "arn:aws:iam::444444444444:role/archive-admin",
                "a role of the management account 999999999999 (its key's administrators live there)",
            ],
            [
                "a role name instead of an ARN",
                withKey("logArchive", { ...LOG_ARCHIVE, keyAdministrators: ["break-glass"] }),
                "zero-trust-aws:logArchive.keyAdministrators[0]",
                "break-glass",
                ROLE_ARN_EXPECTED,
            ],
            [
                "no trail key administrators",
                withKey("trail", { logRetentionDays: 365 }),
                "zero-trust-aws:trail.keyAdministrators",
                undefined,
                /^a non-empty list of .*IAM role ARN/,
            ],
            [
                "an empty archive key administrators list",
                withKey("logArchive", { ...LOG_ARCHIVE, keyAdministrators: [] }),
                "zero-trust-aws:logArchive.keyAdministrators",
                [],
                /^a non-empty list of .*IAM role ARN/,
            ],
            [
                "a trail key administrator listed twice",
                withKey("trail", { keyAdministrators: ["arn:aws:iam::999999999999:role/a", "arn:aws:iam::999999999999:role/a"] }),
                "zero-trust-aws:trail.keyAdministrators[1]",
                "arn:aws:iam::999999999999:role/a",
                "a role not already listed (arn:aws:iam::999999999999:role/a is listed twice)",
            ],
            [
                "a trail log retention CloudWatch does not offer",
                withKey("trail", { ...TRAIL, logRetentionDays: 100 }),
                "zero-trust-aws:trail.logRetentionDays",
                100,
                `a CloudWatch Logs retention (${RETENTIONS} days)`,
            ],
            [
                "a trail name starting with a hyphen",
                withKey("trail", { ...TRAIL, name: "-trail" }),
                "zero-trust-aws:trail.name",
                "-trail",
                "a CloudTrail trail name (3-128 characters of letters, digits, . _ -, starting and ending with a letter or digit, no two of . _ - in a row, not an IP address)",
            ],
        ]);
    });

    describe("refuses bad security-service settings", () => {
        refusals([
            [
                "no GuardDuty plan",
                withKey("securityServices", { guardDutyFeatures: [] }),
                "zero-trust-aws:securityServices.guardDutyFeatures",
                [],
                "a non-empty list of GuardDuty protection plans (omit the key for all of them)",
            ],
            [
                "an unknown GuardDuty plan",
                withKey("securityServices", { guardDutyFeatures: ["S3_DATA_EVENTS", "MALWARE"] }),
                "zero-trust-aws:securityServices.guardDutyFeatures[1]",
                "MALWARE",
                `a GuardDuty protection plan: ${ALL_FEATURES.join(", ")}`,
            ],
            [
                "an unknown publishing frequency",
                withKey("securityServices", { findingPublishingFrequency: "HOURLY" }),
                "zero-trust-aws:securityServices.findingPublishingFrequency",
                "HOURLY",
                "one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS",
            ],
            [
                "an empty aggregator region list",
                withKey("securityServices", { aggregatorRegions: [] }),
                "zero-trust-aws:securityServices.aggregatorRegions",
                [],
                "a non-empty list of regions (omit the key to link every other allowed region)",
            ],
            [
                "an aggregator region that is no region",
                withKey("securityServices", { aggregatorRegions: ["moon-1"] }),
                "zero-trust-aws:securityServices.aggregatorRegions[0]",
                "moon-1",
                "an AWS region of the aws partition, e.g. eu-west-1",
            ],
        ]);
    });

    describe("refuses a pipeline repository GitHub could not have", () => {
        const PIPELINE = { githubOwner: "example-org", githubRepository: "zero-trust-aws" };
        const OWNER_EXPECTED = "a GitHub user or organisation name: 1 to 39 letters, digits or single hyphens, no hyphen at either end";
        const REPOSITORY_EXPECTED = "a GitHub repository name: 1 to 100 letters, digits, ., - or _ (not . or ..), without the owner";
        it("accepts GitHub's longest names, dots and underscores, and no pipeline at all", () => {
            const longest = { githubOwner: `a${"-b".repeat(19)}`, githubRepository: `r.${"_".repeat(98)}` };
            assert.deepStrictEqual(parseManagementConfig(withKey("pipeline", longest)).pipeline, longest);
            assert.strictEqual(parseManagementConfig(withKey("pipeline", undefined)).pipeline, undefined);
        });
        refusals([
            [
                "a pipeline that is no object",
                withKey("pipeline", "example-org/zero-trust-aws"),
                "zero-trust-aws:pipeline",
                "example-org/zero-trust-aws",
                "an object with githubOwner and githubRepository",
            ],
            [
                "a pipeline without a repository",
                withKey("pipeline", { githubOwner: "example-org" }),
                "zero-trust-aws:pipeline.githubRepository",
                undefined,
                REPOSITORY_EXPECTED,
            ],
            [
                "an unknown pipeline key",
                withKey("pipeline", { ...PIPELINE, thumbprints: [] }),
                "zero-trust-aws:pipeline.thumbprints",
                [],
                "one of the keys githubOwner, githubRepository",
            ],
            [
                "an owner with a wildcard",
                withKey("pipeline", { ...PIPELINE, githubOwner: "*" }),
                "zero-trust-aws:pipeline.githubOwner",
                "*",
                OWNER_EXPECTED,
            ],
            [
                "an owner ending with a hyphen",
                withKey("pipeline", { ...PIPELINE, githubOwner: "example-" }),
                "zero-trust-aws:pipeline.githubOwner",
                "example-",
                OWNER_EXPECTED,
            ],
            [
                "an owner with two hyphens in a row",
                withKey("pipeline", { ...PIPELINE, githubOwner: "a--b" }),
                "zero-trust-aws:pipeline.githubOwner",
                "a--b",
                OWNER_EXPECTED,
            ],
            [
                "an owner of 40 characters",
                withKey("pipeline", { ...PIPELINE, githubOwner: "a".repeat(40) }),
                "zero-trust-aws:pipeline.githubOwner",
                "a".repeat(40),
                OWNER_EXPECTED,
            ],
            [
                "a repository with its owner",
                withKey("pipeline", { ...PIPELINE, githubRepository: "example-org/zero-trust-aws" }),
                "zero-trust-aws:pipeline.githubRepository",
                "example-org/zero-trust-aws",
                REPOSITORY_EXPECTED,
            ],
            [
                "a repository with a wildcard",
                withKey("pipeline", { ...PIPELINE, githubRepository: "zero-*" }),
                "zero-trust-aws:pipeline.githubRepository",
                "zero-*",
                REPOSITORY_EXPECTED,
            ],
            [
                "the repository ..",
                withKey("pipeline", { ...PIPELINE, githubRepository: ".." }),
                "zero-trust-aws:pipeline.githubRepository",
                "..",
                REPOSITORY_EXPECTED,
            ],
            [
                "a repository of 101 characters",
                withKey("pipeline", { ...PIPELINE, githubRepository: "r".repeat(101) }),
                "zero-trust-aws:pipeline.githubRepository",
                "r".repeat(101),
                REPOSITORY_EXPECTED,
            ],
        ]);
    });

    describe("refuses bad Identity Center settings", () => {
        const assignment = (fields: Record<string, unknown>): RawConfig =>
            withKey("identityCenter", { ...IDENTITY_CENTER, assignments: [{ ...AUDITORS, ...fields }] });
        const durations = (sessionDurations: unknown): RawConfig => withKey("identityCenter", { ...IDENTITY_CENTER, sessionDurations });
        refusals([
            [
                "an instance ARN with a short id",
                withKey("identityCenter", { ...IDENTITY_CENTER, instanceArn: "arn:aws:sso:::instance/ssoins-123" }),
                "zero-trust-aws:identityCenter.instanceArn",
                "arn:aws:sso:::instance/ssoins-123",
                "an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-<16 characters>)",
            ],
            [
                "a missing instance ARN",
                withKey("identityCenter", { assignments: [] }),
                "zero-trust-aws:identityCenter.instanceArn",
                undefined,
                "an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-<16 characters>)",
            ],
            [
                "a group name instead of a group id",
                assignment({ groupId: "security-team" }),
                "zero-trust-aws:identityCenter.assignments[0].groupId",
                "security-team",
                "an Identity Store group id (a GUID such as 9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b)",
            ],
            [
                "an unknown permission set",
                withKey("identityCenter", { ...IDENTITY_CENTER, permissionSets: ["developer", "admin"] }),
                "zero-trust-aws:identityCenter.permissionSets[1]",
                "admin",
                PERMISSION_SET_EXPECTED,
            ],
            [
                "no permission set",
                withKey("identityCenter", { ...IDENTITY_CENTER, permissionSets: [] }),
                "zero-trust-aws:identityCenter.permissionSets",
                [],
                "a non-empty list of permission sets (omit the key for all of them)",
            ],
            [
                "an assignment of an unknown permission set",
                assignment({ permissionSet: "admin" }),
                "zero-trust-aws:identityCenter.assignments[0].permissionSet",
                "admin",
                PERMISSION_SET_EXPECTED,
            ],
            [
                "an assignment of a permission set not in permissionSets",
                withKey("identityCenter", {
                    ...IDENTITY_CENTER,
                    permissionSets: ["security-auditor"],
                    sessionDurations: {},
                    assignments: [AUDITORS, { ...AUDITORS, permissionSet: "developer" }],
                }),
                "zero-trust-aws:identityCenter.assignments[1].permissionSet",
                "developer",
                "one of identityCenter.permissionSets (security-auditor)",
            ],
            [
                "an account named by environment",
                assignment({ accounts: ["security", "prod"] }),
                "zero-trust-aws:identityCenter.assignments[0].accounts[1]",
                "prod",
                ASSIGNED_ACCOUNT_EXPECTED,
            ],
            [
                "an account id of 11 digits",
                assignment({ accounts: ["11111111111"] }),
                "zero-trust-aws:identityCenter.assignments[0].accounts[0]",
                "11111111111",
                ASSIGNED_ACCOUNT_EXPECTED,
            ],
            [
                "an assignment to no account",
                assignment({ accounts: [] }),
                "zero-trust-aws:identityCenter.assignments[0].accounts",
                [],
                `a non-empty list of accounts: ${ASSIGNED_ACCOUNT_EXPECTED}`,
            ],
            [
                "an account listed twice",
                assignment({ accounts: ["security", "security"] }),
                "zero-trust-aws:identityCenter.assignments[0].accounts[1]",
                "security",
                "an account not already listed (security is listed twice)",
            ],
            [
                "assignments as an object",
                withKey("identityCenter", { ...IDENTITY_CENTER, assignments: {} }),
                "zero-trust-aws:identityCenter.assignments",
                {},
                "a list of assignments",
            ],
            [
                "a session shorter than an hour",
                durations({ developer: "PT30M" }),
                "zero-trust-aws:identityCenter.sessionDurations.developer",
                "PT30M",
                SESSION_EXPECTED,
            ],
            [
                "a zero session",
                durations({ developer: "PT0H" }),
                "zero-trust-aws:identityCenter.sessionDurations.developer",
                "PT0H",
                SESSION_EXPECTED,
            ],
            [
                "a session longer than eight hours",
                durations({ developer: "PT9H" }),
                "zero-trust-aws:identityCenter.sessionDurations.developer",
                "PT9H",
                SESSION_EXPECTED,
            ],
            [
                "a session a minute over eight hours",
                durations({ "read-only": "PT8H1M" }),
                "zero-trust-aws:identityCenter.sessionDurations.read-only",
                "PT8H1M",
                SESSION_EXPECTED,
            ],
            [
                "a session not in ISO-8601",
                durations({ developer: "4h" }),
                "zero-trust-aws:identityCenter.sessionDurations.developer",
                "4h",
                SESSION_EXPECTED,
            ],
            [
                "a session as a number of hours",
                durations({ developer: 4 }),
                "zero-trust-aws:identityCenter.sessionDurations.developer",
                4,
                SESSION_EXPECTED,
            ],
            [
                "session durations as a list",
                durations(["PT1H"]),
                "zero-trust-aws:identityCenter.sessionDurations",
                ["PT1H"],
                "an object of permission set → session duration",
            ],
        ]);

        it("refuses a session duration for an unknown permission set, at that permission set's key", () => {
            assert.strictEqual(refusal(durations({ admin: "PT1H" })).key, "zero-trust-aws:identityCenter.sessionDurations.admin");
        });

        it("reports an unknown permission set in sessionDurations as the key, listing the permission sets", () => {
            assertRefused(
                durations({ admin: "PT1H" }),
                "zero-trust-aws:identityCenter.sessionDurations.admin",
                "admin",
                PERMISSION_SET_EXPECTED,
            );
        });
    });

    // The "expected" halves read as plain words: no phrase appended to a possessive, no pluralised phrase.
    it("says what is expected in plain words (account ids, key administrator lists)", () => {
        assert.doesNotMatch(refusal(withKey("accounts", { ...ACCOUNTS, securityAccountId: "security" })).expected, /account's a 12-digit/);
        assert.doesNotMatch(
            refusal(withKey("organization", { ...ORGANIZATION, managementAccountId: "1" })).expected,
            /management a 12-digit/,
        );
        assert.doesNotMatch(refusal(withKey("trail", { logRetentionDays: 365 })).expected, /list of an IAM role ARN .*\)s$/);
    });

    // Config refuses, naming the config key, what the components it feeds would refuse mid-run.
    describe("refuses what the components would refuse later (cross-checks the schema lacks)", () => {
        const crossChecked: [what: string, raw: RawConfig, key: string, value: unknown, expected: RegExp][] = [
            [
                "a session duration for a permission set not in permissionSets",
                withKey("identityCenter", { ...IDENTITY_CENTER, permissionSets: ["security-auditor"], assignments: [AUDITORS] }),
                "zero-trust-aws:identityCenter.sessionDurations.developer",
                "PT8H",
                /identityCenter\.permissionSets/,
            ],
            [
                "the same account by role and by id in one assignment",
                withKey("identityCenter", { ...IDENTITY_CENTER, assignments: [{ ...AUDITORS, accounts: ["security", "333333333333"] }] }),
                "zero-trust-aws:identityCenter.assignments[0].accounts[1]",
                "333333333333",
                /security/,
            ],
            [
                "a platform-admin session over its two-hour limit",
                withKey("identityCenter", { ...IDENTITY_CENTER, sessionDurations: { "platform-admin": "PT4H" } }),
                "zero-trust-aws:identityCenter.sessionDurations.platform-admin",
                "PT4H",
                /PT2H/,
            ],
            [
                "the stack's own region as an aggregator region",
                withKey("securityServices", { aggregatorRegions: ["eu-west-1", "eu-central-1"] }),
                "zero-trust-aws:securityServices.aggregatorRegions[0]",
                "eu-west-1",
                /aggregation region|own region/,
            ],
            [
                "an aggregator region outside guardrails.allowedRegions (no Security Hub is watched there)",
                withKey("securityServices", { aggregatorRegions: ["us-east-1"] }),
                "zero-trust-aws:securityServices.aggregatorRegions[0]",
                "us-east-1",
                /^one of guardrails\.allowedRegions \(eu-west-1, eu-central-1\): only those regions are watched$/,
            ],
            [
                "a bucket name with dots",
                withKey("logArchive", { ...LOG_ARCHIVE, bucketName: "acme.audit.logs" }),
                "zero-trust-aws:logArchive.bucketName",
                "acme.audit.logs",
                /no dots/,
            ],
            [
                "a bucket name too long for its access-log twin",
                withKey("logArchive", { ...LOG_ARCHIVE, bucketName: "a".repeat(55) }),
                "zero-trust-aws:logArchive.bucketName",
                "a".repeat(55),
                /51/,
            ],
            [
                "a bucket name with a prefix S3 reserves",
                withKey("logArchive", { ...LOG_ARCHIVE, bucketName: "xn--audit-logs" }),
                "zero-trust-aws:logArchive.bucketName",
                "xn--audit-logs",
                /reserve/,
            ],
            [
                "an organisation id whose default bucket name is too long",
                withKey("organization", { ...ORGANIZATION, id: `o-${"a".repeat(32)}` }),
                "zero-trust-aws:organization.id",
                `o-${"a".repeat(32)}`,
                /bucket/,
            ],
            [
                "a break-glass role that is the access (deployment) role",
                withKey("guardrails", { ...GUARDRAILS, breakGlassRoleName: "OrganizationAccountAccessRole" }),
                "zero-trust-aws:guardrails.breakGlassRoleName",
                "OrganizationAccountAccessRole",
                /accessRoleName/,
            ],
            [
                "a trail name with two hyphens in a row",
                withKey("trail", { ...TRAIL, name: "org--trail" }),
                "zero-trust-aws:trail.name",
                "org--trail",
                /in a row/,
            ],
            [
                "a trail name that is an IP address",
                withKey("trail", { ...TRAIL, name: "10.0.0.1" }),
                "zero-trust-aws:trail.name",
                "10.0.0.1",
                /IP address/,
            ],
        ];
        for (const [what, raw, key, value, expected] of crossChecked) {
            it(`refuses ${what}`, () => assertRefused(raw, key, value, expected));
        }
    });
});

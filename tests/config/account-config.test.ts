import * as assert from "assert";
import { refusal as refusalOf } from "./config-refusal";
import { ENVIRONMENT_CONFIG_KEYS, parseEnvironmentConfig, type RawConfig } from "../../stacks/config/load-environment-config";

// `zero-trust-aws:account` and `zero-trust-aws:baseline` (stacks/config/account-schema.ts).

const VALID: RawConfig = {
    "aws:region": "eu-west-1",
    "zero-trust-aws:accountId": "111111111111",
    "zero-trust-aws:organizationId": "o-a1b2c3d4e5",
    "zero-trust-aws:network": JSON.stringify({
        availabilityZones: ["eu-west-1a"],
        vpcCidr: "10.20.0.0/16",
        subnetPrefixLengths: { public: 24, private: 20, isolated: 22 },
    }),
    "zero-trust-aws:encryption": JSON.stringify({ keyAdministrators: ["arn:aws:iam::111111111111:role/break-glass"] }),
    "zero-trust-aws:baseline": JSON.stringify({ configBucketName: "zero-trust-log-archive" }),
};

const CREATE = {
    mode: "create",
    email: "aws+staging@example.com",
    name: "zero-trust staging",
    parentOuId: "ou-ab12-cd34ef56",
    managementAccountId: "999999999999",
};

/** The management stack as the source of the organisation's facts (so config must not repeat them). */
const WITH_MANAGEMENT: RawConfig = {
    "zero-trust-aws:management": JSON.stringify({ stack: "organization/zero-trust-aws/management" }),
    "zero-trust-aws:organizationId": undefined,
    "zero-trust-aws:baseline": undefined,
};

const withAccount = (account: unknown): RawConfig => ({ ...VALID, "zero-trust-aws:account": JSON.stringify(account) });
const withBaseline = (baseline: unknown): RawConfig => ({ ...VALID, "zero-trust-aws:baseline": JSON.stringify(baseline) });

const refusal = (raw: RawConfig) => refusalOf(() => parseEnvironmentConfig(raw, "staging"));

describe("account and baseline config", () => {
    it("reads zero-trust-aws:account and zero-trust-aws:baseline", () => {
        assert.ok(ENVIRONMENT_CONFIG_KEYS.includes("zero-trust-aws:account"));
        assert.ok(ENVIRONMENT_CONFIG_KEYS.includes("zero-trust-aws:baseline"));
    });

    it("defaults to adopting zero-trust-aws:accountId through OrganizationAccountAccessRole, also from an empty object", () => {
        for (const raw of [VALID, withAccount({})]) {
            const config = parseEnvironmentConfig(raw, "staging");
            assert.deepStrictEqual(
                [config.account, config.accountId],
                [{ mode: "adopt", accessRoleName: "OrganizationAccountAccessRole" }, "111111111111"],
            );
        }
    });

    it("keeps a create request and another access role", () => {
        assert.deepStrictEqual(parseEnvironmentConfig(withAccount({ ...CREATE, accessRoleName: "platform-deployer" }), "staging").account, {
            ...CREATE,
            accessRoleName: "platform-deployer",
        });
    });

    it("defaults the Config key prefix", () => {
        assert.deepStrictEqual(parseEnvironmentConfig(VALID, "staging").baseline, {
            configBucketName: "zero-trust-log-archive",
            configKeyPrefix: "config",
        });
        assert.strictEqual(
            parseEnvironmentConfig(withBaseline({ configBucketName: "logs.example-org", configKeyPrefix: "aws/config" }), "staging")
                .baseline.configKeyPrefix,
            "aws/config",
        );
    });

    const refused: [string, RawConfig, string, unknown, string][] = [
        ["an unknown mode", withAccount({ mode: "import" }), "zero-trust-aws:account.mode", "import", "one of adopt, create"],
        [
            "an OU path without a management stack to look it up in",
            withAccount({ ...CREATE, organizationalUnit: "workloads/prod" }),
            "zero-trust-aws:account.organizationalUnit",
            "workloads/prod",
            "nothing without management.stack (use parentOuId)",
        ],
        [
            "an OU id next to the management stack (it provides the OU)",
            { ...withAccount({ ...CREATE, organizationalUnit: "workloads/prod" }), ...WITH_MANAGEMENT },
            "zero-trust-aws:account.parentOuId",
            "ou-ab12-cd34ef56",
            "nothing with management.stack set (the management stack provides it)",
        ],
        [
            "create with the management stack but no OU path",
            { ...withAccount({ mode: "create", email: CREATE.email, name: CREATE.name }), ...WITH_MANAGEMENT },
            "zero-trust-aws:account.organizationalUnit",
            undefined,
            "an OU path of the management stack's organizationalUnitIds output, e.g. workloads/prod (required with mode create and management.stack)",
        ],
        [
            "an OU path that is not one",
            {
                ...withAccount({ mode: "create", email: CREATE.email, name: CREATE.name, organizationalUnit: "Workloads//prod" }),
                ...WITH_MANAGEMENT,
            },
            "zero-trust-aws:account.organizationalUnit",
            "Workloads//prod",
            "an OU path of the management stack's organizationalUnitIds output, e.g. workloads/prod",
        ],
        [
            "an account id inside the object (it is zero-trust-aws:accountId)",
            withAccount({ accountId: "111111111111" }),
            "zero-trust-aws:account.accountId",
            "111111111111",
            "one of the keys mode, email, name, parentOuId, organizationalUnit, managementAccountId, accessRoleName",
        ],
        [
            "create without an email",
            withAccount({ ...CREATE, email: undefined }),
            "zero-trust-aws:account.email",
            undefined,
            "the new account's root email address (6 to 64 characters, e.g. aws+prod@example.com) (required with mode create)",
        ],
        [
            "create without a parent OU",
            withAccount({ ...CREATE, parentOuId: undefined }),
            "zero-trust-aws:account.parentOuId",
            undefined,
            "an organisational unit id: ou-<4 to 32 lowercase letters or digits>-<8 to 32 lowercase letters or digits> (required with mode create, unless management.stack is set)",
        ],
        [
            "create without the management account",
            withAccount({ ...CREATE, managementAccountId: undefined }),
            "zero-trust-aws:account.managementAccountId",
            undefined,
            "the 12-digit id of the organisation's management account (quoted in YAML) (required with mode create, unless management.stack is set)",
        ],
        [
            "a malformed OU id",
            withAccount({ ...CREATE, parentOuId: "r-ab12" }),
            "zero-trust-aws:account.parentOuId",
            "r-ab12",
            "an organisational unit id: ou-<4 to 32 lowercase letters or digits>-<8 to 32 lowercase letters or digits>",
        ],
        [
            "a malformed email",
            withAccount({ ...CREATE, email: "not-an-email" }),
            "zero-trust-aws:account.email",
            "not-an-email",
            "the new account's root email address (6 to 64 characters, e.g. aws+prod@example.com)",
        ],
        [
            "creation settings with mode adopt",
            withAccount({ email: "aws+staging@example.com" }),
            "zero-trust-aws:account.email",
            "aws+staging@example.com",
            "nothing with mode adopt (only creating an account uses it)",
        ],
        [
            "the environment's own account as the management account",
            withAccount({ ...CREATE, managementAccountId: "111111111111" }),
            "zero-trust-aws:account.managementAccountId",
            "111111111111",
            "the organisation's management account, not the environment's own account 111111111111 (accountId)",
        ],
        [
            "a bad access role name",
            withAccount({ accessRoleName: "role/with/slashes" }),
            "zero-trust-aws:account.accessRoleName",
            "role/with/slashes",
            "an IAM role name of 1 to 64 letters, digits or +=,.@_-",
        ],
        [
            "no baseline and no management stack",
            { ...VALID, "zero-trust-aws:baseline": undefined },
            "zero-trust-aws:baseline.configBucketName",
            undefined,
            "an S3 bucket name: 3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit (the organisation's Config delivery bucket, without object lock) (or management.stack, to read it from the management stack)",
        ],
        [
            "a bucket name with capitals",
            withBaseline({ configBucketName: "Log-Archive" }),
            "zero-trust-aws:baseline.configBucketName",
            "Log-Archive",
            "an S3 bucket name: 3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit",
        ],
        [
            "a Config key given by alias",
            withBaseline({ configBucketName: "zero-trust-log-archive", configKmsKeyArn: "alias/audit-logs/config-delivery" }),
            "zero-trust-aws:baseline.configKmsKeyArn",
            "alias/audit-logs/config-delivery",
            "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>) in the bucket's region",
        ],
        [
            "a key prefix with a trailing slash",
            withBaseline({ configBucketName: "zero-trust-log-archive", configKeyPrefix: "config/" }),
            "zero-trust-aws:baseline.configKeyPrefix",
            "config/",
            "an S3 key prefix (path segments of letters, digits and ! _ . * ' ( ) -, no leading or trailing slash, not AWSLogs, up to 200 characters)",
        ],
        [
            "the key prefix AWS Config adds itself",
            withBaseline({ configBucketName: "zero-trust-log-archive", configKeyPrefix: "AWSLogs" }),
            "zero-trust-aws:baseline.configKeyPrefix",
            "AWSLogs",
            "an S3 key prefix (path segments of letters, digits and ! _ . * ' ( ) -, no leading or trailing slash, not AWSLogs, up to 200 characters)",
        ],
    ];
    for (const [what, raw, key, value, expected] of refused) {
        it(`refuses ${what}`, () => {
            const error = refusal(raw);
            assert.deepStrictEqual([error.key, error.value, error.expected], [key, value, expected]);
        });
    }
});

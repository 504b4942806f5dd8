import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { applicationSecretPolicy } from "../../components/workload/application-secret-policy";
import {
    ApplicationSecrets,
    SECRET_RECOVERY_WINDOW_DAYS,
    type ApplicationSecret,
    type ApplicationSecretsArgs,
} from "../../components/workload/application-secrets";
import { workloadRoleArn, workloadRoleName, WORKLOAD_ROLES } from "../../components/workload/workload-names";
import { awsResourcesThrough, decoded, dependenciesOf, oncePerVariant, RecordingMocks, valueOf } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b5e8e1c-7f2a-4d4e-9a51-3c2d1e0f9a8b`;
const ENDPOINT = "vpce-0a1b2c3d4e5f60718";
const READERS = WORKLOAD_ROLES.map((role) => workloadRoleArn(ACCOUNT, "staging", "orders", role));
const TOKEN: ApplicationSecret = {
    name: "payment-provider-token",
    rotationDays: 30,
    rotationFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders-rotate-token`,
    rotationRoleArn: `arn:aws:iam::${ACCOUNT}:role/orders-rotate-token`,
};
const SIGNING_KEY: ApplicationSecret = {
    name: "signing-key",
    description: "Signs the order confirmations",
    rotationDays: 90,
    rotationFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders-rotate-signing-key`,
    rotationRoleArn: `arn:aws:iam::${ACCOUNT}:role/orders-rotate-signing-key`,
};
const BASE: ApplicationSecretsArgs = {
    environment: "staging",
    application: "orders",
    region: REGION,
    accountId: ACCOUNT,
    secrets: [TOKEN, SIGNING_KEY],
    secretsKeyArn: KEY,
    readerRoleArns: READERS,
    secretsManagerEndpointId: ENDPOINT,
};

const T = {
    component: "zero-trust:workload:ApplicationSecrets",
    secret: "aws:secretsmanager/secret:Secret",
    policy: "aws:secretsmanager/secretPolicy:SecretPolicy",
    rotation: "aws:secretsmanager/secretRotation:SecretRotation",
    permission: "aws:lambda/permission:Permission",
} as const;

interface Built {
    mocks: RecordingMocks;
    component: ApplicationSecrets;
}

/** The component through an explicit provider, its reader roles declared here (so the policy's wait for them shows), one build. */
const build = oncePerVariant(async (): Promise<Built> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("env", { region: REGION, allowedAccountIds: [ACCOUNT] });
    const roles = WORKLOAD_ROLES.map(
        (role) =>
            new aws.iam.Role(`orders-${role}`, { name: workloadRoleName("staging", "orders", role), assumeRolePolicy: "{}" }, { provider }),
    );
    const component = new ApplicationSecrets("orders-secrets", { ...BASE, readerRoleArns: roles.map((r) => r.arn) }, { provider });
    return { mocks: await mocks.settled(), component };
});

describe("ApplicationSecrets", () => {
    let mocks: RecordingMocks;
    let component: ApplicationSecrets;
    before(async () => {
        ({ mocks, component } = await build());
    });

    it("declares every resource through the given provider, as children of the component", () => {
        const resources = awsResourcesThrough(mocks, "env").filter((r) => r.type !== "aws:iam/role:Role");
        const parent = mocks.named("orders-secrets");
        assert.strictEqual(parent.type, T.component);
        assert.deepStrictEqual(
            resources.map((r) => r.parent),
            resources.map(() => parent.urn),
        );
        assert.deepStrictEqual(
            [T.secret, T.policy, T.rotation, T.permission].map((type) => mocks.ofType(type).length),
            [2, 2, 2, 2],
        );
    });

    it("names each secret <env>/<app>/<name>, encrypts it with the environment's secrets key, protects it, keeps it 30 days after deletion", () => {
        const secrets = mocks.ofType(T.secret);
        assert.deepStrictEqual(
            secrets.map((s) => [s.name, s.inputs.name, s.inputs.kmsKeyId, s.inputs.recoveryWindowInDays, s.protect, s.tags["Name"]]),
            [TOKEN, SIGNING_KEY].map((entry) => [
                `orders-secrets-${entry.name}`,
                `staging/orders/${entry.name}`,
                KEY,
                SECRET_RECOVERY_WINDOW_DAYS,
                true,
                `staging/orders/${entry.name}`,
            ]),
        );
        assert.strictEqual(SECRET_RECOVERY_WINDOW_DAYS, 30);
    });

    it("describes a secret as given, or by its name, application and environment", () => {
        assert.deepStrictEqual(
            mocks.ofType(T.secret).map((s) => s.inputs.description),
            ["payment-provider-token of orders (staging)", "Signs the order confirmations"],
        );
    });

    it("gives each secret the reader-and-rotation-only, endpoint-only policy, with BlockPublicPolicy on", () => {
        for (const entry of [TOKEN, SIGNING_KEY]) {
            const policy = mocks.named(`orders-secrets-${entry.name}-policy`);
            assert.strictEqual(policy.inputs.secretArn, mocks.named(`orders-secrets-${entry.name}`).outputs.arn);
            assert.strictEqual(policy.inputs.blockPublicPolicy, true);
            assert.deepStrictEqual(
                decoded(policy.inputs.policy),
                applicationSecretPolicy({ readerRoleArns: READERS, rotationRoleArn: entry.rotationRoleArn, endpointId: ENDPOINT }),
            );
        }
    });

    it("declares the policy after the reader roles exist (Secrets Manager refuses a principal that does not)", () => {
        const dependencies = dependenciesOf(mocks, "orders-secrets-payment-provider-token-policy");
        for (const role of WORKLOAD_ROLES) {
            assert.ok(dependencies.includes(mocks.named(`orders-${role}`).urn), role);
        }
    });

    it("rotates each secret with its function every rotationDays days, starting at once", () => {
        assert.deepStrictEqual(
            mocks
                .ofType(T.rotation)
                .map((r) => [r.inputs.secretId, r.inputs.rotationLambdaArn, r.inputs.rotationRules, r.inputs.rotateImmediately]),
            [TOKEN, SIGNING_KEY].map((entry) => [
                mocks.named(`orders-secrets-${entry.name}`).outputs.arn,
                entry.rotationFunctionArn,
                { automaticallyAfterDays: entry.rotationDays },
                true,
            ]),
        );
    });

    it("lets Secrets Manager invoke each rotation function for its own secret and account only, before the rotation is configured", () => {
        for (const entry of [TOKEN, SIGNING_KEY]) {
            const permission = mocks.named(`orders-secrets-${entry.name}-rotation-invoke`);
            assert.deepStrictEqual(
                [
                    permission.inputs.function,
                    permission.inputs.action,
                    permission.inputs.principal,
                    permission.inputs.sourceArn,
                    permission.inputs.sourceAccount,
                ],
                [
                    entry.rotationFunctionArn,
                    "lambda:InvokeFunction",
                    "secretsmanager.amazonaws.com",
                    mocks.named(`orders-secrets-${entry.name}`).outputs.arn,
                    ACCOUNT,
                ],
            );
            assert.ok(dependenciesOf(mocks, `orders-secrets-${entry.name}-rotation`).includes(permission.urn));
        }
    });

    it("outputs each secret's ARN by its name", async () => {
        assert.deepStrictEqual(Object.keys(component.secretArns), [TOKEN.name, SIGNING_KEY.name]);
        assert.strictEqual(
            await valueOf(component.secretArns[TOKEN.name]),
            mocks.named("orders-secrets-payment-provider-token").outputs.arn,
        );
        assert.deepStrictEqual(mocks.named("orders-secrets").outputs.secretArns, {
            [TOKEN.name]: mocks.named("orders-secrets-payment-provider-token").outputs.arn,
            [SIGNING_KEY.name]: mocks.named("orders-secrets-signing-key").outputs.arn,
        });
    });

    describe("refuses, declaring nothing", () => {
        const withSecret = (changes: Partial<Record<keyof ApplicationSecret, unknown>>): Partial<ApplicationSecretsArgs> => ({
            secrets: [{ ...TOKEN, ...changes } as ApplicationSecret],
        });
        const cases: [string, Partial<ApplicationSecretsArgs>, RegExp][] = [
            [
                "an environment that is no lowercase key",
                { environment: "Staging" },
                /^ApplicationSecrets: environment: key "Staging" is not a lowercase name/,
            ],
            [
                "an application that is no lowercase key",
                { application: "orders/v2" },
                /^ApplicationSecrets: application: key "orders\/v2" is not a lowercase name/,
            ],
            [
                "a region outside the aws partition",
                { region: "cn-north-1" },
                /^ApplicationSecrets: region: "cn-north-1" is not an AWS region code/,
            ],
            [
                "an account id that is no account id",
                { accountId: "1111" },
                /^ApplicationSecrets: accountId: "1111" is not an AWS account id/,
            ],
            [
                "a key alias for the secrets key",
                { secretsKeyArn: "alias/secrets" },
                /^ApplicationSecrets: secretsKeyArn: "alias\/secrets" is not a KMS key ARN/,
            ],
            [
                "an endpoint id that is no VPC endpoint id",
                { secretsManagerEndpointId: "vpc-0a1b2c3d4e5f60718" },
                /^ApplicationSecrets: secretsManagerEndpointId: "vpc-0a1b2c3d4e5f60718" is not a VPC endpoint id/,
            ],
            [
                "no reader roles",
                { readerRoleArns: [] },
                /^ApplicationSecrets: readerRoleArns: \[\] is not a non-empty list of the application's role ARNs/,
            ],
            [
                "a reader role of another account",
                { readerRoleArns: [READERS[0], "arn:aws:iam::222222222222:role/staging-orders-execution"] },
                /^ApplicationSecrets: readerRoleArns\[1\]: "arn:aws:iam::222222222222:role\/staging-orders-execution" is not an IAM role ARN of account 111111111111/,
            ],
            ["no secrets", { secrets: [] }, /^ApplicationSecrets: secrets: \[\] is not a non-empty list of secrets$/],
            [
                "a secret name with a capital",
                withSecret({ name: "PaymentToken" }),
                /^ApplicationSecrets: secrets\[0\]\.name: "PaymentToken" is not a secret key/,
            ],
            [
                "a secret name ending like the ARN suffix",
                withSecret({ name: "stripe-apikey" }),
                /^ApplicationSecrets: secrets\[0\]\.name: "stripe-apikey" is not a secret key .*not ending in - and six characters/,
            ],
            [
                "an empty description",
                withSecret({ description: " " }),
                /^ApplicationSecrets: secrets\[0\]\.description: " " is not a non-empty description/,
            ],
            [
                "rotation every 0 days",
                withSecret({ rotationDays: 0 }),
                /^ApplicationSecrets: secrets\[0\]\.rotationDays: 0 is not a whole number of days from 1 to 1000$/,
            ],
            [
                "rotation every 1001 days",
                withSecret({ rotationDays: 1001 }),
                /^ApplicationSecrets: secrets\[0\]\.rotationDays: 1001 is not a whole number of days from 1 to 1000$/,
            ],
            [
                "rotation every 7.5 days",
                withSecret({ rotationDays: 7.5 }),
                /^ApplicationSecrets: secrets\[0\]\.rotationDays: 7\.5 is not a whole number/,
            ],
            [
                "a rotation function in another region",
                withSecret({ rotationFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-rotate-token` }),
                /^ApplicationSecrets: secrets\[0\]\.rotationFunctionArn: ".*" is not a Lambda function ARN of region eu-west-1 and account 111111111111/,
            ],
            [
                "a rotation function alias",
                withSecret({ rotationFunctionArn: `${TOKEN.rotationFunctionArn}:live` }),
                /^ApplicationSecrets: secrets\[0\]\.rotationFunctionArn: .* \(arn:aws:lambda:eu-west-1:111111111111:function:<name>, no version or alias\)$/,
            ],
            [
                "a rotation role of another account",
                withSecret({ rotationRoleArn: "arn:aws:iam::222222222222:role/orders-rotate-token" }),
                /^ApplicationSecrets: secrets\[0\]\.rotationRoleArn: ".*" is not an IAM role ARN of account 111111111111/,
            ],
            [
                "a secret listed twice",
                { secrets: [TOKEN, { ...SIGNING_KEY, name: TOKEN.name }] },
                /^ApplicationSecrets: secrets\[\]\.name: "payment-provider-token" is listed twice$/,
            ],
        ];
        for (const [what, overrides, message] of cases) {
            it(what, async () => {
                await assertRefusedBeforeDeclaring(() => {
                    const provider = new aws.Provider("env", { region: REGION, allowedAccountIds: [ACCOUNT] });
                    new ApplicationSecrets("orders-secrets", { ...BASE, ...overrides }, { provider });
                }, message);
            });
        }
    });
});

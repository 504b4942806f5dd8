import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkWhenKnown, fail, refuseRepeats, validNonEmptyList } from "../../validation/argument-error";
import { validAccountId, validKeyArn, validRegion } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import { validRotationDays, validSecretKey } from "../../validation/secrets-manager";
import { validLambdaFunctionArnIn, validRoleArnOf, validVpcEndpointId } from "../../validation/workload-identifiers";
import { applicationSecretPolicy } from "./application-secret-policy";

/** Days a deleted secret can still be restored: Secrets Manager's longest recovery window. */
export const SECRET_RECOVERY_WINDOW_DAYS = 30;

/** The service principal that invokes rotation functions. */
export const SECRETS_MANAGER_SERVICE = "secretsmanager.amazonaws.com";

/** One secret of an application. */
export interface ApplicationSecret {
    /** Its key within the application (a lowercase name): the secret is named `<environment>/<application>/<name>`. */
    name: string;
    /** What it is for, shown in the console; default names the application and the environment. */
    description?: string;
    /** Days between rotations, 1–1000 (Secrets Manager's range for AutomaticallyAfterDays). */
    rotationDays: number;
    /** ARN of the Lambda function that rotates it, in the environment's account and region (no version or alias). */
    rotationFunctionArn: string;
    /**
     * ARN of that function's execution role, in the environment's account: the calls during rotation
     * are made by this role (Secrets Manager only invokes the function), and a function's role
     * cannot be derived from its ARN, so stack config names it next to the function.
     */
    rotationRoleArn: string;
}

export interface ApplicationSecretsArgs {
    /** Environment name (lowercase key): the first segment of every secret's name. */
    environment: string;
    /** Application name (lowercase key): the second segment of every secret's name. */
    application: string;
    /** Region of the provider the component is given; rotation functions must be in it. */
    region: string;
    /** Account of the provider the component is given; rotation functions and roles must be in it. */
    accountId: string;
    /** The application's secrets, at least one, each name once. */
    secrets: readonly ApplicationSecret[];
    /** ARN of the environment's `secrets` key (the key ring's), which encrypts every version. */
    secretsKeyArn: pulumi.Input<string>;
    /** The roles that read the secrets' values: the application's task and execution roles (WorkloadRoles). */
    readerRoleArns: pulumi.Input<string>[];
    /** Id of the VPC's `secretsmanager` interface endpoint (ThreeTierVpc `interfaceEndpointIdsByService`): the only way to read a value. */
    secretsManagerEndpointId: pulumi.Input<string>;
}

/**
 * An application's secrets in Secrets Manager: each encrypted with the environment's `secrets` key,
 * rotated on a schedule by its function, readable only by the application's roles and its rotation
 * function's, only through the VPC's endpoint, protected and restorable for 30 days after deletion.
 */
export class ApplicationSecrets extends pulumi.ComponentResource {
    /** ARN of each secret, by its name in `secrets`. */
    public readonly secretArns: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: ApplicationSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:workload:ApplicationSecrets", name, {}, opts);
        const { accountId } = args;

        this.secretArns = Object.fromEntries(
            args.secrets.map((entry) => {
                const resourceName = `${name}-${entry.name}`;
                const secretName = `${args.environment}/${args.application}/${entry.name}`;
                const secret = new aws.secretsmanager.Secret(
                    resourceName,
                    {
                        name: secretName,
                        description: entry.description ?? `${entry.name} of ${args.application} (${args.environment})`,
                        kmsKeyId: args.secretsKeyArn,
                        recoveryWindowInDays: SECRET_RECOVERY_WINDOW_DAYS,
                        tags: { Name: secretName },
                    },
                    // Deleting a secret the application still reads is an outage: removing it takes an unprotect first.
                    { parent: this, protect: true },
                );
                new aws.secretsmanager.SecretPolicy(
                    `${resourceName}-policy`,
                    {
                        secretArn: secret.arn,
                        policy: pulumi.jsonStringify(
                            applicationSecretPolicy({
                                readerRoleArns: args.readerRoleArns,
                                rotationRoleArn: entry.rotationRoleArn,
                                endpointId: args.secretsManagerEndpointId,
                            }),
                        ),
                        blockPublicPolicy: true,
                    },
                    { parent: this },
                );
                // Secrets Manager may invoke the function for this secret only (aws:SourceArn) and this
                // account (aws:SourceAccount), so the grant cannot be borrowed for another secret.
                const invoke = new aws.lambda.Permission(
                    `${resourceName}-rotation-invoke`,
                    {
                        function: entry.rotationFunctionArn,
                        action: "lambda:InvokeFunction",
                        principal: SECRETS_MANAGER_SERVICE,
                        sourceArn: secret.arn,
                        sourceAccount: accountId,
                    },
                    { parent: this },
                );
                new aws.secretsmanager.SecretRotation(
                    `${resourceName}-rotation`,
                    {
                        secretId: secret.arn,
                        rotationLambdaArn: entry.rotationFunctionArn,
                        // AutomaticallyAfterDays is what DescribeSecret and Security Hub report as the
                        // rotation interval, so compliance checks read the configured value back.
                        rotationRules: { automaticallyAfterDays: entry.rotationDays },
                        // The function writes the first value, so nobody has to type it in.
                        rotateImmediately: true,
                    },
                    // RotateSecret fails unless Secrets Manager may already invoke the function.
                    { parent: this, dependsOn: [invoke] },
                );
                return [entry.name, secret.arn];
            }),
        );
        this.registerOutputs({ secretArns: this.secretArns });
    }
}

/** Everything the secrets are built from, checked before anything is declared. */
function checkArgs(args: ApplicationSecretsArgs): void {
    const parameter = (arg: string) => `ApplicationSecrets: ${arg}`;
    validNameKey(parameter("environment"), args.environment);
    validNameKey(parameter("application"), args.application);
    const region = validRegion(parameter("region"), args.region);
    const accountId = validAccountId(parameter("accountId"), args.accountId);
    checkWhenKnown(parameter("secretsKeyArn"), args.secretsKeyArn, validKeyArn);
    checkWhenKnown(parameter("secretsManagerEndpointId"), args.secretsManagerEndpointId, validVpcEndpointId);
    validNonEmptyList(
        parameter("readerRoleArns"),
        args.readerRoleArns,
        "a non-empty list of the application's role ARNs (its task and execution roles)",
    );
    args.readerRoleArns.forEach((arn, i) =>
        checkWhenKnown(parameter(`readerRoleArns[${i}]`), arn, (p, v) => validRoleArnOf(p, v, accountId)),
    );
    validNonEmptyList(parameter("secrets"), args.secrets, "a non-empty list of secrets");
    args.secrets.forEach((secret, i) => {
        const field = (key: string) => parameter(`secrets[${i}].${key}`);
        validSecretKey(field("name"), secret.name);
        if (secret.description !== undefined && (typeof secret.description !== "string" || secret.description.trim() === "")) {
            fail(field("description"), secret.description, "a non-empty description, or none for the default");
        }
        validRotationDays(field("rotationDays"), secret.rotationDays);
        validLambdaFunctionArnIn(field("rotationFunctionArn"), secret.rotationFunctionArn, region, accountId);
        validRoleArnOf(field("rotationRoleArn"), secret.rotationRoleArn, accountId);
    });
    refuseRepeats(
        parameter("secrets[].name"),
        args.secrets.map((secret) => secret.name),
    );
}

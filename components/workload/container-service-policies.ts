// An application's role policies, as data: pure functions from the facts to the documents, so the
// evaluator proves what each role can and cannot do without a deployment. Values that exist only
// after deployment (keys, secrets) are the type parameter V: the component passes outputs, tests
// pass strings.
//
// - The execution role (ECS, starting a task): pull the task's images from their repositories only, write the
//   application's log group only, read the application's secrets to inject them, and decrypt them
//   with the `secrets` key only through Secrets Manager.
// - The session role (the application's code, in 15-minute sessions chained from the task role,
//   whose only permission is to assume it: workload-roles-policies.ts): use the application key,
//   read its own secrets (again, at runtime, so a rotated value is seen without a restart) and
//   decrypt them through Secrets Manager, plus what other components grant it (database connect,
//   certificates). Nothing else: no ssmmessages (so ECS Exec cannot work even if turned on), no
//   iam:PassRole, no wildcard.

import { logGroupArn, viaService } from "../../iam/arns";
import type { IdentityPolicyStatement, PolicyDocument } from "../../iam/policy-document";

/** What ECS needs to pull an image from a private ECR repository (the token call has no resource). */
export const IMAGE_PULL_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"] as const;

/** What the application may do with its own key: envelope encryption, nothing administrative. */
export const APPLICATION_KEY_ACTIONS = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
] as const;

/** The facts an application's role policies are built from. */
export interface ContainerServicePolicyFacts<V> {
    readonly accountId: string;
    readonly region: string;
    /** ARNs of the task's images' ECR repositories (the application's, the session-profile writer's). */
    readonly repositoryArns: readonly string[];
    /** Name of the application's log group. */
    readonly logGroupName: string;
    /** ARNs of the application's secrets. */
    readonly secretArns: readonly V[];
    /** The environment's `secrets` key, which encrypts them. */
    readonly secretsKeyArn: V;
    /** The application's own key. */
    readonly applicationKeyArn: V;
    /** What other components grant the session role (rds-db:connect, acm-pca:IssueCertificate, …). */
    readonly sessionRoleStatements: readonly IdentityPolicyStatement<V>[];
}

/** Reads the secrets and decrypts them with the secrets key only through Secrets Manager; none when there are no secrets. */
function readSecrets<V>(facts: ContainerServicePolicyFacts<V>, actions: string[]): IdentityPolicyStatement<V | string>[] {
    if (facts.secretArns.length === 0) {
        return [];
    }
    return [
        { Sid: "ReadOwnSecrets", Effect: "Allow", Action: actions, Resource: [...facts.secretArns] },
        {
            Sid: "DecryptSecretsThroughSecretsManager",
            Effect: "Allow",
            Action: ["kms:Decrypt"],
            Resource: facts.secretsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": viaService("secretsmanager", facts.region) } },
        },
    ];
}

/** The execution role's permissions: pull the image, write the log group, inject the secrets. */
export function executionRolePolicy<V = string>(
    facts: ContainerServicePolicyFacts<V>,
): PolicyDocument<IdentityPolicyStatement<V | string>> {
    return {
        Version: "2012-10-17",
        Statement: [
            // GetAuthorizationToken has no resource-level permission: it only returns a registry login.
            { Sid: "GetRegistryToken", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
            {
                Sid: "PullImagesFromTheirRepositories",
                Effect: "Allow",
                Action: [...IMAGE_PULL_ACTIONS],
                Resource: [...facts.repositoryArns],
            },
            {
                Sid: "WriteOwnLogGroup",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${logGroupArn(facts.region, facts.accountId, facts.logGroupName)}:*`,
            },
            ...readSecrets(facts, ["secretsmanager:GetSecretValue"]),
        ],
    };
}

/** The session role's permissions: the application key, its own secrets, and the grants of other components. */
export function sessionRolePolicy<V = string>(facts: ContainerServicePolicyFacts<V>): PolicyDocument<IdentityPolicyStatement<V | string>> {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "UseApplicationKey", Effect: "Allow", Action: [...APPLICATION_KEY_ACTIONS], Resource: facts.applicationKeyArn },
            ...readSecrets(facts, ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]),
            ...facts.sessionRoleStatements,
        ],
    };
}

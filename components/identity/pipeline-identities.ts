import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail } from "../../validation/argument-error";
import { SHORTEST_MAX_SESSION_SECONDS } from "../workload/workload-roles-policies";
import {
    deployEnvironmentPolicy,
    deployManagementPolicy,
    environmentSubject,
    githubTrustPolicy,
    pipelineBoundaryPolicy,
    pipelinePreviewPolicy,
    pullRequestSubject,
    type GitHubRepository,
} from "./pipeline-identity-policies";
import {
    GITHUB_OIDC_AUDIENCE,
    GITHUB_OIDC_ISSUER,
    githubOidcProviderArn,
    MANAGEMENT_DEPLOY_ROLE_NAME,
    MANAGEMENT_STACK,
    PIPELINE_BOUNDARY_NAME,
    PIPELINE_PREVIEW_ROLE_NAME,
    pipelineDeployRoleName,
} from "./pipeline-names";

export interface PipelineIdentitiesArgs {
    /** The organisation's management account, where the identities live (`opts.provider` must reach it). */
    managementAccountId: string;
    /** The repository whose workflows may assume the roles. */
    github: GitHubRepository;
    /** ARN pattern of the organisation trail's delivery role (auto-named): the only role the pipeline may pass, to CloudTrail only. */
    trailRoleArnPattern: string;
    /** The access roles the management stack's providers assume (security, log-archive): its deploy role may assume them. */
    managementAccessRoleArns: readonly string[];
    /** Each environment stack by name with the access role of its member account: one deploy role each, which may assume only that role. */
    environments: readonly { readonly name: string; readonly accessRoleArn: string }[];
    /** The read-only preview access role of every member account the stacks reach: the preview role may assume only these. */
    previewAccessRoleArns: readonly string[];
}

/** One pipeline role: its name, the GitHub subject it trusts, what it may do. */
interface PipelineRole {
    readonly key: string;
    readonly roleName: string;
    readonly subject: string;
    readonly policy: object;
}

/**
 * The delivery pipeline's identities in the management account, where every provider starts from:
 * GitHub Actions' OIDC provider (audience `sts.amazonaws.com`; no thumbprint, AWS trusts GitHub's
 * certificate authority), the read-only `pipeline-preview` role for pull requests, one
 * `pipeline-deploy-<stack>` role per stack for its GitHub environment, and the `pipeline-boundary`
 * every one of them carries. Sessions last one hour at most; no credential is stored anywhere.
 */
export class PipelineIdentities extends pulumi.ComponentResource {
    /** ARN of `pipeline-preview`. */
    public readonly previewRoleArn: pulumi.Output<string>;
    /** Deploy role ARNs by stack (`management` and each environment). */
    public readonly deployRoleArns: Readonly<Record<string, pulumi.Output<string>>>;
    /** ARN of `pipeline-boundary`. */
    public readonly boundaryArn: pulumi.Output<string>;

    constructor(name: string, args: PipelineIdentitiesArgs, opts?: pulumi.ComponentResourceOptions) {
        args.environments.forEach((environment, i) => {
            if (environment.name === MANAGEMENT_STACK) {
                fail(`environments[${i}].name`, environment.name, "an environment other than the management stack's own name");
            }
        });
        const roles: PipelineRole[] = [
            {
                key: "preview",
                roleName: PIPELINE_PREVIEW_ROLE_NAME,
                subject: pullRequestSubject(args.github),
                policy: pipelinePreviewPolicy(args.previewAccessRoleArns),
            },
            {
                key: `deploy-${MANAGEMENT_STACK}`,
                roleName: MANAGEMENT_DEPLOY_ROLE_NAME,
                subject: environmentSubject(args.github, MANAGEMENT_STACK),
                policy: deployManagementPolicy(args.managementAccountId, args.trailRoleArnPattern, args.managementAccessRoleArns),
            },
            ...args.environments.map((environment) => ({
                key: `deploy-${environment.name}`,
                roleName: pipelineDeployRoleName(environment.name),
                subject: environmentSubject(args.github, environment.name),
                policy: deployEnvironmentPolicy(environment.accessRoleArn),
            })),
        ];

        super("zero-trust:identity:PipelineIdentities", name, {}, opts);

        const oidc = new aws.iam.OpenIdConnectProvider(
            `${name}-github`,
            { url: `https://${GITHUB_OIDC_ISSUER}`, clientIdLists: [GITHUB_OIDC_AUDIENCE] },
            { parent: this },
        );
        const boundary = new aws.iam.Policy(
            `${name}-boundary`,
            {
                name: PIPELINE_BOUNDARY_NAME,
                description: "Pipeline roles: no role without this boundary, no boundary removal or change, no IAM users or access keys",
                policy: JSON.stringify(pipelineBoundaryPolicy(args.managementAccountId, args.trailRoleArnPattern)),
            },
            { parent: this },
        );
        const providerArn = githubOidcProviderArn(args.managementAccountId);
        const arns: Record<string, pulumi.Output<string>> = {};
        for (const role of roles) {
            const created = new aws.iam.Role(
                `${name}-${role.key}`,
                {
                    name: role.roleName,
                    assumeRolePolicy: JSON.stringify(githubTrustPolicy(providerArn, role.subject)),
                    maxSessionDuration: SHORTEST_MAX_SESSION_SECONDS,
                    permissionsBoundary: boundary.arn,
                },
                // IAM refuses a trust that names a provider it does not have yet.
                { parent: this, dependsOn: [oidc] },
            );
            new aws.iam.RolePolicy(
                `${name}-${role.key}-policy`,
                { role: created.name, policy: JSON.stringify(role.policy) },
                { parent: this },
            );
            arns[role.key] = created.arn;
        }

        this.previewRoleArn = arns["preview"];
        this.deployRoleArns = Object.fromEntries(
            [MANAGEMENT_STACK, ...args.environments.map((e) => e.name)].map((stack) => [stack, arns[`deploy-${stack}`]]),
        );
        this.boundaryArn = boundary.arn;
        this.registerOutputs({ previewRoleArn: this.previewRoleArn, deployRoleArns: this.deployRoleArns, boundaryArn: this.boundaryArn });
    }
}

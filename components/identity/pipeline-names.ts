import { roleArn } from "../../iam/arns";

/**
 * The names of the pipeline identities, which the stacks, the trust policies and the workflows
 * share: every ARN is built from an account id and one of these, so nothing is looked up and the
 * workflows need only the management account's id.
 */

/** GitHub Actions' OIDC issuer (host and path, as IAM names the provider and prefixes its condition keys). */
export const GITHUB_OIDC_ISSUER = "token.actions.githubusercontent.com";

/** The audience GitHub's token carries for AWS (`aws-actions/configure-aws-credentials`). */
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** The read-only role pull requests' previews assume, in the management account. */
export const PIPELINE_PREVIEW_ROLE_NAME = "pipeline-preview";

/** The deploy role of a stack (`pipeline-deploy-management`, `pipeline-deploy-staging`, …), in the management account. */
export const pipelineDeployRoleName = (stack: string): string => `pipeline-deploy-${stack}`;

/** The management stack's own name, so its deploy role is `pipeline-deploy-management`. */
export const MANAGEMENT_STACK = "management";

/** The management account's deployment principal: the management stack's deploy role. */
export const MANAGEMENT_DEPLOY_ROLE_NAME = pipelineDeployRoleName(MANAGEMENT_STACK);

/** The permissions boundary every pipeline role carries, and every role those roles create must carry. */
export const PIPELINE_BOUNDARY_NAME = "pipeline-boundary";

/** The read-only role previews assume in every member account the stacks reach (the deploy access role's read-only twin). */
export const PREVIEW_ACCESS_ROLE_NAME = "zero-trust-preview";

/** The management account's `pipeline-preview` role: the only principal a preview access role trusts. */
export const pipelinePreviewRoleArn = (managementAccountId: string): string => roleArn(managementAccountId, PIPELINE_PREVIEW_ROLE_NAME);

/** `arn:aws:iam::<account>:policy/pipeline-boundary`. */
export const pipelineBoundaryArn = (managementAccountId: string): string =>
    `arn:aws:iam::${managementAccountId}:policy/${PIPELINE_BOUNDARY_NAME}`;

/** The IAM OIDC provider of GitHub Actions in an account. */
export const githubOidcProviderArn = (accountId: string): string => `arn:aws:iam::${accountId}:oidc-provider/${GITHUB_OIDC_ISSUER}`;

import * as aws from "@pulumi/aws";
import { PipelineIdentities, type PipelineIdentitiesArgs } from "../../components/identity/pipeline-identities";
import { pipelineBoundaryPolicy } from "../../components/identity/pipeline-identity-policies";
import { pipelineBoundaryArn, githubOidcProviderArn } from "../../components/identity/pipeline-names";
import type { PolicyDocument } from "../../iam/policy-document";
import { decoded, RecordingMocks } from "../network/recording-mocks";

// The pipeline identities of a management account with security, log-archive, staging and prod, as
// the component tests and the preview access tests build them.

export const MANAGEMENT = "999999999999";
export const ACCOUNTS = { security: "333333333333", logArchive: "444444444444", staging: "111111111111", prod: "222222222222" };
export const ACCESS = "OrganizationAccountAccessRole";
export const role = (account: string, name: string): string => `arn:aws:iam::${account}:role/${name}`;
export const BOUNDARY = pipelineBoundaryArn(MANAGEMENT);
export const PROVIDER = githubOidcProviderArn(MANAGEMENT);
/** The boundary of the pipeline roles, as the component builds it. */
export const BOUNDARY_POLICY = pipelineBoundaryPolicy(MANAGEMENT, `arn:aws:iam::${MANAGEMENT}:role/organization-trail-role-*`);

export const PIPELINE_ARGS: PipelineIdentitiesArgs = {
    managementAccountId: MANAGEMENT,
    github: { owner: "example-org", repository: "zero-trust-aws" },
    trailRoleArnPattern: `arn:aws:iam::${MANAGEMENT}:role/organization-trail-role-*`,
    managementAccessRoleArns: [role(ACCOUNTS.security, ACCESS), role(ACCOUNTS.logArchive, ACCESS)],
    environments: [
        { name: "staging", accessRoleArn: role(ACCOUNTS.staging, ACCESS) },
        { name: "prod", accessRoleArn: role(ACCOUNTS.prod, ACCESS) },
    ],
    previewAccessRoleArns: Object.values(ACCOUNTS).map((id) => role(id, "zero-trust-preview")),
};

/** Builds the component through a management-account provider and waits for every registration. */
export async function buildPipeline(args: PipelineIdentitiesArgs = PIPELINE_ARGS): Promise<RecordingMocks> {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("management", { region: "eu-west-1", allowedAccountIds: [MANAGEMENT] });
    new PipelineIdentities("pipeline", args, { provider });
    return mocks.settled();
}

/** A role's inline policy as the plan holds it. */
export const policyOfRole = (mocks: RecordingMocks, roleName: string): PolicyDocument =>
    decoded(mocks.ofType("aws:iam/rolePolicy:RolePolicy").find((p) => p.inputs.role === roleName)?.inputs.policy) as PolicyDocument;

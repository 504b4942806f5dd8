import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT_ID, BUCKET_NAME_SHAPE, KEY_ARN, ORGANIZATION_ID, REGION, ROLE_ARN } from "../validation/aws-identifiers";
import type { EnvironmentConfig } from "./config/environment-schema";
import type { ManagementOutputs } from "./management";

/** What an environment needs to know about the organisation it belongs to. */
export interface OrganizationContext {
    /** The organisation's id (VPC endpoints admit only its principals). */
    readonly organizationId: pulumi.Input<string>;
    /** The bucket AWS Config delivers to (the organisation's Config delivery bucket; never the object-locked archive). */
    readonly configDeliveryBucketName: pulumi.Input<string>;
    /** The key AWS Config encrypts its deliveries with; absent: the bucket's default encryption. */
    readonly configDeliveryKeyArn?: pulumi.Input<string>;
    /** The security account, which may subscribe to the environment's alerts; unknown without the management stack. */
    readonly securityAccountId?: pulumi.Input<string>;
    /**
     * `guardrails.allowedRegions` of the management stack: every region the environment watches.
     * A promise, not an output: resources are declared per region, so the list must be known
     * before they are. Absent without the management stack.
     */
    readonly allowedRegions?: Promise<readonly string[]>;
    /**
     * The management account's `pipeline-preview` role, which the environment's preview access role
     * trusts; a promise, as the preview access role is declared only when the management stack has
     * pipeline identities. Absent without the management stack.
     */
    readonly pipelinePreviewRoleArn?: Promise<string | undefined>;
    /** Where a created account goes, and the management account that creates it. */
    readonly accountPlacement?: { readonly parentOuId: pulumi.Input<string>; readonly managementAccountId: pulumi.Input<string> };
}

/** What each management output read here must look like (the outputs are another stack's, so they are checked). */
const EXPECTED: Readonly<Partial<Record<keyof ManagementOutputs, [RegExp, string]>>> = {
    organizationId: [ORGANIZATION_ID, "an organisation id (o-…)"],
    configDeliveryBucketName: [BUCKET_NAME_SHAPE, "an S3 bucket name"],
    configDeliveryKeyArn: [KEY_ARN, "a KMS key ARN"],
    securityAccountId: [ACCOUNT_ID, "a 12-digit account id"],
    managementAccountId: [ACCOUNT_ID, "a 12-digit account id"],
};

/**
 * The full name of the management stack: a bare stack name is that stack of this project in this
 * stack's Pulumi organisation (so the same config works on Pulumi Cloud and on a DIY backend,
 * whose organisation is always `organization`); `<org>/<project>/<stack>` is taken as written.
 */
export function managementStackName(stack: string): string {
    return stack.includes("/") ? stack : `${pulumi.getOrganization()}/${pulumi.getProject()}/${stack}`;
}

/**
 * The organisation's facts from the management stack's outputs (a `StackReference` named by
 * `management.stack`), or from config for an environment that is not managed by such a stack. A
 * missing or malformed output fails the run with one line naming the stack, the output and what
 * was expected.
 */
export function organizationContext(config: EnvironmentConfig): OrganizationContext {
    const { management, account } = config;
    if (management === undefined) {
        return {
            organizationId: config.organizationId as string,
            configDeliveryBucketName: config.baseline.configBucketName as string,
            ...(config.baseline.configKmsKeyArn === undefined ? {} : { configDeliveryKeyArn: config.baseline.configKmsKeyArn }),
            ...(account.mode === "create"
                ? {
                      accountPlacement: {
                          parentOuId: account.parentOuId as string,
                          managementAccountId: account.managementAccountId as string,
                      },
                  }
                : {}),
        };
    }
    const reference = new pulumi.StackReference(`${config.environment}-management`, { name: managementStackName(management.stack) });
    const problem = (output: string, value: unknown, expected: string): pulumi.RunError =>
        new pulumi.RunError(
            `management stack ${managementStackName(management.stack)}: output ${output}=${JSON.stringify(value) ?? "(not set)"}: expected ${expected}`,
        );
    const read = (output: keyof ManagementOutputs): pulumi.Output<string> =>
        reference.getOutput(output).apply((value: unknown) => {
            const [pattern, expected] = EXPECTED[output] ?? [/.*/, "a string"];
            if (typeof value !== "string" || !pattern.test(value)) {
                throw problem(output, value, expected);
            }
            return value;
        });
    const organizationalUnit = account.organizationalUnit;
    return {
        organizationId: read("organizationId"),
        configDeliveryBucketName: read("configDeliveryBucketName"),
        configDeliveryKeyArn: read("configDeliveryKeyArn"),
        securityAccountId: read("securityAccountId"),
        allowedRegions: reference.getOutputDetails("allowedRegions").then(({ value }) => {
            const regions: unknown[] = Array.isArray(value) ? value : [];
            if (regions.length === 0 || !regions.every((region) => typeof region === "string" && REGION.test(region))) {
                throw problem("allowedRegions", value, "a non-empty list of AWS regions (guardrails.allowedRegions)");
            }
            return regions as string[];
        }),
        pipelinePreviewRoleArn: reference.getOutputDetails("pipelinePreviewRoleArn").then(({ value }: { value?: unknown }) => {
            if (value === undefined) {
                return undefined;
            }
            if (typeof value !== "string" || !ROLE_ARN.test(value)) {
                throw problem("pipelinePreviewRoleArn", value, "an IAM role ARN, or no output (no pipeline identities)");
            }
            return value;
        }),
        ...(account.mode === "create" && organizationalUnit !== undefined
            ? {
                  accountPlacement: {
                      managementAccountId: read("managementAccountId"),
                      parentOuId: reference.getOutput("organizationalUnitIds").apply((ids: unknown) => {
                          const id =
                              ids !== null && typeof ids === "object" ? (ids as Record<string, unknown>)[organizationalUnit] : undefined;
                          if (typeof id !== "string") {
                              throw problem(
                                  `organizationalUnitIds.${organizationalUnit}`,
                                  id,
                                  "an OU id; account.organizationalUnit names an OU the management stack does not have",
                              );
                          }
                          return id;
                      }),
                  },
              }
            : {}),
    };
}

/**
 * AWS identifiers the workload tier takes (VPC endpoint ids, Lambda function and role ARNs of the
 * environment's account). They live apart from `aws-identifiers.ts` because the responder's Lambda
 * bundle includes that file: a rule added there changes the deployed function's code.
 */

import { fail, validMatching } from "./argument-error";
import { ROLE_ARN } from "./aws-identifiers";

/** A VPC endpoint id: `vpce-` and 8 or 17 hexadecimal digits, as other EC2 ids (EC2 User Guide, "Resource IDs"). */
export const VPC_ENDPOINT_ID = /^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Lambda function names: 1-64 letters, digits, `-` and `_` (Lambda API: CreateFunction). */
const FUNCTION_NAME = "[A-Za-z0-9_-]{1,64}";

/** A VPC endpoint id, or a one-line error naming `parameter`. */
export function validVpcEndpointId(parameter: string, value: unknown): string {
    return validMatching(parameter, value, VPC_ENDPOINT_ID, "a VPC endpoint id (vpce- and 8 or 17 hexadecimal digits)");
}

/** A role ARN of `accountId` (any path, no wildcard), or a one-line error naming `parameter`. */
export function validRoleArnOf(parameter: string, value: unknown, accountId: string): string {
    const match = typeof value === "string" ? ROLE_ARN.exec(value) : null;
    if (match === null || match[1] !== accountId) {
        fail(parameter, value, `an IAM role ARN of account ${accountId} (arn:aws:iam::${accountId}:role/<name>, no wildcard)`);
    }
    return value as string;
}

/**
 * An unqualified Lambda function ARN (no version or alias) of a checked `region` and `accountId`,
 * or a one-line error naming `parameter`.
 */
export function validLambdaFunctionArnIn(parameter: string, value: unknown, region: string, accountId: string): string {
    const expected = `arn:aws:lambda:${region}:${accountId}:function:<name>`;
    return validMatching(
        parameter,
        value,
        new RegExp(`^arn:aws:lambda:${region}:${accountId}:function:${FUNCTION_NAME}$`),
        `a Lambda function ARN of region ${region} and account ${accountId} (${expected}, no version or alias)`,
    );
}

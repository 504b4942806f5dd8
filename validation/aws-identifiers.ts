/**
 * The patterns of the AWS identifiers the estate takes (account, organisation, region, role, user,
 * access key, key, bucket, detector, instance, network interface, VPC and security group ids, and
 * ARNs) and the checks built on them.
 *
 * Only the commercial `aws` partition is accepted: the ARNs, service principals and policy
 * documents the components build are `arn:aws:…`, so GovCloud, China and the isolated partitions
 * are refused rather than half-supported.
 */

import { fail, refuseRepeats, validMatching, validNonEmptyList } from "./argument-error";

// Parts of the patterns below (regular-expression source), so that each rule is written once.
const ACCOUNT = String.raw`\d{12}`;
const REGION_CODE = String.raw`(?:af|ap|ca|eu|il|me|mx|sa|us)-(?:central|north|south|east|west|northeast|northwest|southeast|southwest)-\d{1,2}`;
// IAM names (users, roles, …): letters, digits and `+=,.@_-` (IAM User Guide, "IAM and AWS STS
// quotas, name requirements, and character limits"; the API's pattern `[\w+=,.@-]+`).
const IAM_NAME_CHARACTER = "[A-Za-z0-9+=,.@_-]";
const ROLE_RESOURCE = String.raw`role\/(?:${IAM_NAME_CHARACTER}+\/)*${IAM_NAME_CHARACTER}{1,64}`;
const BUCKET = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";
const KEY_ID = "(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})";
// EC2 resource ids: a prefix, a hyphen and 8 (before 2016-2018) or 17 hexadecimal characters
// (EC2 User Guide, "Resource IDs").
const EC2_ID_SUFFIX = "(?:[0-9a-f]{8}|[0-9a-f]{17})";

const whole = (source: string): RegExp => new RegExp(`^${source}$`);

/** An AWS account id: exactly 12 digits. */
export const ACCOUNT_ID = whole(ACCOUNT);

/**
 * A region of the commercial `aws` partition: an area and a direction AWS uses, and a number
 * (`eu-west-1`, `ap-southeast-3`, `il-central-1`). The config schemas use it too.
 */
export const REGION = whole(REGION_CODE);

/** An AWS Organizations id: `o-` and 10 to 32 lowercase letters or digits. */
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

/** An IAM role name: 1–64 characters of letters, digits and `+=,.@_-` (no path, no wildcard). */
export const ROLE_NAME = whole(`${IAM_NAME_CHARACTER}{1,64}`);

/** An IAM user name: 1–64 characters of letters, digits and `+=,.@_-` (IAM API: AccessKey.UserName). */
export const USER_NAME = whole(`${IAM_NAME_CHARACTER}{1,64}`);

/** An IAM access key id: 16–128 letters, digits or `_` (IAM API: AccessKey.AccessKeyId, pattern `[\w]+`). */
export const ACCESS_KEY_ID = /^\w{16,128}$/;

/** An IAM role ARN (any path), no wildcard; the first group is the account id. */
export const ROLE_ARN = whole(`arn:aws:iam::(${ACCOUNT}):${ROLE_RESOURCE}`);

/** An account root (`arn:aws:iam::<id>:root`) or a role ARN, no wildcard: what a bucket or key policy can name as a principal. */
export const ROOT_OR_ROLE_ARN = whole(`arn:aws:iam::${ACCOUNT}:(?:root|${ROLE_RESOURCE})`);

/** A KMS key ARN (not an alias: another account's key is named by its full ARN). */
export const KEY_ARN = whole(String.raw`arn:aws:kms:${REGION_CODE}:${ACCOUNT}:key\/${KEY_ID}`);

/** A GuardDuty detector id: 32 lowercase letters or digits. */
export const GUARDDUTY_DETECTOR_ID = /^[a-z0-9]{32}$/;

/** An EC2 instance id (`i-` and 8 or 17 hexadecimal digits). */
export const INSTANCE_ID = whole(`i-${EC2_ID_SUFFIX}`);

/** A network interface id (`eni-` and 8 or 17 hexadecimal digits). */
export const NETWORK_INTERFACE_ID = whole(`eni-${EC2_ID_SUFFIX}`);

/** A VPC id (`vpc-` and 8 or 17 hexadecimal digits). */
export const VPC_ID = whole(`vpc-${EC2_ID_SUFFIX}`);

/** A security group id (`sg-` and 8 or 17 hexadecimal digits). */
export const SECURITY_GROUP_ID = whole(`sg-${EC2_ID_SUFFIX}`);

/**
 * An SNS topic ARN: topic names are 1-256 ASCII letters, digits, `_` and `-` (SNS API: CreateTopic;
 * a FIFO topic's `.fifo` is not accepted: the estate's topics are standard ones).
 */
export const SNS_TOPIC_ARN = whole(`arn:aws:sns:${REGION_CODE}:${ACCOUNT}:[A-Za-z0-9_-]{1,256}`);

/**
 * The shape of an S3 bucket name: 3-63 characters of a-z 0-9 . -, starting and ending with a letter
 * or digit. `isBucketName` adds the rules a pattern cannot say plainly (no `..`, not an IP address,
 * no reserved prefix or suffix).
 */
export const BUCKET_NAME_SHAPE = whole(BUCKET);

/** The ARN prefix of an S3 bucket (names are global, so region and account are empty). */
export const BUCKET_ARN_PREFIX = "arn:aws:s3:::";
const IPV4_SHAPE = /^\d+\.\d+\.\d+\.\d+$/;

// S3 User Guide, "General purpose bucket naming rules": prefixes and suffixes reserved for access
// point aliases, Multi-Region Access Points, directory and table buckets and documentation examples.
const RESERVED_BUCKET_NAME = /^(?:xn--|sthree-|amzn-s3-demo-)|(?:-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/;

/** A 12-digit account id, or a one-line error naming `parameter`. */
export function validAccountId(parameter: string, value: unknown): string {
    return validMatching(parameter, value, ACCOUNT_ID, "an AWS account id (12 digits, as a string)");
}

/** A region code of the aws partition, or a one-line error naming `parameter`. */
export function validRegion(parameter: string, value: unknown): string {
    return validMatching(parameter, value, REGION, "an AWS region code of the aws partition (like eu-west-1)");
}

/** The regions, or a one-line error naming `parameter`: at least one, each a region of the aws partition, no repeats. */
export function validRegions(parameter: string, value: unknown): readonly string[] {
    const regions = validNonEmptyList(parameter, value, "a non-empty list of AWS region codes");
    return refuseRepeats(
        parameter,
        regions.map((region) => validRegion(parameter, region)),
    );
}

/** An AWS Organizations id, or a one-line error naming `parameter`. */
export function validOrganizationId(parameter: string, value: unknown): string {
    return validMatching(
        parameter,
        value,
        ORGANIZATION_ID,
        "an AWS Organizations id (o- followed by 10 to 32 lowercase letters or digits)",
    );
}

/** The role name, or a one-line error naming `parameter`. */
export function validRoleName(parameter: string, value: unknown): string {
    return validMatching(
        parameter,
        value,
        ROLE_NAME,
        "an IAM role name (1-64 characters of A-Z a-z 0-9 + = , . @ _ -, no path or wildcard)",
    );
}

/** The optional role name (undefined stays undefined), or a one-line error naming `parameter`. */
export function validOptionalRoleName(parameter: string, value: unknown): string | undefined {
    return value === undefined ? undefined : validRoleName(parameter, value);
}

/**
 * 3–63 characters of lowercase letters, digits, dots and hyphens, starting and ending with a letter
 * or digit, no `..`, not an IP address, no prefix or suffix S3 reserves.
 */
export function isBucketName(value: string): boolean {
    return BUCKET_NAME_SHAPE.test(value) && !value.includes("..") && !IPV4_SHAPE.test(value) && !RESERVED_BUCKET_NAME.test(value);
}

export const BUCKET_NAME_EXPECTED = "an S3 bucket name (3-63 characters of a-z 0-9 . -, starting and ending with a letter or digit)";

/** The S3 bucket name, or a one-line error naming `parameter`. */
export function validBucketName(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !isBucketName(value)) {
        fail(parameter, value, BUCKET_NAME_EXPECTED);
    }
    return value;
}

/** The ARN of a bucket itself (not an object key or a wildcard), or a one-line error naming `parameter`. */
export function validBucketArn(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !value.startsWith(BUCKET_ARN_PREFIX) || !isBucketName(value.slice(BUCKET_ARN_PREFIX.length))) {
        fail(parameter, value, "an S3 bucket ARN (arn:aws:s3:::<bucket-name>, no key or wildcard)");
    }
    return value;
}

/** The KMS key ARN, or a one-line error naming `parameter`. */
export function validKeyArn(parameter: string, value: unknown): string {
    return validMatching(parameter, value, KEY_ARN, "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>; not an alias or key id)");
}

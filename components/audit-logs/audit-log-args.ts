import { ARCHIVE_STORAGE_CLASSES, DEFAULT_NONCURRENT_EXPIRATION_DAYS, type LogArchiveLifecycle } from "./audit-bucket-settings";
import {
    fail,
    refuseRepeats,
    show,
    validChoice,
    validNonEmptyList,
    validProvider,
    validWholeNumber,
} from "../../validation/argument-error";
import { ROLE_ARN, ROOT_OR_ROLE_ARN } from "../../validation/aws-identifiers";

// Validation of the audit-log components' arguments. Every check throws a one-line error that names
// the component and the argument, shows the value and says what was expected, before any resource
// (the component included) is declared, so that bad arguments leave nothing half-created. The
// checks of AWS values are the shared ones of `../argument-checks`; what is here is the audit logs' own.

/** Object Lock retention modes. GOVERNANCE can be lifted with s3:BypassGovernanceRetention (which the archive denies to everyone); COMPLIANCE by nobody. */
export const OBJECT_LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"] as const;
export type ObjectLockMode = (typeof OBJECT_LOCK_MODES)[number];

/** S3's minimum age for a transition to STANDARD_IA, and the minimum stay there before the next transition. */
export const STANDARD_IA_MINIMUM_DAYS = 30;

/** The longest default retention S3 Object Lock accepts (100 years). */
export const OBJECT_LOCK_MAXIMUM_DAYS = 36500;

/** The longest lifecycle period accepted here (100 years, Object Lock's own maximum). */
export const LIFECYCLE_MAXIMUM_DAYS = OBJECT_LOCK_MAXIMUM_DAYS;

/** A role ARN pattern of one account under Identity Center's reserved path (permissionSetRoleArnPattern). */
const SSO_ROLE_PATTERN = /^arn:aws:iam::(\d{12}):role\/aws-reserved\/sso\.amazonaws\.com\/\*AWSReservedSSO_[\w+=,.@-]+_\*$/;

/** S3's longest bucket name. */
const S3_BUCKET_NAME_MAXIMUM = 63;

/**
 * The archive bucket name: lowercase letters, digits and hyphens (no dots: a dotted name breaks TLS
 * on virtual-hosted requests), starting and ending with a letter or digit, short enough that
 * `<name>-access-logs` is still a bucket name; not one of the prefixes and suffixes S3 reserves.
 */
const ARCHIVE_BUCKET_NAME = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
const RESERVED_BUCKET_NAME = /^(xn--|sthree-|amzn-s3-demo-)|(-s3alias|--ol-s3|--x-s3|--table-s3)$/;
const ACCESS_LOGS_SUFFIX_LENGTH = "-access-logs".length;
export const ARCHIVE_BUCKET_NAME_MAXIMUM = S3_BUCKET_NAME_MAXIMUM - ACCESS_LOGS_SUFFIX_LENGTH;

/**
 * A trail name (CloudTrail: 3-128 characters of letters, digits, `.`, `_`, `-`; starting and ending
 * with a letter or digit; no two of `.`, `_`, `-` in a row; not an IP address).
 */
const TRAIL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|[._-](?=[A-Za-z0-9])){1,126}[A-Za-z0-9]$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Refuses a component given neither a provider (`opts.provider`) nor a map of them
 * (`opts.providers`): `<component>: opts.provider: undefined is missing; expected <expected> …`.
 */
export function checkProviderGiven(
    component: string,
    opts: { readonly provider?: unknown; readonly providers?: unknown } | undefined,
    expected: string,
): void {
    if (opts?.providers === undefined) {
        validProvider(`${component}: opts.provider`, opts?.provider, expected);
    }
}

/** Refuses a deployment role that is also the break-glass role: the two are separate duties. */
export function refuseDeploymentAsBreakGlass(component: string, deploymentRoleName: string | undefined, breakGlassRoleName: string): void {
    if (deploymentRoleName === breakGlassRoleName) {
        throw new Error(
            `${component}: deploymentRoleName: ${show(deploymentRoleName)} is also breakGlassRoleName; expected a different role (break-glass is the emergency exception, the deployment role the routine one)`,
        );
    }
}

/** The archive bucket's name (see ARCHIVE_BUCKET_NAME), or a one-line error naming `parameter`. */
export function validArchiveBucketName(parameter: string, value: unknown): string {
    if (
        typeof value !== "string" ||
        value.length < 3 ||
        value.length > ARCHIVE_BUCKET_NAME_MAXIMUM ||
        !ARCHIVE_BUCKET_NAME.test(value) ||
        RESERVED_BUCKET_NAME.test(value)
    ) {
        fail(
            parameter,
            value,
            `an S3 bucket name of 3-${ARCHIVE_BUCKET_NAME_MAXIMUM} characters (a-z 0-9 -, starting and ending with a letter or digit, no dots, no prefix or suffix S3 reserves; ` +
                `at most ${ARCHIVE_BUCKET_NAME_MAXIMUM} so that "<name>-access-logs" fits S3's ${S3_BUCKET_NAME_MAXIMUM})`,
        );
    }
    return value;
}

/** A CloudTrail trail name, or a one-line error naming `parameter`. */
export function validTrailName(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !TRAIL_NAME.test(value) || IPV4.test(value)) {
        fail(
            parameter,
            value,
            "a CloudTrail trail name (3-128 characters of letters, digits, . _ -, starting and ending with a letter or digit, no two of . _ - in a row, not an IP address)",
        );
    }
    return value;
}

/** Role ARNs of one account: at least one, no repeats. */
export function validRoleArnsOf(parameter: string, value: unknown, accountId: string): readonly string[] {
    const arns = validNonEmptyList(parameter, value, `a non-empty list of IAM role ARNs of account ${accountId}`);
    arns.forEach((arn, index) => {
        const match = typeof arn === "string" ? ROLE_ARN.exec(arn) : null;
        if (match === null || match[1] !== accountId) {
            fail(
                `${parameter}[${index}]`,
                arn,
                `an IAM role ARN of account ${accountId} (arn:aws:iam::${accountId}:role/<name>, no wildcard)`,
            );
        }
    });
    return refuseRepeats(parameter, arns as string[]);
}

/**
 * Principals a bucket and key policy may name for readers: account roots or role ARNs, exact.
 * A wildcard would need Principal "*" with an aws:PrincipalArn pattern, which S3 judges public
 * and the public access block then refuses.
 */
export function validReaderArns(parameter: string, value: unknown): readonly string[] {
    const arns = validNonEmptyList(parameter, value, "a non-empty list of IAM principal ARNs (account roots or roles)");
    arns.forEach((arn, index) => {
        if (typeof arn !== "string" || !ROOT_OR_ROLE_ARN.test(arn)) {
            fail(
                `${parameter}[${index}]`,
                arn,
                "an account root (arn:aws:iam::<account>:root) or a role ARN (arn:aws:iam::<account>:role/<name>), without wildcards (a pattern would make the bucket policy public)",
            );
        }
    });
    return refuseRepeats(parameter, arns as string[]);
}

/** Identity Center role patterns (`…:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_<set>_*`) of one account, no repeats; may be empty. */
export function validAccountRolePatterns(parameter: string, value: unknown, accountId: string): readonly string[] {
    if (!Array.isArray(value)) {
        fail(parameter, value, "a list of Identity Center role ARN patterns");
    }
    value.forEach((pattern, index) => {
        const match = typeof pattern === "string" ? SSO_ROLE_PATTERN.exec(pattern) : null;
        if (match === null || match[1] !== accountId) {
            fail(
                `${parameter}[${index}]`,
                pattern,
                `an Identity Center role ARN pattern of account ${accountId} (arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_<permission set>_*)`,
            );
        }
    });
    return refuseRepeats(parameter, value as string[]);
}

/**
 * A log lifecycle: Standard-IA from day 30, the archive class at least 30 days later (S3's
 * minimum stays), expiry after the last transition; noncurrent versions default to 30 days.
 * Errors name `<component>: <parameter>.<field>`; the rules between fields name `<parameter>.<field>`.
 */
export function validLifecycle(
    component: string,
    parameter: string,
    value: Partial<LogArchiveLifecycle> | undefined,
): Required<LogArchiveLifecycle> {
    const named = (field: string): string => `${component}: ${parameter}.${field}`;
    const standardIaDays = validWholeNumber(
        named("standardIaDays"),
        value?.standardIaDays,
        STANDARD_IA_MINIMUM_DAYS,
        LIFECYCLE_MAXIMUM_DAYS,
    );
    const archiveDays = validWholeNumber(named("archiveDays"), value?.archiveDays, 1, LIFECYCLE_MAXIMUM_DAYS);
    if (archiveDays < standardIaDays + STANDARD_IA_MINIMUM_DAYS) {
        fail(
            named("archiveDays"),
            archiveDays,
            `at least ${parameter}.standardIaDays + 30 (${standardIaDays + STANDARD_IA_MINIMUM_DAYS}): S3 keeps an object 30 days in STANDARD_IA before the next transition`,
        );
    }
    const expirationDays = validWholeNumber(named("expirationDays"), value?.expirationDays, 1, LIFECYCLE_MAXIMUM_DAYS);
    if (expirationDays <= archiveDays) {
        fail(
            named("expirationDays"),
            expirationDays,
            `more than ${parameter}.archiveDays (${archiveDays}): logs expire after their last transition`,
        );
    }
    return {
        standardIaDays,
        archiveDays,
        archiveStorageClass: validChoice(named("archiveStorageClass"), value?.archiveStorageClass, ARCHIVE_STORAGE_CLASSES),
        expirationDays,
        noncurrentExpirationDays: validWholeNumber(
            named("noncurrentExpirationDays"),
            value?.noncurrentExpirationDays ?? DEFAULT_NONCURRENT_EXPIRATION_DAYS,
            1,
            LIFECYCLE_MAXIMUM_DAYS,
        ),
    };
}

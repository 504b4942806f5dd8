// The responder's settings, read from environment variables: the Lambda gets them from its
// configuration (components/response/automated-responder.ts sets them from these names), and
// `npm run respond` reads the same variables, so a dry run on a laptop plans what the Lambda would.

import { ROLE_NAME, SECURITY_GROUP_ID, SNS_TOPIC_ARN, VPC_ID } from "../validation/aws-identifiers";
import { GUARDDUTY_SEVERITY, GUARDDUTY_SEVERITY_EXPECTED, isGuardDutySeverity } from "../validation/guardduty-severity";
import { isTagKey, TAG_KEY_EXPECTED } from "../validation/tag-keys";
import { InputError, shown } from "./input-error";

/** Environment variables the responder reads. */
export const SETTINGS_ENV = {
    /** ARN of the SNS topic every outcome is published to (the Lambda only). */
    topicArn: "RESPONDER_TOPIC_ARN",
    /** JSON object: VPC id → id of that VPC's quarantine security group. */
    quarantineGroups: "RESPONDER_QUARANTINE_GROUPS",
    /** GuardDuty severity (1–10) from which the responder acts; below it, it only notifies. */
    severityThreshold: "RESPONDER_SEVERITY_THRESHOLD",
    /** Tag key that opts a resource out when its value is `off`. */
    optOutTagKey: "RESPONDER_OPT_OUT_TAG_KEY",
    /** JSON array of role names whose sessions are never revoked (the responder's own role). */
    exemptRoles: "RESPONDER_EXEMPT_ROLES",
    /** `true`: plan and log, act on nothing (the Lambda only; the CLI always plans only). */
    dryRun: "RESPONDER_DRY_RUN",
} as const;

/** The severity from which the responder acts unless configured otherwise (GuardDuty's High starts at 7.0). */
export const DEFAULT_SEVERITY_THRESHOLD = GUARDDUTY_SEVERITY.high;

/** The opt-out tag key unless configured otherwise: `zero-trust:responder = off` opts a resource out. */
export const DEFAULT_OPT_OUT_TAG_KEY = "zero-trust:responder";

/** What the planner decides with, besides the event. */
export interface PlannerSettings {
    readonly severityThreshold: number;
    readonly optOutTagKey: string;
    /** VPC id → quarantine security group id. */
    readonly quarantineSecurityGroups: Readonly<Record<string, string>>;
    readonly exemptRoleNames: readonly string[];
}

/** What the Lambda handler needs on top of the planner's settings. */
export interface HandlerSettings extends PlannerSettings {
    readonly topicArn: string;
    readonly dryRun: boolean;
}

type Environment = Readonly<Record<string, string | undefined>>;

function invalid(name: string, value: unknown, expected: string): InputError {
    return new InputError(`invalid responder setting ${name}=${shown(value)}: expected ${expected}`);
}

function parseJson(name: string, raw: string, expected: string): unknown {
    try {
        return JSON.parse(raw) as unknown;
    } catch {
        throw invalid(name, raw, expected);
    }
}

function severityThreshold(env: Environment): number {
    const name = SETTINGS_ENV.severityThreshold;
    const raw = env[name];
    if (raw === undefined || raw === "") {
        return DEFAULT_SEVERITY_THRESHOLD;
    }
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !isGuardDutySeverity(value)) {
        throw invalid(name, raw, GUARDDUTY_SEVERITY_EXPECTED);
    }
    return value;
}

function optOutTagKey(env: Environment): string {
    const name = SETTINGS_ENV.optOutTagKey;
    const raw = env[name];
    if (raw === undefined || raw === "") {
        return DEFAULT_OPT_OUT_TAG_KEY;
    }
    if (!isTagKey(raw)) {
        throw invalid(name, raw, TAG_KEY_EXPECTED);
    }
    return raw;
}

function quarantineSecurityGroups(env: Environment): Record<string, string> {
    const name = SETTINGS_ENV.quarantineGroups;
    const raw = env[name];
    if (raw === undefined || raw === "") {
        return {};
    }
    const expected = 'a JSON object of VPC ids to security group ids, e.g. {"vpc-0a1b2c3d":"sg-0a1b2c3d"}';
    const parsed = parseJson(name, raw, expected);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw invalid(name, raw, expected);
    }
    const entries = Object.entries(parsed as Record<string, unknown>);
    for (const [vpcId, groupId] of entries) {
        if (!VPC_ID.test(vpcId) || typeof groupId !== "string" || !SECURITY_GROUP_ID.test(groupId)) {
            throw invalid(`${name}[${JSON.stringify(vpcId)}]`, groupId, "a VPC id (vpc-…) mapped to a security group id (sg-…)");
        }
    }
    return Object.fromEntries(entries) as Record<string, string>;
}

function exemptRoleNames(env: Environment): string[] {
    const name = SETTINGS_ENV.exemptRoles;
    const raw = env[name];
    if (raw === undefined || raw === "") {
        return [];
    }
    const parsed = parseJson(name, raw, "a JSON array of IAM role names");
    if (!Array.isArray(parsed) || !parsed.every((role): role is string => typeof role === "string" && ROLE_NAME.test(role))) {
        throw invalid(name, raw, "a JSON array of IAM role names");
    }
    return parsed;
}

/** The planner's settings from environment variables; unset ones take their defaults. */
export function plannerSettingsFrom(env: Environment): PlannerSettings {
    return {
        severityThreshold: severityThreshold(env),
        optOutTagKey: optOutTagKey(env),
        quarantineSecurityGroups: quarantineSecurityGroups(env),
        exemptRoleNames: exemptRoleNames(env),
    };
}

/** The Lambda handler's settings: the planner's, the topic (required) and the dry-run switch. */
export function handlerSettingsFrom(env: Environment): HandlerSettings {
    const topicArn = env[SETTINGS_ENV.topicArn];
    if (topicArn === undefined || !SNS_TOPIC_ARN.test(topicArn)) {
        throw invalid(SETTINGS_ENV.topicArn, topicArn, "the ARN of an SNS topic of the aws partition");
    }
    const dryRun = env[SETTINGS_ENV.dryRun] ?? "false";
    if (dryRun !== "true" && dryRun !== "false") {
        throw invalid(SETTINGS_ENV.dryRun, dryRun, "true or false");
    }
    return { ...plannerSettingsFrom(env), topicArn, dryRun: dryRun === "true" };
}

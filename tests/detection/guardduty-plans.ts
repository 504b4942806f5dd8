// GuardDuty's protection plans as the detector and organisation tests look for them.
import { exactlyOne, type RecordingMocks, type Registration } from "../network/recording-mocks";

/** The six protection plans, written out here rather than imported, so a plan dropped from a component fails a test. */
export const ALL_FEATURES = [
    "S3_DATA_EVENTS",
    "EKS_AUDIT_LOGS",
    "EBS_MALWARE_PROTECTION",
    "RDS_LOGIN_EVENTS",
    "RUNTIME_MONITORING",
    "LAMBDA_NETWORK_LOGS",
] as const;

/** Runtime monitoring's agent management, configured along with it. */
export const AGENT_MANAGEMENT = ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"] as const;

/** The registration of a feature type (a detector's or the organisation's) declaring this plan (exactly one). */
export function planFeature(mocks: RecordingMocks, type: string, plan: string): Registration {
    return exactlyOne(
        mocks.ofType(type).filter((r) => r.inputs.name === plan),
        `${plan} ${type}`,
    );
}

/** Plan → one input over every registration of a feature type (a detector feature's `status`, an organisation feature's `autoEnable`). */
export const byPlan = (mocks: RecordingMocks, type: string, input: string): Record<string, unknown> =>
    Object.fromEntries(mocks.ofType(type).map((r): [string, unknown] => [String(r.inputs.name), r.inputs[input]]));

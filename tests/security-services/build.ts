import * as aws from "@pulumi/aws";
import { componentStackConfig, oncePerVariant, RecordingMocks } from "../network/recording-mocks";
import {
    DelegatedSecurityAdministration,
    type DelegatedSecurityAdministrationArgs,
} from "../../components/security-services/delegated-security-administration";

export const MANAGEMENT_ACCOUNT = "999999999999";
export const SECURITY_ACCOUNT = "222222222222";
export const REGION = "eu-west-1";

/** Resource type tokens the tests look for. */
export const T = {
    administration: "zero-trust:security-services:DelegatedSecurityAdministration",
    guardDuty: "zero-trust:security-services:GuardDutyOrganization",
    securityHub: "zero-trust:security-services:SecurityHubOrganization",
    accessAnalyzer: "zero-trust:security-services:AccessAnalyzerOrganization",
    detectorComponent: "zero-trust:detection:GuardDutyDetector",
    detector: "aws:guardduty/detector:Detector",
    detectorFeature: "aws:guardduty/detectorFeature:DetectorFeature",
    guardDutyAdmin: "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount",
    guardDutyOrganization: "aws:guardduty/organizationConfiguration:OrganizationConfiguration",
    guardDutyOrganizationFeature: "aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
    hub: "aws:securityhub/account:Account",
    hubAdmin: "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount",
    aggregator: "aws:securityhub/findingAggregator:FindingAggregator",
    hubOrganization: "aws:securityhub/organizationConfiguration:OrganizationConfiguration",
    member: "aws:securityhub/member:Member",
    delegatedAdministrator: "aws:organizations/delegatedAdministrator:DelegatedAdministrator",
    analyzer: "aws:accessanalyzer/analyzer:Analyzer",
} as const;

/** Arguments without the providers (a variant must be JSON for `oncePerVariant`). */
export type Variant = Partial<Omit<DelegatedSecurityAdministrationArgs, "securityAccountProvider">>;

export interface Built {
    mocks: RecordingMocks;
    component: DelegatedSecurityAdministration;
}

/** The two providers of the management stack: the management account's and the security account's. */
export function providers(): { management: aws.Provider; security: aws.Provider } {
    return {
        management: new aws.Provider("management", { region: REGION, allowedAccountIds: [MANAGEMENT_ACCOUNT] }),
        security: new aws.Provider("security", {
            region: REGION,
            allowedAccountIds: [SECURITY_ACCOUNT],
            assumeRoles: [{ roleArn: `arn:aws:iam::${SECURITY_ACCOUNT}:role/OrganizationAccountAccessRole` }],
        }),
    };
}

/** The component's arguments for a variant, with the security provider. */
export function argsFor(security: aws.Provider, variant: Variant = {}): DelegatedSecurityAdministrationArgs {
    return { securityAccountId: SECURITY_ACCOUNT, region: REGION, ...variant, securityAccountProvider: security };
}

/** One build per variant under a fresh recording monitor, shared by the tests that ask for it. */
export const build = oncePerVariant(async (variant: Variant = {}): Promise<Built> => {
    const mocks = RecordingMocks.install(componentStackConfig("management", REGION));
    const { management, security } = providers();
    const component = new DelegatedSecurityAdministration("security-services", argsFor(security, variant), { provider: management });
    return { mocks: await mocks.settled(), component };
});

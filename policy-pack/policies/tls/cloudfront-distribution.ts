// tls-cloudfront-distribution: viewers and custom origins of CloudFront speak TLS 1.2+.
//
//   viewer certificate   a custom certificate (ACM/IAM) with minimumProtocolVersion in the allow-list; the default
//                        *.cloudfront.net certificate forces TLSv1 and fails; unset minimumProtocolVersion means TLSv1
//   cache behaviours     viewerProtocolPolicy https-only or redirect-to-https on the default and every ordered behaviour
//   custom/VPC origins   originProtocolPolicy https-only and originSslProtocols only allowed protocols (TLSv1.2)
// S3 (non-website) origins follow the viewer's protocol, which the behaviours already force to HTTPS.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { Reading, UNKNOWN } from "../../readers/known";
import { CLOUDFRONT_TYPES, CloudFrontView, OriginView, readCloudFront } from "../../readers/tls/cloudfront";
import { ODD, show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { PCI_4_2_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";
import { RECOMMENDED_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION, TlsSettings, tlsSettings } from "./settings";

export const NAME = "tls-cloudfront-distribution";

const SECURE_VIEWER_POLICIES = new Set(["https-only", "redirect-to-https"]);

type Report = (message: string) => void;

function judgeViewerCertificate(view: CloudFrontView, settings: TlsSettings, report: Report, reading: Reading): void {
    const cert = view.viewerCertificate;
    if (cert === undefined) {
        return;
    }
    if (cert.present === UNKNOWN) {
        reading.markUndecided();
        return;
    }
    const fix = `Use an ACM certificate for the distribution's aliases with minimumProtocolVersion ${RECOMMENDED_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION} (or another allowed TLSv1.2_*/TLSv1.3_* policy).`;
    if (!cert.present) {
        report(`This distribution has no viewer certificate, so it uses the default CloudFront certificate, which allows TLSv1. ${fix}`);
        return;
    }
    if (cert.defaultCertificate === true) {
        report(
            `This distribution uses the default CloudFront certificate (cloudfrontDefaultCertificate: true), which forces minimum protocol TLSv1. ${fix}`,
        );
        return;
    }
    if (cert.defaultCertificate === UNKNOWN || cert.customCertificate === UNKNOWN) {
        reading.markUndecided();
    } else if (cert.customCertificate === false) {
        report(
            `This distribution's viewer certificate names neither an ACM nor an IAM certificate, so viewers get the default certificate (TLSv1). ${fix}`,
        );
        return;
    }
    const version = cert.minimumProtocolVersion;
    if (version === UNKNOWN) {
        reading.markUndecided();
    } else if (version === undefined) {
        report(`This distribution sets no viewer minimumProtocolVersion, so CloudFront accepts TLSv1. ${fix}`);
    } else if (version === ODD || !settings.allowedMinimumProtocolVersions.has(version)) {
        report(`This distribution's viewer minimumProtocolVersion ${show(version)} allows protocols older than TLS 1.2. ${fix}`);
    }
}

function judgeBehaviours(view: CloudFrontView, report: Report, reading: Reading): void {
    if (view.behavioursUnknown) {
        reading.markUndecided();
    }
    for (const behaviour of view.behaviours) {
        const policy = behaviour.viewerProtocolPolicy;
        if (policy === UNKNOWN) {
            reading.markUndecided();
        } else if (policy === undefined || policy === ODD || !SECURE_VIEWER_POLICIES.has(policy)) {
            report(
                `Cache behaviour ${behaviour.where} has viewerProtocolPolicy ${show(policy ?? "(unset)")}, so viewers can use plain HTTP. ` +
                    `Set it to "redirect-to-https" or "https-only".`,
            );
        }
    }
}

export function judgeOrigin(origin: OriginView, settings: TlsSettings, report: Report, reading: Reading): void {
    const allowed = [...settings.allowedOriginSslProtocols].join(", ") || "(none)";
    const policy = origin.originProtocolPolicy;
    if (policy === UNKNOWN) {
        reading.markUndecided();
    } else if (policy !== "https-only") {
        report(
            `Origin ${origin.where} has originProtocolPolicy ${show(policy ?? "(unset)")}, so CloudFront may reach it over plain HTTP. ` +
                `Set originProtocolPolicy to "https-only" with originSslProtocols [${allowed}].`,
        );
    }
    const protocols = origin.sslProtocols;
    if (protocols === UNKNOWN) {
        reading.markUndecided();
        return;
    }
    if (protocols === undefined || protocols.length === 0) {
        report(
            `Origin ${origin.where} sets no originSslProtocols, so the protocols CloudFront offers it are not shown to be TLS 1.2+. Set originSslProtocols to [${allowed}].`,
        );
        return;
    }
    const weak = protocols.filter((p) => p !== UNKNOWN && (typeof p !== "string" || !settings.allowedOriginSslProtocols.has(p)));
    if (weak.length > 0) {
        report(
            `Origin ${origin.where} allows ${weak.map((p) => show(p ?? "(empty)")).join(", ")} in originSslProtocols. Set originSslProtocols to [${allowed}] only.`,
        );
    } else if (protocols.some((p) => p === UNKNOWN)) {
        reading.markUndecided();
    }
}

export const cloudFrontDistribution: ResourceValidationPolicy = {
    name: NAME,
    displayName: "CloudFront uses TLS 1.2+ to viewers and origins",
    description:
        "CloudFront distributions (classic and aws-native) and VPC origins must serve viewers with a custom certificate and a " +
        "TLSv1.2_*/TLSv1.3_* security policy (not the default certificate, which forces TLSv1), never allow plain HTTP on any " +
        "cache behaviour, and reach custom origins over HTTPS with TLSv1.2 only.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: PCI_4_2_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("CloudFront.3"), TAG.securityHub("CloudFront.10"), "cloudfront"],
    remediationSteps:
        "Attach an ACM certificate (us-east-1) for the distribution's aliases with sslSupportMethod sni-only and " +
        `minimumProtocolVersion ${RECOMMENDED_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION} instead of the default CloudFront certificate; ` +
        "set viewerProtocolPolicy to redirect-to-https (or https-only) on the default and every ordered cache behaviour; " +
        'set custom and VPC origins to originProtocolPolicy https-only with originSslProtocols ["TLSv1.2"].',
    url: TLS_DOCS.cloudFront,
    configSchema: tlsSettings.schema("allowedMinimumProtocolVersions", "allowedOriginSslProtocols"),
    validateResource: guardResource(NAME, CLOUDFRONT_TYPES, (args, props, report, reading) => {
        const view = readCloudFront(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        if (view.whole === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        const settings = tlsSettings.from(args);
        judgeViewerCertificate(view, settings, report, reading);
        judgeBehaviours(view, report, reading);
        if (view.originsUnknown) {
            reading.markUndecided();
        }
        for (const origin of view.origins) {
            judgeOrigin(origin, settings, report, reading);
        }
    }),
};

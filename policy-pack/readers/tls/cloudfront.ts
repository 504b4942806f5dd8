// CloudFront distributions and VPC origins of both providers, as the TLS rule needs them.
//
//   aws:cloudfront/distribution:Distribution
//       { viewerCertificate: { cloudfrontDefaultCertificate?, acmCertificateArn?, iamCertificateId?, minimumProtocolVersion? },
//         defaultCacheBehavior: { viewerProtocolPolicy }, orderedCacheBehaviors[]: { pathPattern, viewerProtocolPolicy },
//         origins[]: { originId, customOriginConfig?: { originProtocolPolicy, originSslProtocols[] } } }
//   aws-native:cloudfront:Distribution
//       { distributionConfig: { viewerCertificate?: { cloudFrontDefaultCertificate?, acmCertificateArn?, iamCertificateId?,
//         minimumProtocolVersion? }, defaultCacheBehavior, cacheBehaviors[], origins[]: { id, customOriginConfig? },
//         customOrigin? (legacy: { originProtocolPolicy, originSslProtocols[] }) } }
//   aws:cloudfront/vpcOrigin:VpcOrigin
//       { vpcOriginEndpointConfig: { originProtocolPolicy, originSslProtocols: { items[], quantity } } }
//   aws-native:cloudfront:VpcOrigin
//       { vpcOriginEndpointConfig: { originProtocolPolicy?, originSslProtocols?[] } }
//
// Both spellings of the default-certificate flag and of the SSL protocol list are read on both
// providers, so a schema rename cannot slip past.

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { block, flag, Odd, ODD, pick, text } from "./values";

export const CLASSIC_DISTRIBUTION_TYPE = "aws:cloudfront/distribution:Distribution";
export const NATIVE_DISTRIBUTION_TYPE = "aws-native:cloudfront:Distribution";
export const CLASSIC_VPC_ORIGIN_TYPE = "aws:cloudfront/vpcOrigin:VpcOrigin";
export const NATIVE_VPC_ORIGIN_TYPE = "aws-native:cloudfront:VpcOrigin";
export const CLOUDFRONT_TYPES: ReadonlySet<string> = new Set([
    CLASSIC_DISTRIBUTION_TYPE,
    NATIVE_DISTRIBUTION_TYPE,
    CLASSIC_VPC_ORIGIN_TYPE,
    NATIVE_VPC_ORIGIN_TYPE,
]);

type Text = string | undefined | Unknown | Odd;

export interface ViewerCertificateView {
    /** UNKNOWN when the whole block is unknown; undefined when there is none (default certificate). */
    present: boolean | Unknown;
    defaultCertificate: boolean | undefined | Unknown | Odd;
    customCertificate: boolean | Unknown;
    minimumProtocolVersion: Text;
}

export interface BehaviourView {
    where: string;
    viewerProtocolPolicy: Text;
}

export interface OriginView {
    where: string;
    originProtocolPolicy: Text;
    /** Each listed protocol; UNKNOWN for the whole list; undefined when unset. */
    sslProtocols: Text[] | undefined | Unknown;
}

export interface CloudFrontView {
    /** UNKNOWN when distributionConfig itself is unknown (then nothing else was read). */
    whole: Unknown | undefined;
    viewerCertificate?: ViewerCertificateView;
    behaviours: BehaviourView[];
    /** True when a behaviour list was unknown as a whole. */
    behavioursUnknown: boolean;
    origins: OriginView[];
    originsUnknown: boolean;
}

function readProtocols(reading: Reading, holder: unknown): Text[] | undefined | Unknown {
    let value = pick(reading, holder, "originSslProtocols", "originSSLProtocols");
    if (value !== UNKNOWN && value !== undefined && !Array.isArray(value) && typeof value === "object") {
        // classic VPC origin: { items: [...], quantity }
        value = reading.get(value, "items");
    }
    if (value === undefined || value === null) {
        return undefined;
    }
    const items = reading.elements(value);
    return items === UNKNOWN ? UNKNOWN : items.map((item) => text(item));
}

export function readOriginConfig(reading: Reading, where: string, config: unknown): OriginView {
    return {
        where,
        originProtocolPolicy: lower(text(reading.get(config, "originProtocolPolicy"))),
        sslProtocols: readProtocols(reading, config),
    };
}

const lower = (value: Text): Text => (typeof value === "string" ? value.toLowerCase() : value);

function readBehaviour(reading: Reading, where: string, behaviour: unknown): BehaviourView {
    if (behaviour === UNKNOWN) {
        return { where, viewerProtocolPolicy: UNKNOWN };
    }
    if (behaviour === undefined) {
        return { where, viewerProtocolPolicy: undefined };
    }
    if (behaviour === null || typeof behaviour !== "object") {
        return { where, viewerProtocolPolicy: ODD };
    }
    return { where, viewerProtocolPolicy: lower(text(reading.get(behaviour, "viewerProtocolPolicy"))) };
}

function label(reading: Reading, item: unknown, key: string, fallback: string): string {
    const name = text(reading.get(item, key));
    return typeof name === "string" ? `${fallback} "${name}"` : fallback;
}

/** Reads a distribution (either provider) or a VPC origin; undefined for other types. */
export function readCloudFront(type: string, props: Props, reading: Reading): CloudFrontView | undefined {
    if (type === CLASSIC_VPC_ORIGIN_TYPE || type === NATIVE_VPC_ORIGIN_TYPE) {
        const config = block(reading, reading.get(props, "vpcOriginEndpointConfig"));
        if (config === UNKNOWN) {
            return { whole: UNKNOWN, behaviours: [], behavioursUnknown: false, origins: [], originsUnknown: false };
        }
        return {
            whole: undefined,
            behaviours: [],
            behavioursUnknown: false,
            origins: [readOriginConfig(reading, "vpcOriginEndpointConfig", config)],
            originsUnknown: false,
        };
    }
    let config: unknown;
    let behavioursKey: string;
    let originIdKey: string;
    if (type === CLASSIC_DISTRIBUTION_TYPE) {
        config = props;
        behavioursKey = "orderedCacheBehaviors";
        originIdKey = "originId";
    } else if (type === NATIVE_DISTRIBUTION_TYPE) {
        config = block(reading, reading.get(props, "distributionConfig"));
        behavioursKey = "cacheBehaviors";
        originIdKey = "id";
    } else {
        return undefined;
    }
    if (config === UNKNOWN) {
        return { whole: UNKNOWN, behaviours: [], behavioursUnknown: false, origins: [], originsUnknown: false };
    }

    const certificate = block(reading, reading.get(config, "viewerCertificate"));
    const viewerCertificate: ViewerCertificateView =
        certificate === UNKNOWN
            ? { present: UNKNOWN, defaultCertificate: UNKNOWN, customCertificate: UNKNOWN, minimumProtocolVersion: UNKNOWN }
            : (() => {
                  const acm = text(reading.get(certificate, "acmCertificateArn"));
                  const iam = text(reading.get(certificate, "iamCertificateId"));
                  const custom: boolean | Unknown =
                      typeof acm === "string" || typeof iam === "string" ? true : acm === UNKNOWN || iam === UNKNOWN ? UNKNOWN : false;
                  return {
                      present: certificate !== undefined,
                      defaultCertificate: flag(pick(reading, certificate, "cloudfrontDefaultCertificate", "cloudFrontDefaultCertificate")),
                      customCertificate: custom,
                      minimumProtocolVersion: text(reading.get(certificate, "minimumProtocolVersion")),
                  };
              })();

    const behaviours: BehaviourView[] = [
        readBehaviour(reading, "defaultCacheBehavior", block(reading, reading.get(config, "defaultCacheBehavior"))),
    ];
    const ordered = reading.list(config, behavioursKey);
    if (ordered !== UNKNOWN) {
        ordered.forEach((behaviour, i) =>
            behaviours.push(readBehaviour(reading, label(reading, behaviour, "pathPattern", `${behavioursKey}[${i}]`), behaviour)),
        );
    }

    const origins: OriginView[] = [];
    const list = reading.list(config, "origins");
    let originsUnknown = list === UNKNOWN;
    if (list !== UNKNOWN) {
        list.forEach((origin, i) => {
            const where = label(reading, origin, originIdKey, `origins[${i}]`);
            if (origin === UNKNOWN) {
                originsUnknown = true;
                return;
            }
            const custom = block(reading, reading.get(origin, "customOriginConfig"));
            if (custom === UNKNOWN) {
                origins.push({ where, originProtocolPolicy: UNKNOWN, sslProtocols: UNKNOWN });
            } else if (custom !== undefined) {
                origins.push(readOriginConfig(reading, `${where} customOriginConfig`, custom));
            }
        });
    }
    if (type === NATIVE_DISTRIBUTION_TYPE) {
        const legacy = block(reading, reading.get(config, "customOrigin"));
        if (legacy === UNKNOWN) {
            origins.push({ where: "customOrigin", originProtocolPolicy: UNKNOWN, sslProtocols: UNKNOWN });
        } else if (legacy !== undefined) {
            origins.push(readOriginConfig(reading, "customOrigin", legacy));
        }
    }
    return { whole: undefined, viewerCertificate, behaviours, behavioursUnknown: ordered === UNKNOWN, origins, originsUnknown };
}

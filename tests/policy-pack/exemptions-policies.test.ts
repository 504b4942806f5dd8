// Exemptions (by resource name or tag, each with a reason): every policy's
// config takes `exemptions`, guardResource does not report an exempt resource, guardStack drops
// violations on an exempt resource's URN, and the advisory exemptions-in-use lists each exemption
// that took effect with its reason. Calls go to the policies the way the SDK's server calls them,
// with one `stackTags` object per run (the SDK's per-configureStack object).

import Ajv from "ajv";
import { strict as assert } from "assert";
import type {
    Policy,
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
} from "../../policy-pack/node_modules/@pulumi/policy";
import { allPolicies } from "../../policy-pack/policies";
import { withExemption } from "../../policy-pack/policies/exemptions";
import {
    dependsOnVia,
    isUnknownValueError,
    PolicyResource,
    resource,
    resourcePolicy,
    stackPolicy,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const NATIVE_SG = "aws-native:ec2:SecurityGroup";
const NACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";
const sgPolicy = resourcePolicy("ingress-no-internet-security-group");
const naclPolicy = resourcePolicy("ingress-no-internet-nacl");
const prefixPolicy = resourcePolicy("ingress-no-internet-prefix-list");
const lbPolicy = stackPolicy("ingress-public-only-via-load-balancer");
const inUse = stackPolicy("exemptions-in-use");

const sshFromWorld = { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] };
const nativeSshFromWorld = { securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "0.0.0.0/0" }] };

type Config = Record<string, unknown>;
const urnOf = (type: string, name: string) => `urn:pulumi:test::zero-trust::${type}::${name}`;

/** One stack run: the SDK hands the same stackTags object to every call until configureStack. */
class Run {
    readonly stackTags = new Map<string, string>();

    /** A resource policy on one resource; the violation messages. */
    analyze(policy: Policy, type: string, name: string, props: unknown, config: Config = {}): string[] {
        const messages: string[] = [];
        const args = {
            type,
            name,
            props,
            urn: urnOf(type, name),
            opts: {},
            stackTags: this.stackTags,
            isType: () => false,
            asType: () => undefined,
            getConfig: () => config,
            notApplicable: () => {
                throw new Error("notApplicable");
            },
        } as unknown as ResourceValidationArgs;
        const validations = ([] as ResourceValidation[]).concat(
            (policy as { validateResource?: ResourceValidation | ResourceValidation[] }).validateResource ?? [],
        );
        for (const validate of validations) {
            const result = validate(args, (message: string) => messages.push(message));
            assert.ok(!(result instanceof Promise));
        }
        return messages;
    }

    /** A stack policy over resources; the violations (awaiting a policy that waits). */
    async stack(policy: Policy, resources: PolicyResource[], config: Config = {}): Promise<{ message: string; urn?: string }[]> {
        const found: { message: string; urn?: string }[] = [];
        const args = {
            resources,
            stackTags: this.stackTags,
            getConfig: () => config,
            notApplicable: () => undefined,
        } as unknown as StackValidationArgs;
        await (policy as unknown as { validateStack: (a: StackValidationArgs, r: ReportViolation) => unknown }).validateStack(
            args,
            (message, urn) => found.push({ message, urn }),
        );
        return found;
    }
}

const exempt = (...exemptions: unknown[]): Config => ({ exemptions });

describe("exemptions", () => {
    describe("the schema", () => {
        it("every policy of the pack accepts exemptions, defaulting to none", () => {
            for (const policy of allPolicies) {
                const property = policy.configSchema?.properties?.exemptions;
                assert.ok(property !== undefined, `${policy.name} has no exemptions in its config schema`);
                assert.equal(property.type, "array", policy.name);
                assert.deepEqual(property.default, [], policy.name);
            }
        });

        it("rejects an exemption without a reason or without a selector, as the engine's JSON-schema check does", () => {
            const schema = sgPolicy.configSchema;
            assert.ok(schema !== undefined);
            // ajv (draft-07) stands in for the CLI's validation of `pulumi policy enable --config`.
            const validate = new Ajv({ allErrors: true }).compile({
                type: "object",
                properties: schema.properties,
                required: schema.required ?? [],
            });
            const ok = (...exemptions: unknown[]) => validate({ exemptions }) as boolean;
            assert.ok(ok({ resourceName: "legacy-*", reason: "r" }));
            assert.ok(ok({ urn: "urn:pulumi:prod::p::aws:ec2/securityGroup:SecurityGroup::x", reason: "r" }));
            assert.ok(ok({ tag: { key: "owner" }, reason: "r" }, { tag: { key: "owner", value: "x" }, resourceName: "a", reason: "r" }));
            assert.ok(!ok({ resourceName: "legacy-*" }), "reason missing");
            assert.ok(!ok({ resourceName: "legacy-*", reason: "" }), "reason empty");
            assert.ok(!ok({ resourceName: "legacy-*", reason: "  " }), "reason blank");
            assert.ok(!ok({ reason: "no selector" }), "no selector");
            assert.ok(!ok({ tag: { value: "x" }, reason: "r" }), "tag without key");
            assert.ok(!ok({ resourceNme: "typo", reason: "r" }), "unknown key");
        });

        it("the wrapper adds the setting to a policy written without configSchema, and honours it", () => {
            const raw: ResourceValidationPolicy = {
                name: "tls-raw-example",
                description: "a policy written without the guard",
                enforcementLevel: "mandatory",
                validateResource: (args: ResourceValidationArgs, report: ReportViolation) => report(`bad ${args.name}`),
            };
            const wrapped = withExemption(raw);
            assert.ok(wrapped.configSchema?.properties.exemptions);
            const run = new Run();
            assert.deepEqual(run.analyze(wrapped, SG, "legacy-1", {}, exempt({ resourceName: "legacy-*", reason: "sunset Q3" })), []);
            assert.deepEqual(run.analyze(wrapped, SG, "web", {}, exempt({ resourceName: "legacy-*", reason: "sunset Q3" })), ["bad web"]);
        });
    });

    describe("resource policies", () => {
        it("exempts by exact resource name", () => {
            const run = new Run();
            const config = exempt({ resourceName: "bastion", reason: "break-glass host, tracked in SEC-42" });
            assert.deepEqual(run.analyze(sgPolicy, SG, "bastion", sshFromWorld, config), []);
            assert.equal(run.analyze(sgPolicy, SG, "bastion-2", sshFromWorld, config).length, 1);
        });

        it("exempts by glob (* and ?), anchored at both ends", () => {
            const run = new Run();
            const config = exempt(
                { resourceName: "legacy-*", reason: "pre-zero-trust VPC, retired in Q3" },
                { resourceName: "lab-?", reason: "lab" },
            );
            assert.deepEqual(run.analyze(sgPolicy, SG, "legacy-web", sshFromWorld, config), []);
            assert.deepEqual(run.analyze(sgPolicy, SG, "legacy-", sshFromWorld, config), []);
            assert.deepEqual(run.analyze(sgPolicy, SG, "lab-1", sshFromWorld, config), []);
            assert.equal(run.analyze(sgPolicy, SG, "lab-12", sshFromWorld, config).length, 1);
            assert.equal(run.analyze(sgPolicy, SG, "new-legacy-web", sshFromWorld, config).length, 1);
            // Regex characters in a glob are literal.
            const dotted = exempt({ resourceName: "a.b", reason: "r" });
            assert.equal(run.analyze(sgPolicy, SG, "axb", sshFromWorld, dotted).length, 1);
            assert.deepEqual(run.analyze(sgPolicy, SG, "a.b", sshFromWorld, dotted), []);
        });

        it("exempts by exact URN", () => {
            const run = new Run();
            const config = exempt({ urn: urnOf(SG, "bastion"), reason: "break-glass" });
            assert.deepEqual(run.analyze(sgPolicy, SG, "bastion", sshFromWorld, config), []);
            assert.equal(run.analyze(sgPolicy, NATIVE_SG, "bastion", nativeSshFromWorld, config).length, 1, "same name, other URN");
        });

        it("exempts by tag key, on classic maps and aws-native tag lists", () => {
            const run = new Run();
            const config = exempt({ tag: { key: "guardrails:exempt" }, reason: "approved by security, RISK-7" });
            assert.deepEqual(run.analyze(sgPolicy, SG, "a", { ...sshFromWorld, tags: { "guardrails:exempt": "yes" } }, config), []);
            assert.deepEqual(
                run.analyze(sgPolicy, NATIVE_SG, "b", { ...nativeSshFromWorld, tags: [{ key: "guardrails:exempt", value: "" }] }, config),
                [],
            );
            assert.equal(run.analyze(sgPolicy, SG, "c", { ...sshFromWorld, tags: { other: "x" } }, config).length, 1);
            assert.equal(run.analyze(sgPolicy, SG, "d", sshFromWorld, config).length, 1, "no tags at all");
        });

        it("exempts by tag key and value, and only that value", () => {
            const run = new Run();
            const config = exempt({ tag: { key: "owner", value: "legacy-team" }, reason: "migrating, see ticket NET-9" });
            assert.deepEqual(run.analyze(sgPolicy, SG, "a", { ...sshFromWorld, tags: { owner: "legacy-team" } }, config), []);
            assert.deepEqual(
                run.analyze(sgPolicy, NATIVE_SG, "b", { ...nativeSshFromWorld, tags: [{ key: "owner", value: "legacy-team" }] }, config),
                [],
            );
            assert.equal(run.analyze(sgPolicy, SG, "c", { ...sshFromWorld, tags: { owner: "platform" } }, config).length, 1);
        });

        it("requires every selector of one entry to match", () => {
            const run = new Run();
            const config = exempt({ resourceName: "legacy-*", tag: { key: "owner", value: "legacy-team" }, reason: "both" });
            assert.equal(run.analyze(sgPolicy, SG, "legacy-a", sshFromWorld, config).length, 1);
            assert.deepEqual(run.analyze(sgPolicy, SG, "legacy-a", { ...sshFromWorld, tags: { owner: "legacy-team" } }, config), []);
        });

        it("does not exempt without a reason (the schema rejects it, and the pack ignores the entry)", () => {
            const run = new Run();
            for (const entry of [
                { resourceName: "bastion" },
                { resourceName: "bastion", reason: "" },
                { resourceName: "bastion", reason: "   " },
                { resourceName: "bastion", reason: 7 },
                { reason: "no selector" },
            ]) {
                assert.equal(run.analyze(sgPolicy, SG, "bastion", sshFromWorld, exempt(entry)).length, 1, JSON.stringify(entry));
            }
        });

        it("does not exempt when the tag is unknown during preview, and reports the known violation", () => {
            const run = new Run();
            const config = exempt({ tag: { key: "owner", value: "legacy-team" }, reason: "r" });
            assert.equal(run.analyze(sgPolicy, SG, "a", unknownCheckingProxy({ ...sshFromWorld, tags: UNKNOWN_OBJECT }), config).length, 1);
            assert.equal(
                run.analyze(sgPolicy, SG, "b", unknownCheckingProxy({ ...sshFromWorld, tags: { owner: UNKNOWN_STRING } }), config).length,
                1,
            );
            assert.equal(
                run.analyze(
                    sgPolicy,
                    NATIVE_SG,
                    "c",
                    unknownCheckingProxy({ ...nativeSshFromWorld, tags: [{ key: UNKNOWN_STRING, value: "legacy-team" }] }),
                    config,
                ).length,
                1,
            );
        });

        it("reads tags only when a tag exemption needs them (no preview advisory from unknown tags)", () => {
            const run = new Run();
            const props = unknownCheckingProxy({ ...sshFromWorld, tags: UNKNOWN_OBJECT });
            assert.deepEqual(run.analyze(sgPolicy, SG, "legacy-a", props, exempt({ resourceName: "legacy-*", reason: "r" })), []);
            assert.equal(run.analyze(sgPolicy, SG, "web", props, exempt({ resourceName: "legacy-*", reason: "r" })).length, 1);
        });

        it("an exempt resource whose verdict is unknown gets no can't-run advisory; others still do", () => {
            const run = new Run();
            const props = unknownCheckingProxy({
                ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [UNKNOWN_STRING] }],
            });
            const config = exempt({ resourceName: "legacy-*", reason: "r" });
            assert.deepEqual(run.analyze(sgPolicy, SG, "legacy-db", props, config), []);
            assert.throws(() => run.analyze(sgPolicy, SG, "db", props, config), isUnknownValueError);
        });

        it("every ingress resource policy honours exemptions", () => {
            const run = new Run();
            const config = exempt({ resourceName: "legacy-*", reason: "r" });
            const naclOpen = { ruleAction: "allow", egress: false, protocol: "-1", cidrBlock: "0.0.0.0/0", ruleNumber: 100 };
            assert.equal(run.analyze(naclPolicy, NACL_RULE, "rule", naclOpen, config).length, 1);
            assert.deepEqual(run.analyze(naclPolicy, NACL_RULE, "legacy-rule", naclOpen, config), []);
            const PL = "aws:ec2/managedPrefixList:ManagedPrefixList";
            const world = { addressFamily: "IPv4", maxEntries: 1, entries: [{ cidr: "0.0.0.0/0" }] };
            assert.equal(run.analyze(prefixPolicy, PL, "pl", world, config).length, 1);
            assert.deepEqual(run.analyze(prefixPolicy, PL, "legacy-pl", world, config), []);
        });

        it("an exemption of one policy does not exempt the resource from another", () => {
            const run = new Run();
            const sgConfig = exempt({ resourceName: "legacy-*", reason: "r" });
            const naclOpen = { ruleAction: "allow", egress: false, protocol: "-1", cidrBlock: "0.0.0.0/0", ruleNumber: 100 };
            assert.deepEqual(run.analyze(sgPolicy, SG, "legacy-a", sshFromWorld, sgConfig), []);
            assert.equal(run.analyze(naclPolicy, NACL_RULE, "legacy-a", naclOpen, {}).length, 1);
        });
    });

    describe("stack policies", () => {
        const world443 = { vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] };

        it("drop violations reported for an exempt resource's URN, and keep the others", async () => {
            const run = new Run();
            const legacy = resource(SG, "legacy-web-sg", world443);
            const other = resource(SG, "web-sg", world443);
            const instance = dependsOnVia(resource("aws:ec2/instance:Instance", "web", {}), "vpcSecurityGroupIds", legacy, other);
            const config = exempt({ resourceName: "legacy-*", reason: "instance-facing 443 until the ALB lands (NET-12)" });
            const before = await new Run().stack(lbPolicy, [legacy, other, instance]);
            assert.deepEqual(before.map((v) => v.urn).sort(), [legacy.urn, other.urn].sort());
            const after = await run.stack(lbPolicy, [legacy, other, instance], config);
            assert.deepEqual(
                after.map((v) => v.urn),
                [other.urn],
            );
        });

        it("match tags of the stack resource", async () => {
            const run = new Run();
            const tagged = resource(SG, "web-sg", { ...world443, tags: { exempt: "true" } });
            assert.deepEqual(await run.stack(lbPolicy, [tagged], exempt({ tag: { key: "exempt", value: "true" }, reason: "r" })), []);
            assert.equal((await run.stack(lbPolicy, [tagged], exempt({ tag: { key: "exempt", value: "false" }, reason: "r" }))).length, 1);
        });
    });

    describe("exemptions-in-use (advisory)", () => {
        it("is advisory, low severity, and the last policy of the pack", () => {
            assert.equal(inUse.enforcementLevel, "advisory");
            assert.equal(inUse.severity, "low");
            assert.equal(allPolicies[allPolicies.length - 1].name, "exemptions-in-use");
        });

        it("lists each exemption that took effect, once, with policy, resource and reason", async () => {
            const run = new Run();
            const config = exempt(
                { resourceName: "legacy-*", reason: "pre-zero-trust VPC, retired in Q3" },
                { tag: { key: "owner", value: "lab" }, reason: "isolated lab account" },
                { resourceName: "unused-*", reason: "never matches" },
            );
            const a = resource(SG, "legacy-a", sshFromWorld);
            const b = resource(SG, "b", { ...sshFromWorld, tags: { owner: "lab" } });
            const c = resource(SG, "legacy-clean", { ingress: [] });
            const d = resource(SG, "d", sshFromWorld);
            for (const r of [a, b, c, d, a]) {
                run.analyze(sgPolicy, r.type, r.name, r.props, config);
            }
            const found = await run.stack(inUse, [a, b, c, d]);
            assert.equal(found.length, 2);
            assert.equal(found[0].urn, a.urn);
            assert.match(
                found[0].message,
                /^ingress-no-internet-security-group does not report aws:ec2\/securityGroup:SecurityGroup "legacy-a"/,
            );
            assert.match(found[0].message, /exemptions\[0\] \(resourceName "legacy-\*"\)/);
            assert.match(found[0].message, /Reason: pre-zero-trust VPC, retired in Q3$/);
            assert.equal(found[1].urn, b.urn);
            assert.match(found[1].message, /tag "owner=lab"\)\. Reason: isolated lab account$/);
        });

        it("lists exemptions applied by stack policies in the same analyzeStack", async () => {
            const run = new Run();
            const sg = resource(SG, "legacy-web-sg", {
                vpcId: "v",
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
            });
            assert.deepEqual(await run.stack(lbPolicy, [sg], exempt({ urn: sg.urn, reason: "no ALB yet (NET-12)" })), []);
            const found = await run.stack(inUse, [sg]);
            assert.equal(found.length, 1);
            assert.match(
                found[0].message,
                /^ingress-public-only-via-load-balancer does not report .*urn ".*legacy-web-sg"\)\. Reason: no ALB yet \(NET-12\)$/,
            );
        });

        it("starts afresh for every stack run (configureStack replaces stackTags) and ignores URNs not in the stack", async () => {
            const run = new Run();
            const a = resource(SG, "legacy-a", sshFromWorld);
            run.analyze(sgPolicy, SG, "legacy-a", sshFromWorld, exempt({ resourceName: "legacy-*", reason: "r" }));
            assert.equal((await run.stack(inUse, [a])).length, 1);
            assert.deepEqual(await run.stack(inUse, [resource(SG, "other", {})]), []);
            assert.deepEqual(await new Run().stack(inUse, [a]), []);
        });
    });
});

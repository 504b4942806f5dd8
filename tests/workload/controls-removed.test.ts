import * as assert from "assert";
import * as path from "path";
import { PolicyAnalyzer } from "../../offline-preview/policy-analyzer";
import type { PolicyResult } from "../../offline-preview/policy-results";
import type { RecordedResource, WireObject } from "../../offline-preview/recorded-resource";
import { runStack } from "../stacks/stack-harness";

// Each control of the workload tier, removed from staging's real plan one at a time, is caught by
// the policy pack started as the engine starts it (the offline preview's Analyzer client): the
// plan as built passes, and each mutation leaves a mandatory violation of the named policy on the
// resource that lost the control.

const packDir = path.join(__dirname, "../../policy-pack");

/** One control taken away: the resource it lived on, how, and the policy that must catch it. */
interface Removal {
    readonly control: string;
    readonly resource: string;
    /** The resource's new inputs, or undefined to take the resource out of the plan. */
    readonly mutate: (inputs: WireObject) => WireObject | undefined;
    readonly policy: string;
    /** The resource the violation is reported on, when not `resource` (stack policies report where they judge). */
    readonly reportedOn?: string;
}

const REMOVALS: readonly Removal[] = [
    {
        control: "the internal listener speaks HTTPS with a TLS 1.2+ policy",
        resource: "staging-orders-internal-https",
        mutate: ({ sslPolicy: _sslPolicy, certificateArn: _certificateArn, ...inputs }) => ({ ...inputs, protocol: "HTTP" }),
        policy: "tls-load-balancer-listener",
    },
    {
        control: "the internal listener verifies client certificates",
        resource: "staging-orders-internal-https",
        mutate: ({ mutualAuthentication: _mutualAuthentication, ...inputs }) => inputs,
        policy: "tls-internal-listener-client-certificates",
    },
    {
        // The legacy application's listener asks for no client certificate: only the gateway's VPC link may reach it.
        control: "the legacy listener is reached through the gateway's VPC link",
        resource: "staging-timesheets-gateway-integration",
        mutate: ({ connectionId: _connectionId, ...inputs }) => ({ ...inputs, connectionType: "INTERNET" }),
        policy: "tls-internal-listener-client-certificates",
        reportedOn: "staging-timesheets-internal-https",
    },
    {
        control: "the database's parameter group forces TLS",
        resource: "staging-orders-database-tls",
        mutate: (inputs) => ({
            ...inputs,
            parameters: ((inputs.parameters as WireObject[]) ?? []).map((p) => (p.name === "rds.force_ssl" ? { ...p, value: "0" } : p)),
        }),
        policy: "tls-database-parameter-group",
    },
    {
        control: "the database's storage is encrypted",
        resource: "staging-orders-database-cluster",
        mutate: ({ kmsKeyId: _kmsKeyId, ...inputs }) => ({ ...inputs, storageEncrypted: false }),
        policy: "encryption-at-rest-customer-managed-key",
    },
    {
        control: "the legacy gateway's route requires a JWT",
        resource: "staging-timesheets-gateway-route-proxy",
        mutate: ({ authorizerId: _authorizerId, authorizationScopes: _scopes, ...inputs }) => ({ ...inputs, authorizationType: "NONE" }),
        policy: "ingress-api-gateway-route-authorization",
    },
    {
        control: "the service's tasks have no public IP",
        resource: "staging-orders-service-service",
        mutate: (inputs) => ({ ...inputs, networkConfiguration: { ...(inputs.networkConfiguration as WireObject), assignPublicIp: true } }),
        policy: "ingress-ecs-service-public-ip",
    },
    {
        control: "the container's root file system is read-only",
        resource: "staging-orders-service-task",
        mutate: (inputs) => ({
            ...inputs,
            containerDefinitions: JSON.stringify(
                (JSON.parse(inputs.containerDefinitions as string) as WireObject[]).map((c) => ({ ...c, readonlyRootFilesystem: false })),
            ),
        }),
        policy: "workload-ecs-read-only-root-filesystem",
    },
    {
        control: "the secret rotates",
        resource: "staging-orders-secrets-payment-provider-token-rotation",
        mutate: () => undefined,
        policy: "encryption-secret-rotation",
        reportedOn: "staging-orders-secrets-payment-provider-token",
    },
];

/** The recorded plan with one resource's inputs (and the state the pack reads with them) replaced. */
function withRemoval(recorded: readonly RecordedResource[], removal: Removal): RecordedResource[] {
    const matches = recorded.filter((r) => r.name === removal.resource);
    assert.strictEqual(matches.length, 1, `one resource named ${removal.resource}`);
    return recorded.flatMap((r) => {
        if (r.name !== removal.resource) {
            return [r];
        }
        const inputs = removal.mutate(r.inputs);
        if (inputs === undefined) {
            return [];
        }
        // An input the mutation took away is gone from the state as well.
        const outputs = Object.fromEntries(Object.entries(r.outputs).filter(([key]) => key in inputs || !(key in r.inputs)));
        return [{ ...r, inputs, outputs: { ...outputs, ...inputs } }];
    });
}

const mandatory = (results: readonly PolicyResult[]) => results.filter((r) => r.enforcementLevel === "mandatory");

describe("removing a workload control from staging's plan", function () {
    this.timeout(300_000);
    let analyzer: PolicyAnalyzer | undefined;
    let recorded: readonly RecordedResource[];
    before(async () => {
        const run = await runStack("staging");
        assert.strictEqual(run.error, undefined, String(run.error));
        recorded = run.mocks.recorded;
        analyzer = await PolicyAnalyzer.start(packDir);
        await analyzer.configure({ project: "zero-trust-aws", stack: "staging", config: {}, secretKeys: [] }, true, {});
    });
    after(() => analyzer?.stop());

    it("leaves nothing to catch while every control is in place", async () => {
        assert.deepStrictEqual(
            mandatory(await analyzer!.analyzeAll(recorded)).map((r) => `${r.policyName} ${r.urn}`),
            [],
        );
    });

    for (const removal of REMOVALS) {
        it(`is caught by ${removal.policy} when ${removal.control} no more`, async () => {
            const results = mandatory(await analyzer!.analyzeAll(withRemoval(recorded, removal)));
            const reportedOn = removal.reportedOn ?? removal.resource;
            assert.ok(
                results.some((r) => r.policyName === removal.policy && r.urn.endsWith(`::${reportedOn}`)),
                `${removal.policy} on ${reportedOn}; got ${results.map((r) => `${r.policyName} ${r.urn}`).join(", ") || "nothing"}`,
            );
        });
    }
});

import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { UsageError } from "./errors";
import { checkPolicyConfig, type PolicyPackConfig } from "./policy-config";
import { enforcementLevels, severities, type PolicyResult } from "./policy-results";
import {
    AnalyzerClient,
    analyzerProto as analyzerpb,
    announcedPort,
    callAnalyzer,
    policyPackRunner,
    policyPackRunnerArgs,
    type AnalyzerMethod,
} from "./pulumi-sdk-internals";
import { providerOf, type RecordedResource } from "./recorded-resource";
import type { StackConfig } from "./stack-config";

export interface PackInfo {
    name: string;
    version: string;
    policies: number;
}

/** How long the pack may take to start serving before the run gives up on it. */
const startTimeoutMs = 60_000;

/**
 * A policy pack started the way the Pulumi engine starts it (`run-policy-pack` from the pack's
 * own `@pulumi/pulumi`, working directory = the pack) and spoken to over the Analyzer gRPC
 * service. Nothing here calls a policy function directly.
 */
export class PolicyAnalyzer {
    /** Whether some policy runs at the `remediate` level, so resources go to `remediate` first. */
    private remediating = false;

    private constructor(
        private readonly child: ChildProcess,
        private readonly client: AnalyzerClient,
        private readonly stderr: () => string,
    ) {}

    /** Launches the pack and waits until it serves; aborting `signal` kills it at any point. */
    static async start(packDir: string, signal?: AbortSignal): Promise<PolicyAnalyzer> {
        const runner = policyPackRunner(packDir);
        if (!fs.existsSync(runner)) {
            throw new UsageError(
                `--policy-pack=${packDir}: expected a policy pack with its dependencies installed (run \`npm ci\`; ${path.relative(process.cwd(), runner)} is missing)`,
            );
        }
        const child = spawn(process.execPath, policyPackRunnerArgs(packDir), { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
        signal?.addEventListener("abort", () => child.kill(), { once: true });
        let stderr = "";
        child.stderr?.on("data", (chunk: Buffer) => {
            stderr += chunk.toString();
        });
        const port = await new Promise<number>((resolve, reject) => {
            let stdout = "";
            const timer = setTimeout(
                () => reject(new Error(`policy pack ${packDir} did not start within ${startTimeoutMs / 1000}s`)),
                startTimeoutMs,
            );
            child.stdout?.on("data", (chunk: Buffer) => {
                stdout += chunk.toString();
                const announced = announcedPort(stdout);
                if (announced !== undefined) {
                    clearTimeout(timer);
                    resolve(announced);
                }
            });
            child.on("exit", (code) => {
                clearTimeout(timer);
                reject(new Error(`policy pack ${packDir} exited with code ${code} before serving:\n${stderr.trim()}`));
            });
        });
        child.stdout?.resume();
        const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        return new PolicyAnalyzer(child, client, () => stderr);
    }

    async info(): Promise<PackInfo> {
        const info = await this.call<Empty, analyzerpb.AnalyzerInfo>("getAnalyzerInfo", new Empty());
        return { name: info.getName(), version: info.getVersion(), policies: info.getPoliciesList().length };
    }

    /**
     * Tells the pack about the stack and applies policy config, as the engine does before analysis:
     * the config is first checked against the schemas the pack serves (a refusal begins with
     * `source`, the option it came from).
     */
    async configure(
        stackConfig: StackConfig,
        dryRun: boolean,
        policyConfig: PolicyPackConfig = {},
        source = "policy config",
    ): Promise<void> {
        const info = await this.call<Empty, analyzerpb.AnalyzerInfo>("getAnalyzerInfo", new Empty());
        checkPolicyConfig(
            source,
            policyConfig,
            info.getPoliciesList().map((p) => ({
                name: p.getName(),
                configSchema: {
                    properties: p.getConfigschema()?.getProperties()?.toJavaScript(),
                    required: p.getConfigschema()?.getRequiredList(),
                },
            })),
        );
        const stackReq = new analyzerpb.AnalyzerStackConfigureRequest();
        stackReq.setStack(stackConfig.stack);
        stackReq.setProject(stackConfig.project);
        stackReq.setDryRun(dryRun);
        for (const [k, v] of Object.entries(stackConfig.config)) {
            stackReq.getConfigMap().set(k, v);
        }
        stackReq.setConfigSecretKeysList(stackConfig.secretKeys);
        await this.call("configureStack", stackReq);

        const req = new analyzerpb.ConfigureAnalyzerRequest();
        for (const [policy, value] of Object.entries(policyConfig)) {
            const { enforcementLevel = "mandatory", ...properties } = typeof value === "string" ? { enforcementLevel: value } : value;
            const config = new analyzerpb.PolicyConfig();
            config.setEnforcementlevel(enforcementLevels.indexOf(enforcementLevel as PolicyResult["enforcementLevel"]));
            config.setProperties(Struct.fromJavaScript(properties as Record<string, never>));
            req.getPolicyconfigMap().set(policy, config);
        }
        await this.call("configure", req);
        this.remediating = info.getPoliciesList().some((p) => {
            const configured = policyConfig[p.getName()];
            const level = typeof configured === "string" ? configured : configured?.enforcementLevel;
            return (level ?? enforcementLevels[p.getEnforcementlevel()]) === "remediate";
        });
    }

    /**
     * `remediate` for one resource, as the engine calls it before `analyze` when a policy runs at
     * the `remediate` level: the remediated properties replace the resource's inputs (that is what
     * would be deployed), and each remediation is reported at the `remediate` level.
     */
    async remediate(r: RecordedResource, provider: RecordedResource | undefined): Promise<PolicyResult[]> {
        const response = await this.call<analyzerpb.AnalyzeRequest, analyzerpb.RemediateResponse>("remediate", analyzeRequest(r, provider));
        const remediations = response.getRemediationsList();
        const remediated = remediations
            .map((x) => x.getProperties())
            .filter((x) => x !== undefined)
            .pop();
        if (remediated !== undefined) {
            r.inputs = remediated.toJavaScript();
            r.outputs = r.custom ? { ...r.outputs, ...r.inputs } : r.outputs;
        }
        return remediations.map((x) => ({
            policyPackName: x.getPolicypackname(),
            policyPackVersion: x.getPolicypackversion(),
            policyName: x.getPolicyname(),
            description: x.getDescription(),
            message: x.getDiagnostic() || `remediated: ${x.getDescription()}`,
            enforcementLevel: "remediate",
            severity: "unspecified",
            urn: r.urn,
        }));
    }

    /** `analyze` for one resource with its inputs; `provider` is the resource's provider. */
    async analyze(r: RecordedResource, provider: RecordedResource | undefined): Promise<PolicyResult[]> {
        const response = await this.call<analyzerpb.AnalyzeRequest, analyzerpb.AnalyzeResponse>("analyze", analyzeRequest(r, provider));
        // The engine attributes a resource policy's diagnostics to the resource analysed.
        return diagnostics(response).map((d) => ({ ...d, urn: d.urn || r.urn }));
    }

    /**
     * For resources already recorded (a plan, the benchmark), in the engine's order: each resource
     * through `analyzeResource`, all in flight at once, then `analyzeStack` once.
     */
    async analyzeAll(resources: readonly RecordedResource[]): Promise<PolicyResult[]> {
        const byUrn = new Map(resources.map((r) => [r.urn, r]));
        const resourceResults = (await Promise.all(resources.map((r) => this.analyzeResource(r, providerOf(r, byUrn))))).flat();
        return [...resourceResults, ...(await this.analyzeStack(resources))];
    }

    /**
     * What the engine does for one resource as it registers: `remediate` when a policy runs at the
     * `remediate` level (its result replaces the inputs), then `analyze`.
     */
    async analyzeResource(r: RecordedResource, provider: RecordedResource | undefined): Promise<PolicyResult[]> {
        const remediations = this.remediating ? await this.remediate(r, provider) : [];
        return [...remediations, ...(await this.analyze(r, provider))];
    }

    /** `analyzeStack` once with every resource, its parent and its (property) dependencies. */
    async analyzeStack(resources: readonly RecordedResource[]): Promise<PolicyResult[]> {
        const byUrn = new Map(resources.map((r) => [r.urn, r]));
        const req = new analyzerpb.AnalyzeStackRequest();
        req.setResourcesList(resources.map((r) => analyzerResource(r, providerOf(r, byUrn))));
        return diagnostics(await this.call<analyzerpb.AnalyzeStackRequest, analyzerpb.AnalyzeResponse>("analyzeStack", req));
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }

    private async call<Req, Res>(method: AnalyzerMethod, request: Req): Promise<Res> {
        try {
            return await callAnalyzer<Req, Res>(this.client, method, request);
        } catch (err) {
            const { details, message } = err as grpc.ServiceError;
            const logs = this.stderr().trim();
            throw new Error(`policy pack ${method} failed: ${details || message}${logs ? `\n${logs}` : ""}`);
        }
    }
}

function analyzeRequest(r: RecordedResource, provider: RecordedResource | undefined): analyzerpb.AnalyzeRequest {
    const req = new analyzerpb.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(Struct.fromJavaScript(r.inputs));
    req.setOptions(resourceOptions(r));
    if (provider) {
        req.setProvider(providerResource(provider));
    }
    return req;
}

/** What `analyzeStack` gets per resource: its state after the step, parent and dependencies. */
function analyzerResource(r: RecordedResource, provider: RecordedResource | undefined): analyzerpb.AnalyzerResource {
    const res = new analyzerpb.AnalyzerResource();
    res.setType(r.type);
    res.setName(r.name);
    res.setUrn(r.urn);
    res.setProperties(Struct.fromJavaScript(r.custom ? r.outputs : r.inputs));
    res.setOptions(resourceOptions(r));
    if (provider) {
        res.setProvider(providerResource(provider));
    }
    res.setParent(r.parent);
    res.setDependenciesList(r.dependencies);
    for (const [prop, urns] of Object.entries(r.propertyDependencies)) {
        const deps = new analyzerpb.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        res.getPropertydependenciesMap().set(prop, deps);
    }
    return res;
}

function resourceOptions(r: RecordedResource): analyzerpb.AnalyzerResourceOptions {
    const o = new analyzerpb.AnalyzerResourceOptions();
    o.setProtect(r.options.protect);
    o.setIgnorechangesList(r.options.ignoreChanges);
    o.setAdditionalsecretoutputsList(r.options.additionalSecretOutputs);
    o.setAliasesList(r.options.aliases);
    o.setParent(r.parent);
    if (r.options.deleteBeforeReplace !== undefined) {
        o.setDeletebeforereplace(r.options.deleteBeforeReplace);
        o.setDeletebeforereplacedefined(true);
    }
    return o;
}

function providerResource(provider: RecordedResource): analyzerpb.AnalyzerProviderResource {
    const p = new analyzerpb.AnalyzerProviderResource();
    p.setType(provider.type);
    p.setName(provider.name);
    p.setUrn(provider.urn);
    p.setProperties(Struct.fromJavaScript(provider.inputs));
    return p;
}

function diagnostics(response: analyzerpb.AnalyzeResponse): PolicyResult[] {
    return response.getDiagnosticsList().map((d) => ({
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        policyName: d.getPolicyname(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: enforcementLevels[d.getEnforcementlevel()] ?? "advisory",
        severity: severities[d.getSeverity()] ?? "unspecified",
        urn: d.getUrn(),
    }));
}

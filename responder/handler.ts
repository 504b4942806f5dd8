// The Lambda entry point: EventBridge delivers one GuardDuty finding event per invocation.
// Settings come from environment variables (settings.ts). The invocation fails when the event is
// malformed, a setting is wrong, any action failed or the report could not be published: Lambda
// retries it, then hands it to the dead-letter queue for a person.

import type { ResponseAction } from "./actions";
import {
    createClients,
    executeActions,
    publishReport,
    publishUnreadableEvent,
    type ResponderClients,
    type ResponseReport,
} from "./executor";
import { InputError } from "./input-error";
import { parseFindingEvent, planActions } from "./planner";
import { handlerSettingsFrom, type HandlerSettings } from "./settings";

/** What a dry run returns: the plan, nothing done. */
export interface DryRunResult {
    readonly dryRun: true;
    readonly findingId: string;
    readonly actions: readonly ResponseAction[];
}

/** Responds to one event: plan, then (unless dry-run) act, report, and fail if anything failed. */
export async function respond(
    event: unknown,
    settings: HandlerSettings,
    clients: ResponderClients,
    now: Date,
): Promise<ResponseReport | DryRunResult> {
    let finding;
    let actions;
    try {
        finding = parseFindingEvent(event);
        // Planning refuses too: a finding on an instance, key or bucket that does not describe it.
        actions = planActions(finding, settings, now);
    } catch (error) {
        if (error instanceof InputError && !settings.dryRun) {
            // People must hear of an event the responder could not read; the failure keeps it in the DLQ.
            await publishUnreadableEvent(clients.sns, settings.topicArn, error.message);
        }
        throw error;
    }
    console.log(JSON.stringify({ plan: actions, findingId: finding.detail.id, dryRun: settings.dryRun }));
    if (settings.dryRun) {
        return { dryRun: true, findingId: finding.detail.id, actions };
    }
    const outcomes = await executeActions(actions, clients, settings.optOutTagKey);
    const report: ResponseReport = {
        findingId: finding.detail.id,
        findingType: finding.detail.type,
        severity: finding.detail.severity,
        accountId: finding.detail.accountId,
        region: finding.detail.region,
        outcomes,
    };
    console.log(JSON.stringify({ report }));
    await publishReport(clients.sns, settings.topicArn, report);
    const failed = outcomes.filter((o) => o.status === "failed");
    if (failed.length > 0) {
        throw new Error(
            `${failed.length} of ${outcomes.length} response actions failed for finding ${report.findingId}: ${failed.map((o) => `${o.action} ${o.target}: ${o.detail}`).join("; ")}`,
        );
    }
    return report;
}

let settings: HandlerSettings | undefined;
let clients: ResponderClients | undefined;

/** The Lambda handler (`index.handler` in the bundle). Settings and clients are made once per container. */
export async function handler(event: unknown): Promise<ResponseReport | DryRunResult> {
    settings ??= handlerSettingsFrom(process.env);
    clients ??= createClients();
    return respond(event, settings, clients, new Date());
}

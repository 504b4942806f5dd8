import type { RecordedResource } from "../../offline-preview/recorded-resource";
import type { RecordingMonitor } from "../../offline-preview/recording-monitor";
import { installRecordingMonitor } from "../../offline-preview/run-program";
import type { RecordingMocks } from "../network/recording-mocks";
import { componentStackConfig } from "../network/recording-mocks";

/** The recording monitor's raw registrations behind a RecordingMocks (options and `dependsOn` included). */
export function recordedOf(mocks: RecordingMocks): readonly RecordedResource[] {
    return (mocks as unknown as { monitor: RecordingMonitor }).monitor.recorded;
}

/** The raw registration with this logical name (throws if absent or ambiguous). */
export function recordedNamed(mocks: RecordingMocks, name: string): RecordedResource {
    const found = recordedOf(mocks).filter((r) => r.name === name);
    if (found.length !== 1) {
        throw new Error(`expected one resource named ${name}, found ${found.length}`);
    }
    return found[0];
}

/** Installs a recording monitor in the `preview` view: computed values stay unknown, as `pulumi preview` sees them. */
export function installPreviewMonitor(): RecordingMonitor {
    return installRecordingMonitor(componentStackConfig(), "preview");
}

/** Provider inputs travel JSON-encoded when they are not strings. */
export const decoded = (value: unknown): unknown => (typeof value === "string" && /^[[{]/.test(value) ? JSON.parse(value) : value);

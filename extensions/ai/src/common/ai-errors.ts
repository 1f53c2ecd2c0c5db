import { ApplicationError } from '@theia/core/lib/common/application-error';
import type { AiProviderId } from './ai-provider';

/**
 * Why a provider call failed, as the recruiter needs to hear it. They cross RPC with their kind, so
 * the UI can say "your key was refused" instead of a stack trace.
 */
export type AiFailureKind = 'not-configured' | 'bad-key' | 'quota' | 'rate-limited' | 'timeout' | 'cancelled'
    | 'budget-exceeded' | 'malformed-answer' | 'unreachable' | 'provider-error';

export interface AiFailureData {
    kind: AiFailureKind;
    provider: AiProviderId | null;
    status?: number;
}

export const AiFailure = ApplicationError.declare(4600, (message: string, data: AiFailureData) => ({ message, data }));

export function aiFailureKind(error: unknown): AiFailureKind | undefined {
    return AiFailure.is(error as object) ? (error as ApplicationError<number, AiFailureData>).data.kind : undefined;
}

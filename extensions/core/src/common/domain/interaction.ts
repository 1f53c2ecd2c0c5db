import { z } from 'zod';
import { EntityId, longText, shortText, StoredFields } from './entity';

export const InteractionKind = z.enum(['email', 'call', 'sms', 'interview', 'test', 'note']);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const InteractionInput = z.object({
    candidateId: EntityId,
    offerId: EntityId.optional(),
    companyId: EntityId.optional(),
    kind: InteractionKind,
    subject: shortText(300).default(''),
    content: longText(50_000).default(''),
    sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
    author: shortText(100).default(''),
    at: z.string().datetime({ offset: true })
});
export type InteractionInput = z.input<typeof InteractionInput>;

export const Interaction = InteractionInput.extend(StoredFields.shape);
export type Interaction = z.infer<typeof Interaction>;

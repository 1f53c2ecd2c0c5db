import { z } from 'zod';
import { ContractTypeInput } from './contract-type';
import { EntityId, longText, shortText, StoredFields } from './entity';

export const PlacementInput = z.object({
    candidateId: EntityId,
    offerId: EntityId,
    startDate: z.string().date(),
    endDate: z.string().date().optional(),
    contractType: ContractTypeInput,
    position: shortText(200).optional(),
    salary: z.number().nonnegative().optional(),
    commissionAmount: z.number().nonnegative().optional(),
    commissionPercent: z.number().min(0).max(100).optional(),
    notes: longText(20_000).default('')
});
export type PlacementInput = z.input<typeof PlacementInput>;

export const PlacementFollowUp = z.object({
    satisfaction: z.number().int().min(1).max(5).optional(),
    active: z.boolean(),
    endReason: shortText(300).optional(),
    endedAt: z.string().date().optional()
});

export const Placement = PlacementInput.extend({
    ...StoredFields.shape,
    ...PlacementFollowUp.shape,
    companyId: EntityId
});
export type Placement = z.infer<typeof Placement>;

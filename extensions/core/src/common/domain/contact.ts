import { z } from 'zod';
import { EntityId, shortText, StoredFields } from './entity';

export const ContactInput = z.object({
    companyId: EntityId,
    firstName: shortText(100).min(1, 'firstName is required'),
    lastName: shortText(100).min(1, 'lastName is required'),
    email: z.string().email().max(254).optional(),
    phone: shortText(30).optional(),
    position: shortText(120).optional(),
    principal: z.boolean().default(false)
});
export type ContactInput = z.infer<typeof ContactInput>;

export const Contact = ContactInput.extend(StoredFields.shape);
export type Contact = z.infer<typeof Contact>;

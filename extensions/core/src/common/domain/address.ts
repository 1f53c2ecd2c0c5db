import { z } from 'zod';
import { shortText } from './entity';

export const Address = z.object({
    street: shortText(300).optional(),
    city: shortText(120).optional(),
    postcode: z.string().regex(/^[0-9A-Za-z -]{2,10}$/, 'postcode: 2 to 10 letters or digits').optional(),
    country: z.string().length(2).default('FR')
});
export type Address = z.infer<typeof Address>;

import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { validate } from '@matchpro/core/lib/common';
import { DEFAULT_MATCHING_CONFIG, MatchingConfig } from '../common/matching-weights';

const Weight = z.number().min(0).max(1);
export const MatchingConfigSchema = z.object({
    weights: z.object({ semantic: Weight, rules: Weight, ml: Weight }).refine(w => w.semantic + w.rules + w.ml > 0, 'at least one weight must be positive')
        .default(DEFAULT_MATCHING_CONFIG.weights),
    tiers: z.boolean().default(DEFAULT_MATCHING_CONFIG.tiers)
    // A `capWhenMandatoryFails` left from earlier versions is ignored: tiers replaced the cap.
});

/** Reads `<dataDir>/matching-config.json` when the agency wrote one; the documented defaults otherwise. */
export function readMatchingConfig(dataDir: string): MatchingConfig {
    const file = path.join(dataDir, 'matching-config.json');
    if (!fs.existsSync(file)) { return DEFAULT_MATCHING_CONFIG; }
    let json: unknown;
    try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
        throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
    }
    return validate(MatchingConfigSchema, json, 'matching configuration');
}

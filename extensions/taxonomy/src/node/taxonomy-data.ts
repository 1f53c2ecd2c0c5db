import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/**
 * Compact taxonomy file (data/taxonomy.json.gz), built by models/taxonomy-data/build.ts from ESCO v1.1.1 and
 * ROME 4.0. Short keys keep the gzip small; URIs are stored without their common prefix.
 */
export interface CompactOccupation {
    /** ESCO occupation id (URI without ESCO_OCCUPATION_PREFIX). */
    u: string;
    /** ISCO-08 unit group. */
    i: string;
    fr: string;
    /** French alternative labels. */
    fa: string[];
    en: string;
    ea: string[];
    /** Indices into `skills` of essential and optional skills. */
    e: number[];
    o: number[];
}

export interface CompactSkill {
    u: string;
    /** French preferred label ('' when ESCO has none). */
    fr: string;
    fa: string[];
    en: string;
    ea: string[];
    /** 'k' knowledge, 's' skill/competence. */
    t: 'k' | 's';
}

export interface CompactRomeSheet {
    /** ROME code, e.g. N1101. */
    c: string;
    l: string;
    /** Job titles (appellations): [masculine/feminine long label, short label]. */
    t: string[];
    /** Indices into `romeItems` (skills and knowledge of the job sheet). */
    k: number[];
}

export interface CompactTaxonomy {
    version: string;
    attribution: string[];
    occupations: CompactOccupation[];
    skills: CompactSkill[];
    rome: CompactRomeSheet[];
    romeItems: string[];
    /** [masculine, feminine] French job nouns. */
    gender: [string, string][];
}

export const ESCO_OCCUPATION_PREFIX = 'http://data.europa.eu/esco/occupation/';
export const ESCO_SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';

/** Folder of the package's shipped data, found from its package.json so it works from node_modules too. */
/** A shipped model artifact, from the @matchpro/models package (one copy, resolved from node_modules or a bundle). */
function modelFile(model: string, file: string): string {
    return path.join(path.dirname(require.resolve('@matchpro/models/package.json')), model, file);
}

export function taxonomyPackageDir(): string {
    return path.dirname(require.resolve('@matchpro/taxonomy/package.json'));
}

export function defaultTaxonomyDataFile(): string {
    return path.join(taxonomyPackageDir(), 'data', 'taxonomy.json.gz');
}

export function defaultEncoderModelFile(): string {
    return modelFile('bilingual-encoder', 'bilingual-encoder.onnx');
}

export function defaultSkillTaggerFile(): string {
    return modelFile('skill-tagger', 'skill-tagger.json.gz');
}

export function readCompactTaxonomy(file: string = defaultTaxonomyDataFile()): CompactTaxonomy {
    if (!fs.existsSync(file)) {
        throw new Error(`Taxonomy data file not found: ${file}`);
    }
    const data = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as CompactTaxonomy;
    if (!Array.isArray(data.occupations) || !Array.isArray(data.skills)) {
        throw new Error(`Taxonomy data file is malformed: ${file}`);
    }
    return data;
}

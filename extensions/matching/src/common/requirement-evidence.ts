/**
 * What an offer asks, typed the way a recruiter reads it, and what the CV says about each item. A
 * requirement is looked for in the whole CV through several channels; the result is met / partly /
 * not found with a confidence and the CV sentence behind it. "Partly" is a risk to check at the phone
 * call, never a failure: only a requirement the CV clearly does not meet (another CACES category, licence
 * C for CE, 6 months in the role for 2 years asked, nothing at all in a full CV) fails.
 */
export type RequirementKind = 'diploma' | 'certification' | 'licence' | 'experience' | 'language' | 'tool' | 'task' | 'skill';

export type EvidenceStatus = 'met' | 'partly' | 'not-found';

/** Where the evidence came from. */
export type EvidenceChannel =
    /** The requirement's words (stemmed), or an abbreviation / expansion of them, in the CV text. */
    | 'words'
    /** The certification or licence parsers (categories and inclusions). */
    | 'certificate'
    /** ESCO: the requirement and a CV skill link to the same or a close concept (across FR/EN). */
    | 'concept'
    /** Dated experiences whose title is the role asked (or links to the same ESCO occupation). */
    | 'experience'
    /** The languages and CEFR levels of the profile. */
    | 'language'
    /** Nothing supports it. */
    | 'none';

export interface RequirementEvidence {
    requirement: string;
    kind: RequirementKind;
    mandatory: boolean;
    status: EvidenceStatus;
    /** 0..1: how sure the engine is of `status`. */
    confidence: number;
    channel: EvidenceChannel;
    /** The CV sentence (or field) that supports it, when there is one. */
    source?: string;
    /** True when a mandatory requirement failed: the candidate ranks below everyone who meets it. */
    failed: boolean;
}

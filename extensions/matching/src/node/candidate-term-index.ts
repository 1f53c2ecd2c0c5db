/**
 * Which candidates' CVs contain which terms (stem hashes): an inverted index, so a ranking touches only
 * the postings of the offer's few dozen requirement terms instead of looking every term up in every CV.
 * Candidates are numbered by an ordinal that is never reused; a replaced or removed candidate's old
 * postings are skipped (its ordinal no longer maps to a slot) and dropped by `compact` when they pile up.
 */
export class CandidateTermIndex {
    protected readonly postings = new Map<number, { ordinals: Int32Array; length: number; live: number }>();
    /** ordinal -> engine slot, -1 once replaced or removed. */
    protected slotOf = new Int32Array(1024).fill(-1);
    protected nextOrdinal = 0;
    protected dead = 0;
    protected live = 0;
    protected readonly ordinalOfId = new Map<string, number>();

    get candidates(): number {
        return this.live;
    }

    /** Indexes a candidate's terms at `slot` (replacing what it had). */
    set(id: string, slot: number, terms: Uint32Array, previous?: Uint32Array): void {
        this.remove(id, previous);
        const ordinal = this.nextOrdinal++;
        if (ordinal >= this.slotOf.length) {
            const grown = new Int32Array(this.slotOf.length * 2).fill(-1);
            grown.set(this.slotOf);
            this.slotOf = grown;
        }
        this.slotOf[ordinal] = slot;
        this.ordinalOfId.set(id, ordinal);
        this.live++;
        for (let i = 0; i < terms.length; i++) {
            let list = this.postings.get(terms[i]);
            if (!list) {
                list = { ordinals: new Int32Array(4), length: 0, live: 0 };
                this.postings.set(terms[i], list);
            } else if (list.length === list.ordinals.length) {
                const grown = new Int32Array(list.length * 2);
                grown.set(list.ordinals);
                list.ordinals = grown;
            }
            list.ordinals[list.length++] = ordinal;
            list.live++;
        }
    }

    /** The candidate now lives at another slot (the engine swap-removes). */
    move(id: string, slot: number): void {
        const ordinal = this.ordinalOfId.get(id);
        if (ordinal !== undefined) { this.slotOf[ordinal] = slot; }
    }

    /** `terms`: what the candidate was indexed with (keeps the live counts, hence the IDF, exact). */
    remove(id: string, terms?: Uint32Array): void {
        const ordinal = this.ordinalOfId.get(id);
        if (ordinal === undefined) { return; }
        if (terms) {
            for (let i = 0; i < terms.length; i++) {
                const list = this.postings.get(terms[i]);
                if (list) { list.live--; }
            }
        }
        this.slotOf[ordinal] = -1;
        this.ordinalOfId.delete(id);
        this.live--;
        if (++this.dead > 50_000 && this.dead > this.live) { this.compact(); }
    }

    /** How many live candidates contain the term (for its IDF). */
    documentFrequency(term: number): number {
        return this.postings.get(term)?.live ?? 0;
    }

    /** Calls `fn(slot)` for every live candidate containing the term. */
    forEachSlot(term: number, fn: (slot: number) => void): void {
        const list = this.postings.get(term);
        if (!list) { return; }
        for (let i = 0; i < list.length; i++) {
            const slot = this.slotOf[list.ordinals[i]];
            if (slot >= 0) { fn(slot); }
        }
    }

    protected compact(): void {
        for (const [term, list] of this.postings) {
            let at = 0;
            for (let i = 0; i < list.length; i++) {
                if (this.slotOf[list.ordinals[i]] >= 0) { list.ordinals[at++] = list.ordinals[i]; }
            }
            if (at === 0) { this.postings.delete(term); } else { list.length = at; list.live = at; }
        }
        this.dead = 0;
    }
}

import * as fs from 'fs';
import { fold } from './text-utils';

/**
 * French communes (names, postcodes, population) from @etalab/decoupage-administratif (Licence Ouverte),
 * loaded once per thread into two maps, plus a short list of large cities abroad for English CVs.
 */
export interface Commune {
    name: string;
    postcodes: string[];
    population: number;
}

/** Large cities outside France that English-language CVs commonly name (kept short on purpose). */
const WORLD_CITIES = [
    'London', 'Manchester', 'Birmingham', 'Leeds', 'Liverpool', 'Glasgow', 'Edinburgh', 'Bristol', 'Sheffield', 'Newcastle',
    'Nottingham', 'Leicester', 'Cardiff', 'Belfast', 'Southampton', 'Oxford', 'Cambridge', 'Reading', 'Coventry', 'Brighton',
    'Dublin', 'Cork', 'Brussels', 'Bruxelles', 'Antwerp', 'Liège', 'Geneva', 'Genève', 'Lausanne', 'Zurich', 'Luxembourg',
    'Montreal', 'Montréal', 'Quebec', 'Québec', 'Toronto', 'Vancouver', 'Ottawa', 'Calgary', 'New York', 'Los Angeles',
    'Chicago', 'Houston', 'Boston', 'San Francisco', 'Seattle', 'Austin', 'Dallas', 'Atlanta', 'Miami', 'Washington',
    'Berlin', 'Munich', 'Frankfurt', 'Hamburg', 'Madrid', 'Barcelona', 'Lisbon', 'Porto', 'Rome', 'Milan', 'Amsterdam',
    'Rotterdam', 'Warsaw', 'Bucharest', 'Casablanca', 'Rabat', 'Tunis', 'Algiers', 'Alger', 'Dakar', 'Abidjan',
    'Bangalore', 'Bengaluru', 'Mumbai', 'Delhi', 'New Delhi', 'Hyderabad', 'Chennai', 'Pune', 'Kolkata', 'Noida', 'Gurgaon',
    'Gurugram', 'Ahmedabad', 'Jaipur', 'Kochi', 'Coimbatore', 'Indore', 'Lucknow', 'Chandigarh', 'Nagpur', 'Bhopal',
    'Thiruvananthapuram', 'Visakhapatnam', 'Mysore', 'Mangalore', 'Vadodara', 'Surat', 'Patna', 'Bhubaneswar',
    'Singapore', 'Dubai', 'Abu Dhabi', 'Doha', 'Sydney', 'Melbourne', 'Auckland', 'Hong Kong', 'Shanghai', 'Beijing', 'Tokyo'
];

export class CommuneIndex {
    private static instance: CommuneIndex | undefined;
    private readonly byKey = new Map<string, Commune[]>();
    private readonly byPostcodeMap = new Map<string, Commune[]>();
    private readonly worldCities = new Map<string, string>();

    /** The shared index of this thread, built on first use (~0.1 s). */
    static get(): CommuneIndex {
        if (!CommuneIndex.instance) {
            // Read rather than require(): the 8 MB source must not stay in the module cache, only the index.
            const file = require.resolve('@etalab/decoupage-administratif/data/communes.json');
            const raw: Array<{ nom: string; type: string; codesPostaux?: string[]; population?: number }> = JSON.parse(fs.readFileSync(file, 'utf8'));
            CommuneIndex.instance = new CommuneIndex(raw.filter(c => c.type === 'commune-actuelle')
                .map(c => ({ name: c.nom, postcodes: c.codesPostaux ?? [], population: c.population ?? 0 })));
        }
        return CommuneIndex.instance;
    }

    constructor(communes: Commune[]) {
        for (const c of communes) {
            push(this.byKey, communeKey(c.name), c);
            for (const pc of c.postcodes) {
                push(this.byPostcodeMap, pc, c);
            }
        }
        for (const list of this.byKey.values()) {
            list.sort((a, b) => b.population - a.population);
        }
        for (const city of WORLD_CITIES) {
            this.worldCities.set(communeKey(city), city);
        }
    }

    byPostcode(postcode: string): Commune[] {
        return this.byPostcodeMap.get(postcode) ?? [];
    }

    /** Communes of that name, largest first ("Saint-Priest" has three). */
    byName(name: string): Commune[] {
        return this.byKey.get(communeKey(name)) ?? [];
    }

    /** The commune of that name with that postcode, when both agree. */
    match(name: string, postcode: string): Commune | undefined {
        const key = communeKey(name);
        return this.byPostcode(postcode).find(c => communeKey(c.name) === key);
    }

    /** A city abroad from the built-in list, with its usual spelling. */
    worldCity(name: string): string | undefined {
        return this.worldCities.get(communeKey(name));
    }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}

/** "Saint-Étienne" / "St Etienne" / "ST-ETIENNE" -> "saint etienne"; "Lyon 3e" -> "lyon". */
export function communeKey(name: string): string {
    return fold(name).replace(/['\-]/g, ' ').replace(/\s+/g, ' ').trim()
        .replace(/\s+\d{1,2}\s*(?:e|er|eme|eme arrondissement|arrondissement)$/, '')
        .replace(/^st\b/, 'saint').replace(/^ste\b/, 'sainte').replace(/\bst\b/g, 'saint').replace(/\bste\b/g, 'sainte')
        .replace(/\bcedex(?:\s*\d+)?$/, '').trim();
}

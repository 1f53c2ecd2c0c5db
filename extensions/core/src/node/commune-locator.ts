import * as path from 'path';
import * as fs from 'fs';
import * as zlib from 'zlib';

/** Where a commune is, and how precise that is (see scripts/build-communes-geo.js). */
export interface Place {
    lat: number;
    lon: number;
    departement: string;
    /** 'commune': the commune's own coordinates; 'departement': its département's chef-lieu (commune not located). */
    precision: 'commune' | 'departement';
}

interface CommunesGeo {
    departements: Record<string, [number, number, string]>;
    postcodes: Record<string, string>;
    communes: Record<string, string>;
    postcodePlaces: Record<string, [number, number]>;
    communePlaces: Record<string, [number, number]>;
}

export function communeKey(name: string): string {
    return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^(saint|sainte)[- ]/, m => m.startsWith('sainte') ? 'ste-' : 'st-')
        .replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Great-circle distance in km. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
    if (a.lat === b.lat && a.lon === b.lon) { return 0; }
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * French postcode / commune name -> coordinates, from the compact file shipped in data/: the commune's own
 * (GeoNames) where known, else its département's chef-lieu (documented fallback).
 */
export class CommuneLocator {
    protected static shared: CommuneLocator | undefined;
    protected readonly geo: CommunesGeo;

    static instance(): CommuneLocator {
        // Resolved through the package, not __dirname: in the bundled backend __dirname is the bundle's folder.
        return this.shared ??= new CommuneLocator(path.join(path.dirname(require.resolve('@matchpro/core/package.json')), 'data', 'communes-geo.json.gz'));
    }

    constructor(file: string) {
        if (!fs.existsSync(file)) {
            throw new Error(`Commune coordinates file not found: ${file}`);
        }
        this.geo = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));
    }

    locate(postcode: string | null | undefined, city: string | null | undefined): Place | undefined {
        const cp = postcode?.replace(/\s+/g, '');
        const cityKey = city ? communeKey(city.replace(/\s*\(?\d{5}\)?\s*/, ' ').replace(/\s+cedex.*$/i, '')) : undefined;
        let departement = cp && /^\d{5}$/.test(cp) ? this.geo.postcodes[cp] ?? this.fromPrefix(cp) : undefined;
        if (!departement && cityKey) {
            departement = this.geo.communes[cityKey];
        }
        if (!departement) {
            return undefined;
        }
        // The commune named (when it is in that département), else the main commune of the postcode.
        const at = (cityKey && this.geo.communes[cityKey] === departement ? this.geo.communePlaces[cityKey] : undefined)
            ?? (cp ? this.geo.postcodePlaces[cp] : undefined);
        if (at) {
            return { lat: at[0], lon: at[1], departement, precision: 'commune' };
        }
        const d = this.geo.departements[departement];
        return d ? { lat: d[0], lon: d[1], departement, precision: 'departement' } : undefined;
    }

    /** The postcodes whose commune (or, when not located, département chef-lieu) lies within `radiusKm` of `center`. */
    postcodesWithin(center: { lat: number; lon: number }, radiusKm: number): string[] {
        const found: string[] = [];
        for (const [postcode, departement] of Object.entries(this.geo.postcodes)) {
            const at = this.geo.postcodePlaces[postcode];
            const d = this.geo.departements[departement];
            const place = at ? { lat: at[0], lon: at[1] } : d ? { lat: d[0], lon: d[1] } : undefined;
            if (place && haversineKm(center, place) <= radiusKm) {
                found.push(postcode);
            }
        }
        return found;
    }

    departementName(code: string): string {
        return this.geo.departements[code]?.[2] ?? code;
    }

    protected fromPrefix(cp: string): string | undefined {
        if (cp.startsWith('97')) { return this.geo.departements[cp.slice(0, 3)] ? cp.slice(0, 3) : undefined; }
        if (cp.startsWith('20')) { return Number(cp) < 20200 ? '2A' : '2B'; }
        return this.geo.departements[cp.slice(0, 2)] ? cp.slice(0, 2) : undefined;
    }
}

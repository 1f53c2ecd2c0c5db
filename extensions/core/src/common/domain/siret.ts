/**
 * SIRET: 14 digits identifying a French establishment, with a Luhn check digit. La Poste's
 * establishments (SIREN 356000000) may use a digit-sum rule (multiple of 5) instead.
 */
export function normalizeSiret(input: string): string {
    return input.replace(/[\s.\-]/g, '');
}

export function siretProblem(input: string): string | undefined {
    const siret = normalizeSiret(input);
    if (!/^\d{14}$/.test(siret)) {
        return 'SIRET must have exactly 14 digits';
    }
    if (luhnValid(siret)) {
        return undefined;
    }
    if (siret.startsWith('356000000') && [...siret].reduce((total, digit) => total + Number(digit), 0) % 5 === 0) {
        return undefined;
    }
    return 'SIRET check digit is wrong (Luhn)';
}

export function luhnValid(digits: string): boolean {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let digit = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) {
            digit *= 2;
            if (digit > 9) {
                digit -= 9;
            }
        }
        sum += digit;
    }
    return sum % 10 === 0;
}

/** Types of snowball-stemmers (the package ships none): only what text-terms.ts uses. */
declare module 'snowball-stemmers' {
    export interface Stemmer {
        stem(word: string): string;
    }
    export function newStemmer(language: string): Stemmer;
    export function algorithms(): string[];
}

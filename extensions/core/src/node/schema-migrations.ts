/**
 * The MatchPro schema, one migration per version; never edit a released migration, add one.
 * Each aggregate keeps its full validated record as JSON in `data` (zod checks it at the boundary) and
 * copies the fields that lookups, lists and matching filter on into indexed columns.
 */
export interface SchemaMigration {
    version: number;
    description: string;
    sql: string;
}

const RECORD_COLUMNS = `id TEXT PRIMARY KEY, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, data TEXT NOT NULL`;

export const SCHEMA_MIGRATIONS: SchemaMigration[] = [{
    version: 1,
    description: 'domain tables: companies, contacts, offers, candidates, CV files, matchings, interactions, placements, AI keys and usage, audit log',
    sql: `
CREATE TABLE companies (${RECORD_COLUMNS}, name TEXT NOT NULL, siret TEXT UNIQUE, city TEXT);
CREATE INDEX companies_name ON companies(name COLLATE NOCASE);

CREATE TABLE contacts (${RECORD_COLUMNS}, company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE, principal INTEGER NOT NULL DEFAULT 0);
CREATE INDEX contacts_company ON contacts(company_id);

CREATE TABLE offers (${RECORD_COLUMNS}, company_id TEXT NOT NULL REFERENCES companies(id), status TEXT NOT NULL,
    title TEXT NOT NULL, occupation_uri TEXT, rome_code TEXT, contract_type TEXT, city TEXT, postcode TEXT, reference TEXT);
CREATE INDEX offers_company ON offers(company_id);
CREATE INDEX offers_status ON offers(status);
CREATE INDEX offers_occupation ON offers(occupation_uri);

CREATE TABLE candidates (${RECORD_COLUMNS}, first_name TEXT, last_name TEXT, email TEXT, phone TEXT, birth_date TEXT,
    city TEXT, postcode TEXT, title TEXT, available_from TEXT, cv_file_id TEXT, last_contact_at TEXT);
CREATE UNIQUE INDEX candidates_email ON candidates(email) WHERE email IS NOT NULL;
CREATE INDEX candidates_phone ON candidates(phone);
CREATE INDEX candidates_name ON candidates(last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX candidates_postcode ON candidates(postcode);
-- Full-text search over candidates (sql.js has FTS4, not FTS5); docid = candidates.rowid.
CREATE VIRTUAL TABLE candidates_fts USING fts4(name, title, skills, city, body, tokenize=unicode61 "remove_diacritics=2");

CREATE TABLE cv_files (id TEXT PRIMARY KEY, candidate_id TEXT, file_name TEXT NOT NULL, media_type TEXT NOT NULL,
    bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, stored_at TEXT NOT NULL);
CREATE INDEX cv_files_candidate ON cv_files(candidate_id);
CREATE INDEX cv_files_sha ON cv_files(sha256);

CREATE TABLE matchings (${RECORD_COLUMNS}, candidate_id TEXT NOT NULL, offer_id TEXT NOT NULL, score REAL NOT NULL,
    semantic REAL NOT NULL, rules REAL NOT NULL, ml REAL NOT NULL, status TEXT NOT NULL, model_version TEXT NOT NULL);
CREATE UNIQUE INDEX matchings_pair ON matchings(offer_id, candidate_id);
CREATE INDEX matchings_candidate ON matchings(candidate_id);

CREATE TABLE interactions (${RECORD_COLUMNS}, candidate_id TEXT NOT NULL, offer_id TEXT, company_id TEXT, kind TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX interactions_candidate ON interactions(candidate_id, at);
CREATE INDEX interactions_company ON interactions(company_id, at);

CREATE TABLE placements (${RECORD_COLUMNS}, candidate_id TEXT NOT NULL, offer_id TEXT NOT NULL, company_id TEXT NOT NULL, active INTEGER NOT NULL);
CREATE INDEX placements_offer ON placements(offer_id);
CREATE INDEX placements_company ON placements(company_id);

CREATE TABLE ai_keys (${RECORD_COLUMNS}, provider TEXT NOT NULL UNIQUE);
CREATE TABLE ai_usage (id TEXT PRIMARY KEY, at TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL, task TEXT NOT NULL,
    tokens_in INTEGER NOT NULL, tokens_out INTEGER NOT NULL, cost_eur REAL NOT NULL);
CREATE INDEX ai_usage_at ON ai_usage(at);

-- Who did what to which record, for RGPD requests and the AI Act's ranking log. Never holds personal data itself.
CREATE TABLE audit_log (id TEXT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    entity TEXT NOT NULL, entity_id TEXT, details TEXT NOT NULL DEFAULT '{}');
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);
`
}, {
    version: 2,
    description: 'accounts of the hosted mode (scrypt password hashes); CV files looked up by content',
    sql: `
CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX cv_files_sha256 ON cv_files(sha256);
`
}];

import GRDB

/// The database schema as named, append-only migrations.
///
/// A migration is never edited once released: a change of schema is a new migration appended
/// here. Migrations use no app types (only SQL and GRDB's schema builders), so an old database
/// always migrates the same way.
enum Schema {
    /// The migrator with every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents-claims-entities-runs", migrate: v1)
        migrator.registerMigration("v2-search-index-written-per-batch", migrate: v2)
        migrator.registerMigration("v3-document-pages", migrate: v3)
        return migrator
    }

    /// The identifiers of all migrations, in order.
    static var migrationIdentifiers: [String] { migrator.migrations }

    private static func v1(_ db: Database) throws {
        try db.create(table: "document") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("path", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("bytes", .integer).notNull()
            t.column("modified", .double).notNull()
            t.column("title", .text)
            t.column("published", .text)
            t.column("url", .text)
            t.column("author", .text)
            t.column("language", .text)
            t.column("text", .text).notNull()
            t.column("claimCount", .integer).notNull()
            t.column("ingestedAt", .datetime).notNull()
            t.column("pipelineVersion", .text).notNull()
        }
        try db.create(index: "document_on_name", on: "document", columns: ["name"])

        try db.create(table: "sentence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("document", onDelete: .cascade).notNull()
            t.column("ordinal", .integer).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("text", .text).notNull()
        }

        try db.create(table: "claim") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("document", onDelete: .cascade).notNull()
            t.belongsTo("sentence", onDelete: .cascade)
            t.column("ordinal", .integer).notNull()
            t.column("quote", .text).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("sentence", .text).notNull()
            t.column("value", .double).notNull()
            t.column("valueHigh", .double)
            t.column("unit", .text).notNull()
            t.column("bound", .text).notNull()
            t.column("subject", .text)
            t.column("subjectText", .text)
            t.column("metric", .text).notNull()
            t.column("periodStart", .text)
            t.column("periodEnd", .text)
            t.column("periodText", .text)
            t.column("direction", .text)
            t.column("forecast", .boolean).notNull()
            t.column("hypothetical", .boolean).notNull()
            t.column("rules", .jsonText).notNull()
            t.column("verdict", .text)
        }
        try db.create(index: "claim_on_subject_metric", on: "claim", columns: ["subject", "metric"])
        try db.create(index: "claim_on_metric", on: "claim", columns: ["metric"])
        try db.create(index: "claim_on_period", on: "claim", columns: ["periodStart", "periodEnd"])

        try db.create(table: "entity") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("name", .text).notNull()
            t.column("sector", .text)
        }
        try db.create(table: "alias") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("entity", onDelete: .cascade).notNull()
            t.column("alias", .text).notNull()
            t.column("caseSensitive", .boolean).notNull()
        }
        try db.execute(sql: "CREATE INDEX alias_on_alias ON alias(alias COLLATE NOCASE)")

        try db.create(table: "run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("started", .datetime).notNull()
            t.column("finished", .datetime)
            t.column("arguments", .jsonText).notNull()
            t.column("documentsNew", .integer).notNull().defaults(to: 0)
            t.column("documentsChanged", .integer).notNull().defaults(to: 0)
            t.column("documentsUnchanged", .integer).notNull().defaults(to: 0)
            t.column("documentsFailed", .integer).notNull().defaults(to: 0)
            t.column("documentsPruned", .integer).notNull().defaults(to: 0)
            t.column("claimsStored", .integer).notNull().defaults(to: 0)
        }
        try db.create(table: "ingestError") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("run", onDelete: .cascade).notNull()
            t.column("path", .text).notNull()
            t.column("reason", .text).notNull()
        }

        // filled by the cross-check
        try db.create(table: "finding") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("run", onDelete: .setNull)
            t.column("kind", .text).notNull()
            t.column("severity", .text).notNull()
            t.column("key", .text)
            t.column("message", .text).notNull()
            t.column("details", .jsonText)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "findingClaim") { t in
            t.belongsTo("finding", onDelete: .cascade).notNull()
            t.belongsTo("claim", onDelete: .cascade).notNull()
            t.column("role", .text)
            t.primaryKey(["findingId", "claimId"])
        }

        try db.create(table: "meta") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }

        // Full-text search over sentences and document text: external-content FTS5 tables kept
        // in step by triggers. Written as SQL rather than with GRDB's `synchronize(withTable:)`
        // so that the document index is rebuilt only when the title or text changes, not when
        // ingest records a file's new modification time.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE sentenceSearch USING fts5(text, content='sentence', content_rowid='id', tokenize='porter unicode61');
            CREATE TRIGGER sentence_ai AFTER INSERT ON sentence BEGIN
              INSERT INTO sentenceSearch(rowid, text) VALUES (new.id, new.text);
            END;
            CREATE TRIGGER sentence_ad AFTER DELETE ON sentence BEGIN
              INSERT INTO sentenceSearch(sentenceSearch, rowid, text) VALUES ('delete', old.id, old.text);
            END;
            CREATE TRIGGER sentence_au AFTER UPDATE OF text ON sentence BEGIN
              INSERT INTO sentenceSearch(sentenceSearch, rowid, text) VALUES ('delete', old.id, old.text);
              INSERT INTO sentenceSearch(rowid, text) VALUES (new.id, new.text);
            END;
            CREATE VIRTUAL TABLE documentSearch USING fts5(title, text, content='document', content_rowid='id', tokenize='porter unicode61');
            CREATE TRIGGER document_ai AFTER INSERT ON document BEGIN
              INSERT INTO documentSearch(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;
            CREATE TRIGGER document_ad AFTER DELETE ON document BEGIN
              INSERT INTO documentSearch(documentSearch, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            END;
            CREATE TRIGGER document_au AFTER UPDATE OF title, text ON document BEGIN
              INSERT INTO documentSearch(documentSearch, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
              INSERT INTO documentSearch(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;
            """)
    }

    /// The search index is written by the store, one statement per batch, instead of by
    /// per-row triggers: FTS5 flushes its pending terms into a new segment at the end of every
    /// statement, so a trigger fired by each single-row insert made one segment per sentence and
    /// cost more than the rest of the ingest (measured: 6 s of 21 s on 1,810 pages).
    ///
    /// One index remains, over sentences: the sentences of a document partition all of its text
    /// (headings and table rows included), so it indexes the whole document text once. The second
    /// index over each document's text as one row repeated that work (0.5 s of a 7 s ingest) for
    /// nothing a user could not ask of the sentence index; document search groups sentence hits.
    /// Where each page of a PDF starts in its text, so that reports can say `note.pdf:p3:12:40`.
    private static func v3(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE document ADD COLUMN pages TEXT")
    }

    private static func v2(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER sentence_ai; DROP TRIGGER sentence_ad; DROP TRIGGER sentence_au;
            DROP TRIGGER document_ai; DROP TRIGGER document_ad; DROP TRIGGER document_au;
            DROP TABLE documentSearch;
            """)
    }
}

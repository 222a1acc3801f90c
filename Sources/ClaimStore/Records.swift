import Foundation
import GRDB

/// A row of `document`.
struct DocumentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "document"

    var id: Int64?
    var path: String
    var name: String
    var sha256: String
    var bytes: Int
    var modified: Double
    var title: String?
    var published: String?
    var url: String?
    var author: String?
    var language: String?
    var text: String
    var claimCount: Int
    var ingestedAt: Date
    var pipelineVersion: String
    /// A PDF's page starts (offsets into `text`, comma-separated; -1 for a page without text).
    var pages: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let path = Column(CodingKeys.path)
        static let name = Column(CodingKeys.name)
        static let sha256 = Column(CodingKeys.sha256)
        static let modified = Column(CodingKeys.modified)
        static let pipelineVersion = Column(CodingKeys.pipelineVersion)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `run`.
struct RunRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"

    var id: Int64?
    var started: Date
    var finished: Date?
    var arguments: [String]
    var documentsNew = 0
    var documentsChanged = 0
    var documentsUnchanged = 0
    var documentsFailed = 0
    var documentsPruned = 0
    var claimsStored = 0

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `ingestError`.
struct IngestErrorRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "ingestError"

    var runId: Int64
    var path: String
    var reason: String
}

/// A row of `entity`.
struct EntityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entity"

    var id: String
    var kind: String
    var name: String
    var sector: String?
}

/// A row of `alias`.
struct AliasRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "alias"

    var entityId: String
    var alias: String
    var caseSensitive: Bool
}

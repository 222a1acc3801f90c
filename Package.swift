// swift-tools-version:6.0
// The claims auditor: market commentary in, quantitative claims and contradictions out.
// Module layout and dependency direction follow ../shared/DESIGN.md ("Modules").
import PackageDescription

let package = Package(
    name: "claims",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "claims", targets: ["claims"]),
        .library(name: "ClaimsKit", targets: ["ClaimsKit"]),
        .library(name: "MarketMetrics", targets: ["MarketMetrics"]),
        .library(name: "DocumentText", targets: ["DocumentText"]),
        .library(name: "ClaimExtraction", targets: ["ClaimExtraction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // libxml2, for HTML; only DocumentText imports it (C stays at the edge, behind that module).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // poppler's C API, for the text of PDF files; only DocumentText imports it.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"]), .brew(["poppler"])]
        ),
        // zlib, for gzip-compressed market data; only MarketMetrics imports it.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // Value types every stage shares.
        .target(name: "ClaimModel"),
        // bytes → Document: encoding, libxml2 parse, main text, metadata.
        .target(name: "DocumentText", dependencies: ["CLibXML2", "CPoppler", "ClaimModel"]),
        // text → mentions: numbers, units, periods, entities, cues; lexicons embedded.
        .target(name: "Recognizers", dependencies: ["ClaimModel"]),
        // sentences + mentions → claims.
        .target(name: "ClaimExtraction", dependencies: ["ClaimModel", "Recognizers"]),
        // Market data: price files → series → the figures commentary quotes.
        .target(name: "MarketMetrics", dependencies: ["ClaimModel", "CZlib"]),
        // Claims (+ market data) → findings and a verdict per claim.
        .target(name: "CrossCheck", dependencies: ["ClaimModel", "MarketMetrics"]),
        // Persistence: the claims database (GRDB over SQLite; PostgresNIO for teams); the only
        // module that imports GRDB or PostgresNIO.
        .target(name: "ClaimStore", dependencies: [
            "ClaimModel", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The pipeline as a library: file discovery, sidecars, parallel runs, ingest.
        .target(name: "ClaimsKit", dependencies: [
            "ClaimModel", "DocumentText", "Recognizers", "ClaimExtraction", "ClaimStore", "MarketMetrics", "CrossCheck",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The command-line shell: one command per file, no domain logic; it sees ClaimsKit only.
        .executableTarget(
            name: "claims",
            dependencies: ["ClaimsKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Shared test helpers: package paths, fixtures, running the built binary.
        .target(name: "ClaimsTestSupport", dependencies: ["ClaimModel"], path: "Tests/ClaimsTestSupport"),
        .testTarget(name: "ClaimModelTests", dependencies: ["ClaimModel", "ClaimsTestSupport"]),
        .testTarget(name: "DocumentTextTests", dependencies: ["DocumentText", "ClaimsTestSupport"]),
        .testTarget(name: "RecognizersTests", dependencies: ["Recognizers", "ClaimsTestSupport"]),
        .testTarget(name: "ClaimExtractionTests", dependencies: ["ClaimExtraction", "Recognizers", "DocumentText", "ClaimsTestSupport"]),
        .testTarget(name: "MarketMetricsTests", dependencies: ["MarketMetrics", "ClaimModel", "ClaimsTestSupport"]),
        .testTarget(name: "CrossCheckTests", dependencies: ["CrossCheck", "MarketMetrics", "ClaimModel", "ClaimsTestSupport", "ClaimExtraction", "DocumentText"]),
        .testTarget(name: "ClaimStoreTests", dependencies: ["ClaimStore", "ClaimModel", "ClaimsTestSupport"]),
        .testTarget(name: "ClaimsKitTests", dependencies: ["ClaimsKit", "ClaimModel", "ClaimExtraction", "Recognizers", "ClaimStore", "DocumentText", "ClaimsTestSupport"]),
        .testTarget(name: "ClaimsCLITests", dependencies: ["claims", "ClaimStore", "ClaimModel", "ClaimsTestSupport"],
                    exclude: ["help"]),  // --help snapshots, read by HelpTests from the source tree
    ]
)

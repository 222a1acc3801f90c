// swift-tools-version:6.0
// Benchmarks that need packages the tool itself does not: kept in a nested package so that they
// never add to the root package's build. Run through scripts/bench-market.sh.
import PackageDescription

let package = Package(
    name: "claims-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "claims", path: ".."),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "bench-market",
            dependencies: [
                .product(name: "MarketMetrics", package: "claims"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ]
)

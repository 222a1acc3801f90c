/// The 64-bit FNV-1a hash: a fixed function of the bytes, the same on every machine and every
/// run (Swift's own `Hasher` is seeded per process), for fingerprints and stable splits.
public struct FNV1a: Sendable {
    /// The hash of what was added so far.
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// An empty hash.
    public init() {}

    /// Adds one byte.
    public mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Adds a string's UTF-8 bytes.
    public mutating func add(_ text: String) {
        for b in text.utf8 { add(byte: b) }
    }

    /// The hash of one string.
    public static func hash(_ text: String) -> UInt64 {
        var h = FNV1a()
        h.add(text)
        return h.value
    }
}

/// JSON string literals, written by every module that writes JSON (the claims output, the rule
/// names the store keeps) without going through `Any`.
public enum JSONString {
    /// Appends `s` as a JSON string literal, escaped byte by byte over the UTF-8 (only ASCII
    /// bytes ever need it).
    public static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            out.append(UInt8(ascii: "\""))
            var clean = 0   // bytes up to here are written
            var k = 0
            while k < b.count {
                let c = b[k]
                if c >= 0x20 && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") { k += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[clean..<k]))
                switch c {
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 0xF)])
                default: out.append(UInt8(ascii: "\\")); out.append(c)
                }
                k += 1
                clean = k
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[clean..<b.count]))
            out.append(UInt8(ascii: "\""))
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

import Foundation

/// Byte-level edits that turn a valid file into a specific broken one.
extension FixtureFactory {
    /// Replaces the identity matrix in every `tkhd` box with a 90° clockwise display rotation.
    static func rotatingClockwise(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        let one: UInt32 = 0x0001_0000
        let matrix: [UInt32] = [0, one, 0, UInt32(bitPattern: -Int32(one)), 0, 0, 0, 0, 0x4000_0000]
        for start in offsets(of: "tkhd", in: bytes) {
            let matrixStart = start + 4 + (bytes[start + 4] == 1 ? 44 : 32) + 8
            for (index, value) in matrix.enumerated() {
                for byte in 0..<4 { bytes[matrixStart + index * 4 + byte] = UInt8(truncatingIfNeeded: value >> (24 - 8 * byte)) }
            }
        }
        return Data(bytes)
    }

    /// Overwrites 300 bytes a little way into the `moov` box.
    static func overwritingInsideMoov(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        if let start = offsets(of: "moov", in: bytes).first {
            for index in (start + 104)..<min(start + 404, bytes.count) { bytes[index] = 0xFF }
        }
        return Data(bytes)
    }

    /// Rewrites Matroska's PixelWidth (0xB0) and PixelHeight (0xBA) elements from 256 to 16000.
    static func declaringDimensions16000(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        for id in [UInt8(0xB0), 0xBA] {
            for index in 0..<(bytes.count - 3) where bytes[index] == id && bytes[index + 1] == 0x82 && bytes[index + 2] == 0x01 && bytes[index + 3] == 0x00 {
                bytes[index + 2] = 0x3E
                bytes[index + 3] = 0x80
                break
            }
        }
        return Data(bytes)
    }

    /// Bytes from a fixed linear congruential generator: the same "random" file on every machine.
    static func pseudoRandomBytes(count: Int, seed: UInt64) -> Data {
        var state = seed
        return Data((0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        })
    }

    private static func offsets(of fourCC: String, in bytes: [UInt8]) -> [Int] {
        let tag = Array(fourCC.utf8)
        return (0..<(bytes.count - 4)).filter { bytes[$0..<$0 + 4].elementsEqual(tag) }
    }
}

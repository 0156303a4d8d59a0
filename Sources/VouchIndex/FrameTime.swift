/// A frame's time as the index stores it: tenths of a second in two bytes.
///
/// The vote bins alignments by the matcher's tolerance (0.3 s), so a tenth is
/// precise enough, and two bytes reach 6,553 s, ten times the longest clip the
/// media limits accept.
enum FrameTime {
    static let scale = 10.0
    static let latest = Double(UInt16.max) / scale

    static func encode(_ seconds: Double) -> UInt16? {
        guard seconds >= 0, seconds <= latest else { return nil }
        return UInt16((seconds * scale).rounded())
    }

    static func decode(_ stored: UInt16) -> Double {
        Double(stored) / scale
    }
}

import Foundation

/// The one byte range a `Range: bytes=…` header asks of a representation of `size` bytes
/// (RFC 9110 §14): `first-last`, `first-` or the suffix `-length`. A `<video>` element asks
/// for exactly these as it seeks. Several ranges at once (multipart/byteranges) are
/// answered with the whole representation, which the RFC allows.
enum ByteRangeRequest: Equatable {
    /// No range, or one the server may ignore: send the whole representation.
    case whole
    /// Send these bytes with 206.
    case partial(Range<Int64>)
    /// Nothing of the representation is in the range: 416.
    case unsatisfiable

    init(header: String?, size: Int64) {
        guard let header else { self = .whole; return }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes="), !trimmed.contains(",") else { self = .whole; return }
        let spec = trimmed.dropFirst("bytes=".count)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { self = .whole; return }
        switch (Int64(parts[0]), parts[1].isEmpty ? nil : Int64(parts[1])) {
        case (let first?, nil) where parts[1].isEmpty && first >= 0:
            self = first < size ? .partial(first..<size) : .unsatisfiable
        case (let first?, let last?) where first >= 0 && last >= first:
            self = first < size ? .partial(first..<min(last + 1, size)) : .unsatisfiable
        case (nil, let length?) where parts[0].isEmpty && length > 0:
            self = size > 0 ? .partial(max(0, size - length)..<size) : .unsatisfiable
        default:
            // A syntactically invalid range is ignored (RFC 9110 §14.2).
            self = .whole
        }
    }
}

import Foundation

/// A JUMBF superbox (ISO/IEC 19566-5): a description (content type UUID and label) and
/// what it holds, either more superboxes or content boxes (`cbor`, `json`, …).
///
/// The manifest store is read whole into memory (it is small, and capped by
/// `JUMBFBox.maxStoreBytes`), and parsed with a depth limit.
struct JUMBFBox: Sendable {
    static let maxDepth = 16
    static let maxStoreBytes = 32 << 20

    /// The description's 16-byte content type; C2PA's are `c2pa`, `c2ma`, `c2cl`, `c2cs`, `c2as`, `cbor`, `json` + a fixed suffix.
    var contentType: Data
    var label: String?
    var children: [JUMBFBox]
    /// Content boxes (non-`jumb`) by four-character type, with their payloads.
    var contents: [(type: String, data: Data)]
    /// The superbox's payload (description and contents, without its own header): what a hashed URI's hash covers.
    var payload: Data

    /// The four-character prefix of the content type (`c2pa`, `c2ma`, `c2cl`, `cbor`, …).
    var contentTypeCode: String { String(decoding: contentType.prefix(4), as: UTF8.self) }

    func child(labelled label: String) -> JUMBFBox? { children.first { $0.label == label } }

    func content(_ type: String) -> Data? { contents.first { $0.type == type }?.data }

    /// Parses the superbox that fills `data`.
    static func parse(_ data: Data) throws(ProvenanceError) -> JUMBFBox {
        let boxes = try rawBoxes(in: data)
        guard boxes.count == 1, let only = boxes.first, only.type == "jumb" else { throw .malformed("the manifest store is not one JUMBF superbox") }
        return try superbox(only.payload, depth: 0)
    }

    private static func superbox(_ payload: Data, depth: Int) throws(ProvenanceError) -> JUMBFBox {
        guard depth < maxDepth else { throw .malformed("JUMBF nested deeper than \(maxDepth)") }
        let boxes = try rawBoxes(in: payload)
        guard let description = boxes.first, description.type == "jumd" else { throw .malformed("a JUMBF superbox does not start with its description") }
        let (contentType, label) = try describe(description.payload)
        var box = JUMBFBox(contentType: contentType, label: label, children: [], contents: [], payload: payload)
        for inner in boxes.dropFirst() {
            if inner.type == "jumb" {
                box.children.append(try superbox(inner.payload, depth: depth + 1))
            } else {
                box.contents.append((inner.type, inner.payload))
            }
        }
        return box
    }

    /// The description box: a 16-byte type, toggles, then a NUL-terminated label when toggle bit 1 is set.
    private static func describe(_ payload: Data) throws(ProvenanceError) -> (Data, String?) {
        guard payload.count >= 17 else { throw .malformed("a JUMBF description of \(payload.count) bytes") }
        let type = Data(payload.prefix(16))
        let toggles = payload[payload.startIndex + 16]
        guard toggles & 0x02 != 0 else { return (type, nil) }
        let rest = payload.dropFirst(17)
        guard let end = rest.firstIndex(of: 0) else { throw .malformed("a JUMBF label without its terminator") }
        guard let label = String(validating: rest[rest.startIndex..<end], as: UTF8.self) else { throw .malformed("a JUMBF label is not UTF-8") }
        return (type, label)
    }

    /// The boxes laid end to end in `data`, with their payloads.
    static func rawBoxes(in data: Data) throws(ProvenanceError) -> [(type: String, payload: Data)] {
        var boxes: [(type: String, payload: Data)] = []
        var offset = data.startIndex
        while offset < data.endIndex {
            guard data.endIndex - offset >= 8 else { throw .malformed("\(data.endIndex - offset) stray bytes in JUMBF") }
            var size = Int(data.bigEndianInteger(at: offset - data.startIndex, width: 4))
            let type = String(decoding: data[offset + 4..<offset + 8], as: UTF8.self)
            var header = 8
            if size == 1 {
                guard data.endIndex - offset >= 16 else { throw .malformed("a JUMBF box's long size is cut off") }
                let long = data.bigEndianInteger(at: offset + 8 - data.startIndex, width: 8)
                guard long <= UInt64(Int.max) else { throw .malformed("a JUMBF box of \(long) bytes") }
                size = Int(long)
                header = 16
            } else if size == 0 {
                size = data.endIndex - offset
            }
            guard size >= header, size <= data.endIndex - offset else {
                throw .malformed("JUMBF box '\(type)' claims \(size) bytes, \(data.endIndex - offset) remain")
            }
            boxes.append((type, data[offset + header..<offset + size]))
            offset += size
        }
        return boxes
    }
}
